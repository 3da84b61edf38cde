package co.edu.idep.mesa.servicelevel;

import static co.edu.idep.mesa.servicelevel.ServiceLevelKind.FIRST_ATTENTION;
import static co.edu.idep.mesa.servicelevel.ServiceLevelKind.RESOLUTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service levels on known dates of the default calendar (Monday to Friday, 7:00–16:30 in
 * Bogotá, Colombian holidays off), against the real schema and decision table. Support tickets take
 * 1 h / 8 h at ALTA, 4 h / 24 h at MEDIA and 8 h / 40 h at BAJA in the table as shipped; the
 * expected times below are worked out by hand from those.
 */
abstract class AbstractServiceLevelsTest {

  static final String CODE = "MDS-2026-000042";
  static final String SUPPORT = "SOPORTE_TECNICO";

  final TestClock clock = new TestClock(at("2026-03-10T08:00"));
  ServiceLevelDatabase db;
  ServiceLevels serviceLevels;
  ServiceLevelRepository repository;

  /** A fresh, migrated database for each test. */
  protected abstract ServiceLevelDatabase database(TestClock clock);

  @BeforeEach
  void setUp() {
    db = database(clock);
    serviceLevels = db.serviceLevels;
    repository = new ServiceLevelRepository(db.template);
    db.ticket(CODE, SUPPORT, at("2026-03-10T08:00"));
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void targetsFromTheTableCountOnlyWorkingTimeAcrossAWeekendAndAHoliday() {
    // Friday 12 June 2026, 15:00; Monday 15 June is Sagrado Corazón.
    Instant opened = at("2026-06-12T15:00");

    assertThat(inTransaction(() -> serviceLevels.start(CODE, SUPPORT, "ALTA", opened))).isTrue();

    ServiceLevelTarget attention = target(FIRST_ATTENTION);
    assertThat(attention.targetMinutes()).isEqualTo(60);
    assertThat(attention.dueAt()).isEqualTo(at("2026-06-12T16:00"));
    assertThat(attention.warningAt()).isEqualTo(at("2026-06-12T15:45"));
    ServiceLevelTarget resolution = target(RESOLUTION);
    assertThat(resolution.targetMinutes()).isEqualTo(8 * 60);
    assertThat(resolution.topic()).isEqualTo(SUPPORT);
    assertThat(resolution.priority()).isEqualTo("ALTA");
    // 1.5 h on Friday, the weekend and the holiday Monday off, 6.5 h on Tuesday (6 h for the warning).
    assertThat(resolution.dueAt()).isEqualTo(at("2026-06-16T13:30"));
    assertThat(resolution.warningAt()).isEqualTo(at("2026-06-16T11:30"));
    assertThat(serviceLevels.breachDue(CODE, RESOLUTION)).isEqualTo(Date.from(at("2026-06-16T13:30")));
    assertThat(serviceLevels.warningDue(CODE, FIRST_ATTENTION)).isEqualTo(Date.from(at("2026-06-12T15:45")));

    clock.set(at("2026-06-15T12:00")); // the holiday: nothing more used than on Friday
    assertThat(serviceLevels.status(CODE)).extracting(ServiceLevelView::usedMinutes).containsExactly(90L, 90L);
  }

  @Test
  void aTicketOpenedAfterHoursOnAHolidayStartsCountingAtTheNextOpening() {
    // Monday 23 March 2026, Día de San José, in the evening.
    inTransaction(() -> serviceLevels.start(CODE, SUPPORT, "ALTA", at("2026-03-23T18:00")));

    assertThat(target(FIRST_ATTENTION).dueAt()).isEqualTo(at("2026-03-24T08:00"));
    assertThat(target(RESOLUTION).dueAt()).isEqualTo(at("2026-03-24T15:00"));
  }

  @Test
  void startingTwiceKeepsTheFirstTargets() {
    assertThat(inTransaction(() -> serviceLevels.start(CODE, SUPPORT, "MEDIA", at("2026-03-10T08:00")))).isTrue();
    assertThat(inTransaction(() -> serviceLevels.start(CODE, SUPPORT, "BAJA", at("2026-03-10T09:00")))).isFalse();

    assertThat(repository.findByTicket(CODE)).hasSize(2).allSatisfy(t -> {
      assertThat(t.priority()).isEqualTo("MEDIA");
      assertThat(t.startedAt()).isEqualTo(at("2026-03-10T08:00"));
    });
  }

  @Test
  void aWaitOnTheRequesterStopsTheClockAndMovesTheDueTimesOnResume() {
    // Tuesday 10 March 2026, 08:00, MEDIA: 4 h to attend (12:00), 24 h to solve (Thursday 13:00).
    inTransaction(() -> serviceLevels.start(CODE, SUPPORT, "MEDIA", at("2026-03-10T08:00")));
    assertThat(target(RESOLUTION).dueAt()).isEqualTo(at("2026-03-12T13:00"));
    assertThat(target(RESOLUTION).warningAt()).isEqualTo(at("2026-03-11T16:30"));
    inTransaction(() -> serviceLevels.firstAttention(CODE, at("2026-03-10T09:00")));

    assertThat(inTransaction(() -> serviceLevels.pause(CODE, at("2026-03-10T10:00")))).isTrue();
    assertThat(inTransaction(() -> serviceLevels.pause(CODE, at("2026-03-10T11:00")))).isFalse();

    // At the old due time the clock has stood still since Tuesday 10:00: 2 h used, no breach.
    clock.set(at("2026-03-12T13:00"));
    assertThat(inTransaction(() -> serviceLevels.recordBreach(CODE, RESOLUTION, at("2026-03-12T13:00")))).isFalse();
    assertThat(inTransaction(() -> serviceLevels.recordWarning(CODE, RESOLUTION, at("2026-03-12T13:00")))).isFalse();
    // The timer, set again now, waits for the 22 h left as if work resumed now: Thu 3.5 h, Fri 9.5 h, Mon 9 h.
    assertThat(serviceLevels.breachDue(CODE, RESOLUTION)).isEqualTo(Date.from(at("2026-03-16T16:00")));
    // With "now" from the caller (the engine's clock), the same as of that instant: Friday 13:00 + 22 h.
    assertThat(serviceLevels.breachDue(CODE, RESOLUTION, at("2026-03-13T13:00"))).isEqualTo(Date.from(at("2026-03-17T16:00")));
    ServiceLevelView waiting = serviceLevels.status(CODE, RESOLUTION).orElseThrow();
    assertThat(waiting.state()).isEqualTo("EN_PAUSA");
    assertThat(waiting.stateLabel()).isEqualTo("En pausa: el ticket espera al solicitante");
    assertThat(waiting.usedMinutes()).isEqualTo(120);
    assertThat(waiting.met()).isNull();

    // Resumed Thursday 14:00 after 23 working hours: 22 h left from there.
    assertThat(inTransaction(() -> serviceLevels.resume(CODE, at("2026-03-12T14:00")))).isTrue();
    assertThat(inTransaction(() -> serviceLevels.resume(CODE, at("2026-03-12T15:00")))).isFalse();

    ServiceLevelTarget resolution = target(RESOLUTION);
    assertThat(resolution.dueAt()).isEqualTo(at("2026-03-17T07:30"));
    assertThat(resolution.warningAt()).isEqualTo(at("2026-03-16T11:00"));
    assertThat(resolution.pausedMinutes()).isEqualTo(23 * 60);
    // The first attention was met before the wait: it keeps its times.
    assertThat(target(FIRST_ATTENTION).dueAt()).isEqualTo(at("2026-03-10T12:00"));
    assertThat(target(FIRST_ATTENTION).pausedMinutes()).isZero();

    clock.set(at("2026-03-16T11:00"));
    assertThat(serviceLevels.status(CODE, RESOLUTION).orElseThrow().state()).isEqualTo("EN_CURSO");
    assertThat(inTransaction(() -> serviceLevels.recordWarning(CODE, RESOLUTION, at("2026-03-16T11:00")))).isTrue();
  }

  @Test
  void aChangeOfPriorityRecomputesTheTargetsNotYetMet() {
    // BAJA at Tuesday 08:00: 8 h to attend (16:00), 40 h to solve.
    inTransaction(() -> serviceLevels.start(CODE, SUPPORT, "BAJA", at("2026-03-10T08:00")));
    assertThat(target(FIRST_ATTENTION).dueAt()).isEqualTo(at("2026-03-10T16:00"));

    // Raised to ALTA at 08:30: 1 h and 8 h, still counted from the registration.
    assertThat(inTransaction(() -> serviceLevels.priorityChanged(CODE, "ALTA", at("2026-03-10T08:30")))).isTrue();
    assertThat(inTransaction(() -> serviceLevels.priorityChanged(CODE, "ALTA", at("2026-03-10T08:31")))).isFalse();

    ServiceLevelTarget attention = target(FIRST_ATTENTION);
    assertThat(attention.priority()).isEqualTo("ALTA");
    assertThat(attention.targetMinutes()).isEqualTo(60);
    assertThat(attention.dueAt()).isEqualTo(at("2026-03-10T09:00"));
    assertThat(target(RESOLUTION).dueAt()).isEqualTo(at("2026-03-10T16:00"));
    assertThat(inTransaction(() -> serviceLevels.recordBreach(CODE, FIRST_ATTENTION, at("2026-03-10T09:00")))).isTrue();

    // Attended late; then lowered to MEDIA: the met target keeps what it was promised, the breach stays.
    inTransaction(() -> serviceLevels.firstAttention(CODE, at("2026-03-10T09:30")));
    inTransaction(() -> serviceLevels.priorityChanged(CODE, "MEDIA", at("2026-03-10T10:00")));
    assertThat(target(FIRST_ATTENTION).priority()).isEqualTo("ALTA");
    assertThat(target(FIRST_ATTENTION).isMet()).isFalse();
    assertThat(target(RESOLUTION).priority()).isEqualTo("MEDIA");
    assertThat(target(RESOLUTION).dueAt()).isEqualTo(at("2026-03-12T13:00"));
  }

  @Test
  void aWarningThatALowerPriorityMovesAheadIsGivenAgainThenButABreachStays() {
    inTransaction(() -> serviceLevels.start(CODE, SUPPORT, "ALTA", at("2026-03-10T08:00")));
    assertThat(inTransaction(() -> serviceLevels.recordWarning(CODE, FIRST_ATTENTION, at("2026-03-10T08:45")))).isTrue();

    // Lowered to BAJA at 08:50: 8 h to attend, warned at 6 h (14:00).
    inTransaction(() -> serviceLevels.priorityChanged(CODE, "BAJA", at("2026-03-10T08:50")));

    assertThat(target(FIRST_ATTENTION).warnedAt()).isNull();
    assertThat(serviceLevels.awaitsWarning(CODE, FIRST_ATTENTION)).isTrue();
    assertThat(inTransaction(() -> serviceLevels.recordBreach(CODE, FIRST_ATTENTION, at("2026-03-10T09:00")))).isFalse();
    assertThat(inTransaction(() -> serviceLevels.recordWarning(CODE, FIRST_ATTENTION, at("2026-03-10T13:59")))).isFalse();
    assertThat(inTransaction(() -> serviceLevels.recordWarning(CODE, FIRST_ATTENTION, at("2026-03-10T14:00")))).isTrue();
  }

  @Test
  void warningsAndBreachesAreRecordedOnceEvenWhenAJobIsRetried() {
    inTransaction(() -> serviceLevels.start(CODE, SUPPORT, "ALTA", at("2026-03-10T08:00")));
    assertThat(serviceLevels.awaitsBreach(CODE, FIRST_ATTENTION)).isTrue();

    // Too early: the timer fired before the target was used up.
    assertThat(inTransaction(() -> serviceLevels.recordBreach(CODE, FIRST_ATTENTION, at("2026-03-10T08:59")))).isFalse();
    // The job that records the breach fails after it (its notice could not be written): rolled back.
    db.transaction.executeWithoutResult(status -> {
      assertThat(serviceLevels.recordBreach(CODE, FIRST_ATTENTION, at("2026-03-10T09:00"))).isTrue();
      status.setRollbackOnly();
    });
    assertThat(target(FIRST_ATTENTION).breachedAt()).isNull();
    // Retried: recorded now, and never again.
    assertThat(inTransaction(() -> serviceLevels.recordBreach(CODE, FIRST_ATTENTION, at("2026-03-10T09:01")))).isTrue();
    assertThat(inTransaction(() -> serviceLevels.recordBreach(CODE, FIRST_ATTENTION, at("2026-03-10T09:02")))).isFalse();
    assertThat(target(FIRST_ATTENTION).breachedAt()).isEqualTo(at("2026-03-10T09:01"));
    // A warning after the breach has nothing left to warn of.
    assertThat(inTransaction(() -> serviceLevels.recordWarning(CODE, FIRST_ATTENTION, at("2026-03-10T09:03")))).isFalse();
    assertThat(serviceLevels.awaitsBreach(CODE, FIRST_ATTENTION)).isFalse();
    assertThat(serviceLevels.awaitsWarning(CODE, FIRST_ATTENTION)).isFalse();

    assertThat(inTransaction(() -> serviceLevels.recordWarning(CODE, RESOLUTION, at("2026-03-10T14:00")))).isTrue();
    assertThat(inTransaction(() -> serviceLevels.recordWarning(CODE, RESOLUTION, at("2026-03-10T14:00")))).isFalse();
    assertThat(serviceLevels.awaitsWarning(CODE, RESOLUTION)).isFalse();
    assertThat(serviceLevels.awaitsBreach(CODE, RESOLUTION)).isTrue();

    clock.set(at("2026-03-10T15:00"));
    List<ServiceLevelView> status = serviceLevels.status(CODE);
    assertThat(status).extracting(ServiceLevelView::kind).containsExactly("FIRST_ATTENTION", "RESOLUTION");
    assertThat(status.get(0).state()).isEqualTo("INCUMPLIDO");
    assertThat(status.get(0).met()).isFalse();
    assertThat(status.get(0).breachedAt()).isEqualTo(at("2026-03-10T09:01").atZone(WorkingTimeProperties.DEFAULT_ZONE).toOffsetDateTime());
    assertThat(status.get(1).state()).isEqualTo("EN_CURSO");
    assertThat(status.get(1).usedMinutes()).isEqualTo(7 * 60);
  }

  @Test
  void aMetTargetRecordsNothingAndItsTimerFiresAtOnce() {
    inTransaction(() -> serviceLevels.start(CODE, SUPPORT, "ALTA", at("2026-03-10T08:00")));
    assertThat(inTransaction(() -> serviceLevels.firstAttention(CODE, at("2026-03-10T08:20")))).isTrue();
    assertThat(inTransaction(() -> serviceLevels.firstAttention(CODE, at("2026-03-10T08:40")))).isFalse();

    clock.set(at("2026-03-10T08:30"));
    assertThat(serviceLevels.breachDue(CODE, FIRST_ATTENTION)).isEqualTo(Date.from(at("2026-03-10T08:30")));
    assertThat(serviceLevels.awaitsBreach(CODE, FIRST_ATTENTION)).isFalse();
    assertThat(inTransaction(() -> serviceLevels.recordWarning(CODE, FIRST_ATTENTION, at("2026-03-10T08:45")))).isFalse();
    assertThat(inTransaction(() -> serviceLevels.recordBreach(CODE, FIRST_ATTENTION, at("2026-03-10T09:00")))).isFalse();

    ServiceLevelView attended = serviceLevels.status(CODE, FIRST_ATTENTION).orElseThrow();
    assertThat(attended.met()).isTrue();
    assertThat(attended.state()).isEqualTo("CUMPLIDO");
    assertThat(attended.usedMinutes()).isEqualTo(20);
    assertThat(attended.label()).isEqualTo("Primera atención");
    assertThat(attended.targetHours()).isEqualTo(1.0);
  }

  @Test
  void aSolutionTheRequesterRejectsReopensTheResolutionWithoutCountingTheWaitForHisAnswer() {
    inTransaction(() -> serviceLevels.start(CODE, SUPPORT, "ALTA", at("2026-03-10T08:00")));

    // Solved at 10:00 without a claim first: attended then too.
    assertThat(inTransaction(() -> serviceLevels.resolved(CODE, at("2026-03-10T10:00")))).isTrue();
    assertThat(inTransaction(() -> serviceLevels.resolved(CODE, at("2026-03-10T10:05")))).isFalse();
    assertThat(target(FIRST_ATTENTION).metAt()).isEqualTo(at("2026-03-10T10:00"));

    // Not satisfied on Wednesday 10:00: 2 h were used, 6 h are left from then.
    assertThat(inTransaction(() -> serviceLevels.reopened(CODE, at("2026-03-11T10:00")))).isTrue();
    assertThat(inTransaction(() -> serviceLevels.reopened(CODE, at("2026-03-11T10:00")))).isFalse();
    ServiceLevelTarget resolution = target(RESOLUTION);
    assertThat(resolution.isOpen()).isTrue();
    assertThat(resolution.dueAt()).isEqualTo(at("2026-03-11T16:00"));
    assertThat(resolution.pausedMinutes()).isEqualTo(570);
    // The attention (late: 1 h at ALTA) is not reopened with it.
    assertThat(target(FIRST_ATTENTION).metAt()).isEqualTo(at("2026-03-10T10:00"));

    assertThat(inTransaction(() -> serviceLevels.resolved(CODE, at("2026-03-11T15:00")))).isTrue();
    clock.set(at("2026-03-12T09:00"));
    ServiceLevelView solved = serviceLevels.status(CODE, RESOLUTION).orElseThrow();
    assertThat(solved.met()).isTrue();
    assertThat(solved.usedMinutes()).isEqualTo(7 * 60);
  }

  @Test
  void aTicketWithoutTargetsHasNoTimersAndIgnoresTheCalls() {
    assertThat(serviceLevels.status(CODE)).isEmpty();
    assertThat(serviceLevels.awaitsBreach(CODE, RESOLUTION)).isFalse();
    assertThat(inTransaction(() -> serviceLevels.recordBreach(CODE, RESOLUTION, at("2026-03-10T09:00")))).isFalse();
    assertThat(inTransaction(() -> serviceLevels.priorityChanged(CODE, "ALTA", at("2026-03-10T09:00")))).isFalse();
    assertThatThrownBy(() -> serviceLevels.breachDue(CODE, RESOLUTION)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ServiceLevels.start was not called");
  }

  // ------------------------------------------------------------------ helpers

  ServiceLevelTarget target(ServiceLevelKind kind) {
    return repository.find(CODE, kind).orElseThrow();
  }

  /** As a delegate calls it: inside the transaction of its step, committed. */
  <T> T inTransaction(java.util.function.Supplier<T> call) {
    return db.transaction.execute(status -> call.get());
  }

  static Instant at(String bogotaTime) {
    return LocalDateTime.parse(bogotaTime).atZone(WorkingTimeProperties.DEFAULT_ZONE).toInstant();
  }
}
