package co.edu.idep.mesa.servicelevel;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The default calendar: Monday to Friday, 7:00–16:30 in Bogotá (9.5 hours a day), no lunch. */
class WorkingTimeTest {

  private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
  private static final Duration WORKING_DAY = ofHours(9).plusMinutes(30);

  private final WorkingTime workingTime = new WorkingTime(WorkingTimeProperties.defaults(), new ColombianHolidays());

  @Test
  void a_target_within_the_day() {
    assertThat(workingTime.plus(at("2026-03-10T08:00"), ofHours(4))).isEqualTo(at("2026-03-10T12:00"));
  }

  @Test
  void a_target_that_crosses_a_weekend_and_a_holiday() {
    // Friday 12 June 2026, 15:00: 1.5 h on Friday; Monday 15 June is Sagrado Corazón; 2.5 h on Tuesday.
    Instant opened = at("2026-06-12T15:00");

    Instant due = workingTime.plus(opened, ofHours(4));

    assertThat(due).isEqualTo(at("2026-06-16T09:30"));
    assertThat(workingTime.between(opened, due)).isEqualTo(ofHours(4));
  }

  @Test
  void a_target_that_crosses_holy_week_ends_at_closing_time_not_at_the_next_opening() {
    // Wednesday 1 April 2026, 10:00: 6.5 h; Jueves and Viernes Santo, the weekend; 9.5 h on Monday.
    assertThat(workingTime.plus(at("2026-04-01T10:00"), ofHours(16))).isEqualTo(at("2026-04-06T16:30"));
  }

  @Test
  void a_target_that_crosses_new_year() {
    // Wed 30 Dec 2026 10:00 + two working days: 6.5 h, 9.5 h on the 31st, 1 Jan and the weekend off, 3 h.
    assertThat(workingTime.plus(at("2026-12-30T10:00"), WORKING_DAY.multipliedBy(2)))
        .isEqualTo(at("2027-01-04T10:00"));
  }

  @Test
  void a_ticket_opened_after_hours_starts_counting_at_the_next_opening() {
    Instant opened = at("2026-03-10T18:00"); // a Tuesday evening

    assertThat(workingTime.isWorkingTime(opened)).isFalse();
    assertThat(workingTime.nextWorkingInstant(opened)).isEqualTo(at("2026-03-11T07:00"));
    assertThat(workingTime.plus(opened, ofHours(2))).isEqualTo(at("2026-03-11T09:00"));
    assertThat(workingTime.between(opened, at("2026-03-11T07:00"))).isZero();
  }

  @Test
  void a_ticket_opened_before_hours_starts_counting_at_opening() {
    assertThat(workingTime.plus(at("2026-03-10T05:45"), ofHours(1))).isEqualTo(at("2026-03-10T08:00"));
  }

  @Test
  void a_ticket_opened_on_a_holiday_starts_counting_the_next_working_day() {
    Instant opened = at("2026-03-23T10:00"); // Monday, Día de San José

    assertThat(workingTime.isWorkingTime(opened)).isFalse();
    assertThat(workingTime.plus(opened, ofHours(1))).isEqualTo(at("2026-03-24T08:00"));
  }

  @Test
  void a_ticket_opened_on_a_saturday_starts_counting_on_monday() {
    Instant opened = at("2026-03-14T10:00");

    assertThat(workingTime.isWorkingTime(opened)).isFalse();
    assertThat(workingTime.plus(opened, ofMinutes(30))).isEqualTo(at("2026-03-16T07:30"));
  }

  @Test
  void a_ticket_opened_on_a_saturday_before_a_holiday_monday_starts_on_tuesday() {
    // Saturday 16 May 2026; Monday 18 May is Ascensión.
    assertThat(workingTime.nextWorkingInstant(at("2026-05-16T09:00"))).isEqualTo(at("2026-05-19T07:00"));
  }

  @Test
  void working_hours_are_half_open() {
    assertThat(workingTime.isWorkingTime(at("2026-03-10T06:59:59"))).isFalse();
    assertThat(workingTime.isWorkingTime(at("2026-03-10T07:00"))).isTrue();
    assertThat(workingTime.isWorkingTime(at("2026-03-10T16:29:59"))).isTrue();
    assertThat(workingTime.isWorkingTime(at("2026-03-10T16:30"))).isFalse();
    assertThat(workingTime.nextWorkingInstant(at("2026-03-10T12:00"))).isEqualTo(at("2026-03-10T12:00"));
  }

