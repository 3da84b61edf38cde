package co.edu.idep.mesa.servicelevel;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The institute's working time: the configured hours of the configured weekdays, minus Colombian
 * public holidays and any lunch break. Service-level targets count only this time, so a ticket
 * opened on Friday evening starts its clock on Monday morning (or Tuesday, after a holiday Monday).
 *
 * <p>All times are instants; the calendar reads them in its zone. Each working day is a list of
 * half-open windows, e.g. [07:00, 16:30): 16:30 itself is no longer working time, but a target that
 * ends exactly at closing is due at 16:30, not at the next opening.
 */
public class WorkingTime {

  private final ZoneId zone;
  private final Set<DayOfWeek> days;
  private final List<Window> windows;
  private final ColombianHolidays holidays;

  public WorkingTime(WorkingTimeProperties properties, ColombianHolidays holidays) {
    this.zone = properties.zone();
    this.days = properties.days();
    this.windows = windowsOf(properties);
    this.holidays = Objects.requireNonNull(holidays, "holidays");
    // Without a working weekday, plus() would search for ever.
    if (days.isEmpty()) {
      throw new IllegalArgumentException("mesa.working-time.days must name at least one weekday");
    }
  }

  public ZoneId zone() {
    return zone;
  }

  /** The instant when {@code workingDuration} of working time has elapsed since {@code start}. */
  public Instant plus(Instant start, Duration workingDuration) {
    Objects.requireNonNull(start, "start");
    if (workingDuration.isNegative()) {
      throw new IllegalArgumentException("A working duration cannot be negative: " + workingDuration);
    }
    if (workingDuration.isZero()) {
      return start;
    }
    Duration remaining = workingDuration;
    for (LocalDate day = dateOf(start); ; day = day.plusDays(1)) {
      if (!isWorkingDay(day)) continue;
      for (Window window : windows) {
        Instant from = latest(at(day, window.start()), start);
        Instant to = at(day, window.end());
        if (!from.isBefore(to)) continue;
        Duration available = Duration.between(from, to);
        if (remaining.compareTo(available) <= 0) {
          return from.plus(remaining);
        }
        remaining = remaining.minus(available);
      }
    }
  }

  /**
   * The instant when {@code workingDuration} of working time has elapsed since {@code start}, not
   * counting the {@code pauses}: the inverse of {@link #between(Instant, Instant, List)}. A pause
   * only moves what falls after its start, so a target already due before a pause keeps its due
   * time. Pauses may overlap each other or begin before {@code start}.
   */
  public Instant plus(Instant start, Duration workingDuration, List<Interval> pauses) {
    Objects.requireNonNull(start, "start");
    if (workingDuration.isNegative()) {
      throw new IllegalArgumentException("A working duration cannot be negative: " + workingDuration);
    }
    List<Interval> sorted = new ArrayList<>(pauses);
    sorted.sort(Comparator.comparing(Interval::start));
    Duration remaining = workingDuration;
    Instant counting = start; // where the clock last started running
    for (Interval pause : sorted) {
      if (!pause.end().isAfter(counting)) continue;
      Duration available = between(counting, latest(pause.start(), counting));
      if (remaining.compareTo(available) <= 0) {
        return plus(counting, remaining);
      }
      remaining = remaining.minus(available);
      counting = pause.end();
    }
    return plus(counting, remaining);
  }

  /** The working time from {@code from} to {@code to}. */
  public Duration between(Instant from, Instant to) {
    requireOrdered(from, to);
    Duration total = Duration.ZERO;
    LocalDate last = dateOf(to);
    for (LocalDate day = dateOf(from); !day.isAfter(last); day = day.plusDays(1)) {
      if (!isWorkingDay(day)) continue;
      for (Window window : windows) {
        Instant start = latest(at(day, window.start()), from);
        Instant end = earliest(at(day, window.end()), to);
        if (start.isBefore(end)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  /**
   * The working time from {@code from} to {@code to} outside the {@code pauses}, e.g. while the ticket
   * waited on its requester. Pauses may overlap each other or reach beyond {@code from} and
   * {@code to}; no time is subtracted twice.
   */
  public Duration between(Instant from, Instant to, List<Interval> pauses) {
    requireOrdered(from, to);
    List<Interval> sorted = new ArrayList<>(pauses);
    sorted.sort(Comparator.comparing(Interval::start));
    Duration total = Duration.ZERO;
    Instant counting = from; // where the clock last started running
    for (Interval pause : sorted) {
      Instant pauseStart = earliest(latest(pause.start(), from), to);
      Instant pauseEnd = earliest(pause.end(), to);
      if (pauseStart.isAfter(counting)) {
        total = total.plus(between(counting, pauseStart));
      }
      counting = latest(counting, pauseEnd);
    }
    return total.plus(between(counting, to));
  }

  public boolean isWorkingTime(Instant instant) {
    LocalDate day = dateOf(instant);
    if (!isWorkingDay(day)) return false;
    for (Window window : windows) {
      if (!instant.isBefore(at(day, window.start())) && instant.isBefore(at(day, window.end()))) {
        return true;
      }
    }
    return false;
  }

  /** {@code instant} itself when it is working time, otherwise the next opening after it. */
  public Instant nextWorkingInstant(Instant instant) {
    for (LocalDate day = dateOf(instant); ; day = day.plusDays(1)) {
      if (!isWorkingDay(day)) continue;
      for (Window window : windows) {
        if (instant.isBefore(at(day, window.end()))) {
          return latest(at(day, window.start()), instant);
        }
      }
    }
  }

  /** A configured weekday that is not a public holiday. */
  public boolean isWorkingDay(LocalDate date) {
    return days.contains(date.getDayOfWeek()) && !holidays.isHoliday(date);
  }

  private static List<Window> windowsOf(WorkingTimeProperties properties) {
    LocalTime opens = properties.opens();
    LocalTime closes = properties.closes();
    if (!opens.isBefore(closes)) {
      throw new IllegalArgumentException(
          "mesa.working-time.opens (" + opens + ") must be before closes (" + closes + ")");
    }
    WorkingTimeProperties.Break lunch = properties.lunch();
    if (lunch == null || lunch.start() == null && lunch.end() == null) {
      return List.of(new Window(opens, closes));
    }
    if (lunch.start() == null || lunch.end() == null || !opens.isBefore(lunch.start())
        || !lunch.start().isBefore(lunch.end()) || !lunch.end().isBefore(closes)) {
      throw new IllegalArgumentException("mesa.working-time.lunch (" + lunch.start() + " to " + lunch.end()
          + ") must lie inside the working hours (" + opens + " to " + closes + ")");
    }
    return List.of(new Window(opens, lunch.start()), new Window(lunch.end(), closes));
  }

  private LocalDate dateOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  private Instant at(LocalDate day, LocalTime time) {
    return ZonedDateTime.of(day, time, zone).toInstant();
  }

  private static void requireOrdered(Instant from, Instant to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("The end (" + to + ") is before the start (" + from + ")");
    }
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /** Part of a working day, from start up to, not including, end. */
  private record Window(LocalTime start, LocalTime end) {}
}
