package co.edu.idep.mesa.servicelevel;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the test sets, in Bogotá like the application's. */
public class TestClock extends Clock {

  private volatile Instant now;

  public TestClock(Instant now) {
    this.now = now;
  }

  public void set(Instant now) {
    this.now = now;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return WorkingTimeProperties.DEFAULT_ZONE;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
