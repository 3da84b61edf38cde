package co.edu.idep.mesa.servicelevel;

import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of time that the service-level clock does not count, such as while a ticket waits on
 * its requester. Half open: from {@code start} up to, not including, {@code end}.
 */
public record Interval(Instant start, Instant end) {

  public Interval {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("An interval cannot end (" + end + ") before it starts (" + start + ")");
    }
  }
}