  @Test
  void between_skips_nights_weekends_and_holidays() {
    // Friday 12 June 12:00 to Tuesday 16 June 12:00: 4.5 h + (weekend, Sagrado Corazón) + 5 h.
    assertThat(workingTime.between(at("2026-06-12T12:00"), at("2026-06-16T12:00"))).isEqualTo(ofHours(9).plusMinutes(30));
    assertThat(workingTime.between(at("2026-03-09T07:00"), at("2026-03-16T07:00"))).isEqualTo(WORKING_DAY.multipliedBy(5));
    assertThat(workingTime.between(at("2026-03-14T08:00"), at("2026-03-15T20:00"))).isZero();
  }

  @Test
  void between_round_trips_plus() {
    Random random = new Random(20260101);
    Instant first = at("2026-01-01T00:00");
    for (int i = 0; i < 2_000; i++) {
      Instant start = first.plus(Duration.ofMinutes(random.nextInt(2 * 366 * 24 * 60)));
      Duration target = Duration.ofMinutes(1 + random.nextInt(60 * 60)); // up to 60 working hours

      Instant due = workingTime.plus(start, target);

      assertThat(workingTime.between(start, due)).as("from %s plus %s", start, target).isEqualTo(target);
      assertThat(workingTime.isWorkingTime(due.minusSeconds(1))).as("just before %s", due).isTrue();
    }
  }

  @Test
  void plus_zero_is_the_start_itself() {
    assertThat(workingTime.plus(at("2026-03-14T10:00"), Duration.ZERO)).isEqualTo(at("2026-03-14T10:00"));
  }

  @Test
  void pauses_do_not_count() {
    // Monday 9 March 8:00 to Wednesday 11 March 8:00: 8.5 h + 9.5 h + 1 h.
    Instant from = at("2026-03-09T08:00");
    Instant to = at("2026-03-11T08:00");
    assertThat(workingTime.between(from, to, List.of())).isEqualTo(ofHours(19));

    // Waiting on the requester from Monday 15:00 to Tuesday 10:00: 1.5 h + 3 h stopped.
    Interval waiting = new Interval(at("2026-03-09T15:00"), at("2026-03-10T10:00"));
    assertThat(workingTime.between(from, to, List.of(waiting))).isEqualTo(ofHours(14).plusMinutes(30));

    // An overlapping pause only stops the clock once more where it does not overlap (10:00–11:00).
    Interval overlapping = new Interval(at("2026-03-10T09:00"), at("2026-03-10T11:00"));
    assertThat(workingTime.between(from, to, List.of(overlapping, waiting))).isEqualTo(ofHours(13).plusMinutes(30));
  }

  @Test
  void pauses_beyond_the_span_and_outside_hours_are_clipped() {
    Instant from = at("2026-03-09T08:00");
    Instant to = at("2026-03-11T08:00");
    List<Interval> pauses = List.of(
        new Interval(at("2026-03-06T10:00"), at("2026-03-09T09:00")), // began before: stops 8:00–9:00
        new Interval(at("2026-03-09T20:00"), at("2026-03-10T06:00")), // a night: nothing to stop
        new Interval(at("2026-03-11T07:30"), at("2026-03-12T12:00"))); // runs past the end: stops 7:30–8:00

    assertThat(workingTime.between(from, to, pauses)).isEqualTo(ofHours(17).plusMinutes(30));
  }

  @Test
  void a_pause_moves_only_what_falls_after_its_start() {
    // Monday 9 March 8:00 + 8 h is 16:00; waiting from 10:00 to Tuesday 10:00 (9.5 h) moves it to Tuesday 16:00.
    Instant start = at("2026-03-09T08:00");
    Interval waiting = new Interval(at("2026-03-09T10:00"), at("2026-03-10T10:00"));
    assertThat(workingTime.plus(start, ofHours(8), List.of(waiting))).isEqualTo(at("2026-03-10T16:00"));
    // A target due before the pause began keeps its due time.
    assertThat(workingTime.plus(start, ofHours(1), List.of(waiting))).isEqualTo(at("2026-03-09T09:00"));
    // Due exactly when the pause begins: the pause does not push it.
    assertThat(workingTime.plus(start, ofHours(2), List.of(waiting))).isEqualTo(at("2026-03-09T10:00"));
    // A pause that began before the start (the clock runs from 9:00) and overlapping pauses
    // (stopped until Tuesday 11:00): 1 h on Monday, 1 h on Tuesday.
    Interval before = new Interval(at("2026-03-06T10:00"), at("2026-03-09T09:00"));
    Interval overlapping = new Interval(at("2026-03-09T15:00"), at("2026-03-10T11:00"));
    assertThat(workingTime.plus(start, ofHours(2), List.of(overlapping, waiting, before)))
        .isEqualTo(at("2026-03-10T12:00"));
    assertThat(workingTime.plus(start, Duration.ZERO, List.of(waiting))).isEqualTo(start);
  }

  @Test
  void between_with_pauses_round_trips_plus_with_pauses() {
    Random random = new Random(20260309);
    Instant first = at("2026-01-01T00:00");
    for (int i = 0; i < 1_000; i++) {
      Instant start = first.plus(Duration.ofMinutes(random.nextInt(366 * 24 * 60)));
      Duration target = Duration.ofMinutes(1 + random.nextInt(40 * 60));
      List<Interval> pauses = new java.util.ArrayList<>();
      for (int p = random.nextInt(4); p > 0; p--) {
        Instant from = start.plus(Duration.ofMinutes(random.nextInt(10 * 24 * 60) - 24 * 60));
        pauses.add(new Interval(from, from.plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)))));
      }

      Instant due = workingTime.plus(start, target, pauses);

      assertThat(workingTime.between(start, due, pauses)).as("from %s plus %s, pauses %s", start, target, pauses)
          .isEqualTo(target);
      assertThat(workingTime.between(start, due.minusSeconds(1), pauses)).as("just before %s", due)
          .isLessThan(target);
    }
  }

  @Test
  void a_lunch_break_does_not_count() {
    WorkingTime withLunch = new WorkingTime(new WorkingTimeProperties(null, null, null, null,
        new WorkingTimeProperties.Break(LocalTime.NOON, LocalTime.of(13, 0))), new ColombianHolidays());

    assertThat(withLunch.isWorkingTime(at("2026-03-10T12:30"))).isFalse();
    assertThat(withLunch.plus(at("2026-03-10T11:00"), ofHours(2))).isEqualTo(at("2026-03-10T14:00"));
    assertThat(withLunch.plus(at("2026-03-10T11:00"), ofHours(1))).isEqualTo(at("2026-03-10T12:00"));
    assertThat(withLunch.between(at("2026-03-10T07:00"), at("2026-03-10T16:30"))).isEqualTo(ofHours(8).plusMinutes(30));
    assertThat(withLunch.nextWorkingInstant(at("2026-03-10T12:15"))).isEqualTo(at("2026-03-10T13:00"));
  }

  @Test
  void other_days_and_hours() {
    Set<DayOfWeek> mondayToSaturday = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);
    WorkingTime saturdays = new WorkingTime(new WorkingTimeProperties(BOGOTA, mondayToSaturday,
        LocalTime.of(8, 0), LocalTime.of(12, 0), null), new ColombianHolidays());

    assertThat(saturdays.plus(at("2026-03-13T11:00"), ofHours(2))).isEqualTo(at("2026-03-14T09:00"));
    // Saturday 15 August 2026 is Asunción's date, but the holiday is Monday the 17th.
    assertThat(saturdays.isWorkingTime(at("2026-08-15T09:00"))).isTrue();
    assertThat(saturdays.isWorkingTime(at("2026-08-17T09:00"))).isFalse();
  }

  @Test
  void nonsense_hours_are_refused() {
    ColombianHolidays holidays = new ColombianHolidays();
    assertThatIllegalArgumentException().isThrownBy(() -> new WorkingTime(
        new WorkingTimeProperties(null, null, LocalTime.of(17, 0), LocalTime.of(8, 0), null), holidays));
    assertThatIllegalArgumentException().isThrownBy(() -> new WorkingTime(
        new WorkingTimeProperties(null, Set.of(), null, null, null), holidays));
    assertThatIllegalArgumentException().isThrownBy(() -> new WorkingTime(new WorkingTimeProperties(null, null,
        null, null, new WorkingTimeProperties.Break(LocalTime.of(16, 0), LocalTime.of(17, 0))), holidays));
  }

  @Test
  void backwards_spans_and_negative_durations_are_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> workingTime.between(at("2026-03-10T10:00"), at("2026-03-10T09:00")));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> workingTime.plus(at("2026-03-10T10:00"), ofHours(-1)));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Interval(at("2026-03-10T10:00"), at("2026-03-10T09:00")));
  }

  /** A wall-clock time in Bogotá. */
  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(BOGOTA).toInstant();
  }
}
