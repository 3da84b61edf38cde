package co.edu.idep.mesa.servicelevel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service levels of the tickets (issue 9, points 4 to 6): each ticket's time to first attention
 * and time to resolution, counted in the institute's working time ({@link WorkingTime}), with the
 * clock stopped while the ticket waits on its requester.
 *
 * <p>The diagram's delegates and listeners call these methods as the ticket moves; see
 * docs/process-model.md, "Niveles de servicio". Every method:
 * <ul>
 *   <li>runs in the caller's transaction, on its connection (Camunda's, in a delegate), so a step
 *       that rolls back takes its service-level changes with it;
 *   <li>is idempotent: called again — a retried job, a listener that runs twice — it finds its
 *       work done and changes nothing, and answers {@code false};
 *   <li>takes "now" from the caller where it records something, so that the engine's clock (moved
 *       in process tests) and the records agree; elsewhere it reads the {@link Clock}.
 * </ul>
 *
 * <p>Topic and priority are codes ({@code Topic.name()}, ALTA/MEDIA/BAJA), as the process variables
 * hold them: this package knows no ticket type, so the ticket package can show the targets.
 */
@Service
public class ServiceLevels {

  /** The group is warned when this share of a target has passed. */
  public static final int WARNING_PERCENT = 75;

  private final ServiceLevelRepository targets;
  private final ServiceLevelTable table;
  private final WorkingTime workingTime;
  private final Clock clock;

  public ServiceLevels(ServiceLevelRepository targets, ServiceLevelTable table, WorkingTime workingTime, Clock clock) {
    this.targets = targets;
    this.table = table;
    this.workingTime = workingTime;
    this.clock = clock;
  }

  /**
   * Registration: starts both targets of the ticket at {@code now}, as {@code niveles-de-servicio}
   * gives them for its topic and priority.
   *
   * @return true if started now, false if the ticket already had its targets
   * @throws IllegalStateException if the table has no rule for the topic and priority
   */
  @Transactional
  public boolean start(String code, String topic, String priority, Instant now) {
    Instant at = exact(now);
    ServiceLevelTargets promised = table.targets(topic, priority);
    List<ServiceLevelTarget> started = new ArrayList<>();
    for (ServiceLevelKind kind : ServiceLevelKind.values()) {
      // Nothing has waited on the requester before the ticket's targets start.
      started.add(scheduled(new ServiceLevelTarget(code, kind, topic, priority, promised.hours(kind) * 60,
          at, null, null, 0, null, null, null), List.of(), at));
    }
    return targets.insertNew(started, at);
  }

  /**
   * The agent changed the priority at "Verificar el tema": the targets not yet met take the table's
   * values for the new priority, counted from the registration as before. A met target keeps what it
   * was promised.
   *
   * @return true if a target changed
   */
  @Transactional
  public boolean priorityChanged(String code, String priority, Instant now) {
    return reclassify(code, null, priority, now);
  }

  /** The topic was changed (and with it, usually, the priority): as {@link #priorityChanged}. */
  @Transactional
  public boolean topicChanged(String code, String topic, String priority, Instant now) {
    return reclassify(code, Objects.requireNonNull(topic, "topic"), priority, now);
  }

  /**
   * A member of the group took the ticket (claimed its first task).
   *
   * @return true if the first attention was recorded now
   */
  @Transactional
  public boolean firstAttention(String code, Instant now) {
    return targets.meet(code, ServiceLevelKind.FIRST_ATTENTION, exact(now));
  }

  /**
   * A solution is ready for the requester's verification. A ticket solved without being claimed
   * first was attended too, so an open first attention is met with it.
   *
   * @return true if the resolution was recorded now
   */
  @Transactional
  public boolean resolved(String code, Instant now) {
    Instant at = exact(now);
    targets.meet(code, ServiceLevelKind.FIRST_ATTENTION, at);
    return targets.meet(code, ServiceLevelKind.RESOLUTION, at);
  }

  /**
   * The requester found the solution not satisfactory and the work starts again: the resolution
   * target runs again, and the time the solution waited for the verification does not count.
   *
   * @return true if the resolution target was reopened now
   */
  @Transactional
  public boolean reopened(String code, Instant now) {
    Instant at = exact(now);
    Optional<ServiceLevelTarget> resolution = targets.find(code, ServiceLevelKind.RESOLUTION);
    if (resolution.isEmpty() || resolution.get().isOpen()) return false;
    ServiceLevelTarget target = resolution.get();
    Instant waitedFrom = target.metAt().isAfter(at) ? at : target.metAt();
    List<Interval> pauses = new ArrayList<>(pausesUntil(code, at));
    pauses.add(new Interval(waitedFrom, at));
    ServiceLevelTarget reopened = rewarned(scheduled(target.met(null), pauses, at), at);
    if (!targets.reopen(reopened, at)) return false;
    targets.addPause(code, waitedFrom, at);
    return true;
  }

  /**
   * The ticket starts waiting on its requester: the clocks stop.
   *
   * @return true if the wait started now, false if one was already running
   */
  @Transactional
  public boolean pause(String code, Instant now) {
    return targets.openPause(code, exact(now));
  }

  /**
   * The requester answered: the clocks run again, and the due and warning times of the open
   * targets move by the working time the wait took.
   *
   * @return true if a wait ended now
   */
  @Transactional
  public boolean resume(String code, Instant now) {
    Instant at = exact(now);
    if (!targets.closePause(code, at)) return false;
    List<Interval> pauses = pausesUntil(code, at);
    for (ServiceLevelTarget target : targets.findByTicket(code)) {
      if (target.isOpen()) targets.reschedule(scheduled(target, pauses, at), target.dueAt(), at);
    }
    return true;
  }

  /**
   * When the warning timer of the target should fire, for a BPMN {@code timeDate}: the instant
   * {@value #WARNING_PERCENT} % of it has passed. While the ticket waits on its requester, when that
   * would be if work resumed now (the timer then finds the wait still running, records nothing and
   * may be set again). Once there is nothing left to warn of (met, warned or breached), now: the timer
   * fires at once and records nothing.
   *
   * @throws IllegalStateException if the ticket has no targets ({@link #start} was not called)
   */
  public Date warningDue(String code, ServiceLevelKind kind) {
    return warningDue(code, kind, clock.instant());
  }

  /** As {@link #warningDue(String, ServiceLevelKind)}, with "now" from the caller (the engine's clock). */
  public Date warningDue(String code, ServiceLevelKind kind, Instant now) {
    return Date.from(timerAt(code, kind, true, exact(now)));
  }

  /** When the breach timer of the target should fire, for a BPMN {@code timeDate}; as {@link #warningDue}. */
  public Date breachDue(String code, ServiceLevelKind kind) {
    return breachDue(code, kind, clock.instant());
  }

  /** As {@link #breachDue(String, ServiceLevelKind)}, with "now" from the caller (the engine's clock). */
  public Date breachDue(String code, ServiceLevelKind kind, Instant now) {
    return Date.from(timerAt(code, kind, false, exact(now)));
  }

  /**
   * When the target falls due, for the due date of a user task in its phase (Tasklist shows it and
   * sorts by it): its due time, past if it was missed; while the ticket waits on its requester, when
   * it would fall due if work resumed now. Empty once met, or if the ticket has no targets.
   */
  public Optional<Date> dueDate(String code, ServiceLevelKind kind, Instant now) {
    Optional<ServiceLevelTarget> target = targets.find(code, kind).filter(ServiceLevelTarget::isOpen);
    if (target.isEmpty()) return Optional.empty();
    return Optional.of(Date.from(asOf(target.get(), exact(now)).dueAt()));
  }

  /** Whether the target still needs its warning timer: open, neither warned nor breached. */
  public boolean awaitsWarning(String code, ServiceLevelKind kind) {
    return targets.find(code, kind).map(t -> t.isOpen() && t.warnedAt() == null && t.breachedAt() == null)
        .orElse(false);
  }

  /** Whether the target still needs its breach timer: open and not breached. */
  public boolean awaitsBreach(String code, ServiceLevelKind kind) {
    return targets.find(code, kind).map(t -> t.isOpen() && t.breachedAt() == null).orElse(false);
  }

  /**
   * The warning timer fired: records the warning if {@value #WARNING_PERCENT} % of the target has
   * really passed (a wait or a change of priority may have moved it) and the target is still open.
   *
   * @return true exactly once per target: the caller notifies the group then, and only then
   */
  @Transactional
  public boolean recordWarning(String code, ServiceLevelKind kind, Instant now) {
    Instant at = exact(now);
    Optional<ServiceLevelTarget> target = targets.find(code, kind);
    if (target.isEmpty() || !target.get().isOpen() || target.get().warnedAt() != null
        || target.get().breachedAt() != null) {
      return false;
    }
    if (used(target.get(), pausesUntil(code, at), at).compareTo(target.get().warning()) < 0) return false;
    return targets.warn(code, kind, at);
  }

  /**
   * The breach timer fired: records the breach if the whole target has really passed and it is
   * still open.
   *
   * @return true exactly once per target: the caller tells the Jefe OAP then, and only then
   */
  @Transactional
  public boolean recordBreach(String code, ServiceLevelKind kind, Instant now) {
    Instant at = exact(now);
    Optional<ServiceLevelTarget> target = targets.find(code, kind);
    if (target.isEmpty() || !target.get().isOpen() || target.get().breachedAt() != null) return false;
    if (used(target.get(), pausesUntil(code, at), at).compareTo(target.get().target()) < 0) return false;
    return targets.breach(code, kind, at);
  }

  /** Both targets of the ticket as people read them (none before {@link #start}). */
  public List<ServiceLevelView> status(String code) {
    return views(targets.findByTicket(code), targets.pauses(code), exact(clock.instant()));
  }

  /** As {@link #status(String)}, for many tickets in two queries (a list of them): code → its targets. */
  public Map<String, List<ServiceLevelView>> status(Collection<String> codes) {
    Instant now = exact(clock.instant());
    Map<String, List<ServiceLevelRepository.Pause>> pauses = targets.pauses(codes);
    Map<String, List<ServiceLevelView>> views = new HashMap<>();
    targets.findByTickets(codes).forEach((code, ticketTargets) ->
        views.put(code, views(ticketTargets, pauses.getOrDefault(code, List.of()), now)));
    return views;
  }

  private List<ServiceLevelView> views(List<ServiceLevelTarget> ticketTargets, List<ServiceLevelRepository.Pause> stored,
      Instant now) {
    boolean waiting = stored.stream().anyMatch(p -> p.end() == null);
    List<Interval> pauses = clipped(stored, now);
    return ticketTargets.stream().map(t -> view(t, pauses, waiting, now)).toList();
  }

  /** One target as people read it, e.g. for a notice. */
  public Optional<ServiceLevelView> status(String code, ServiceLevelKind kind) {
    return status(code).stream().filter(v -> v.kind().equals(kind.name())).findFirst();
  }

  // ------------------------------------------------------------------ the arithmetic

  private boolean reclassify(String code, String newTopic, String priority, Instant now) {
    Objects.requireNonNull(priority, "priority");
    Instant at = exact(now);
    List<Interval> pauses = pausesUntil(code, at);
    boolean changed = false;
    for (ServiceLevelTarget target : targets.findByTicket(code)) {
      String topic = newTopic != null ? newTopic : target.topic();
      if (!target.isOpen() || topic.equals(target.topic()) && priority.equals(target.priority())) continue;
      int minutes = table.targets(topic, priority).hours(target.kind()) * 60;
      ServiceLevelTarget changedTarget = scheduled(target.classified(topic, priority, minutes), pauses, at);
      changed |= targets.reschedule(rewarned(changedTarget, at), target.dueAt(), at);
    }
    return changed;
  }

  /** Due and warning times and paused minutes of {@code target}, from its start, as of {@code now}. */
  private ServiceLevelTarget scheduled(ServiceLevelTarget target, List<Interval> pauses, Instant now) {
    Instant start = target.startedAt();
    Instant end = now.isBefore(start) ? start : now;
    long paused = workingTime.between(start, end).minus(workingTime.between(start, end, pauses)).toMinutes();
    return target.scheduled(workingTime.plus(start, target.target(), pauses),
        workingTime.plus(start, target.warning(), pauses), (int) paused);
  }

  /** A warning given for a time that a change moved into the future is given again then; a breach stays. */
  private static ServiceLevelTarget rewarned(ServiceLevelTarget target, Instant now) {
    return target.warnedAt() != null && target.warningAt().isAfter(now) ? target.warned(null) : target;
  }

  private Instant timerAt(String code, ServiceLevelKind kind, boolean warning, Instant now) {
    ServiceLevelTarget target = targets.find(code, kind).orElseThrow(() -> new IllegalStateException(
        "Ticket " + code + " has no " + kind + " target: ServiceLevels.start was not called"));
    boolean pending = target.isOpen() && target.breachedAt() == null && (!warning || target.warnedAt() == null);
    if (!pending) return now;
    ServiceLevelTarget current = asOf(target, now);
    return warning ? current.warningAt() : current.dueAt();
  }

  /** The target as it stands at {@code now}: while its ticket waits, as if work resumed then. */
  private ServiceLevelTarget asOf(ServiceLevelTarget target, Instant now) {
    List<ServiceLevelRepository.Pause> stored = targets.pauses(target.ticketCode());
    return stored.stream().anyMatch(p -> p.end() == null) ? scheduled(target, clipped(stored, now), now) : target;
  }

  private Duration used(ServiceLevelTarget target, List<Interval> pauses, Instant now) {
    Instant end = target.metAt() != null && target.metAt().isBefore(now) ? target.metAt() : now;
    return end.isAfter(target.startedAt()) ? workingTime.between(target.startedAt(), end, pauses) : Duration.ZERO;
  }

  private ServiceLevelView view(ServiceLevelTarget target, List<Interval> pauses, boolean waiting, Instant now) {
    long used = used(target, pauses, now).toMinutes();
    ServiceLevelState state;
    if (!target.isOpen()) {
      state = target.isMet() ? ServiceLevelState.CUMPLIDO : ServiceLevelState.INCUMPLIDO;
    } else if (target.breachedAt() != null || used >= target.targetMinutes()) {
      state = ServiceLevelState.INCUMPLIDO;
    } else {
      state = waiting ? ServiceLevelState.EN_PAUSA : ServiceLevelState.EN_CURSO;
    }
    Instant due = target.isOpen() && waiting ? scheduled(target, pauses, now).dueAt() : target.dueAt();
    Boolean met = switch (state) {
      case CUMPLIDO -> true;
      case INCUMPLIDO -> false;
      default -> null;
    };
    return new ServiceLevelView(target.kind().name(), target.kind().label(), target.priority(),
        target.targetMinutes(), target.targetMinutes() / 60.0, used, Math.round(used / 6.0) / 10.0,
        local(target.startedAt()), local(due), local(target.metAt()), local(target.breachedAt()), met,
        state.name(), state.label());
  }

  /** The ticket's waits, the running one as if it ended {@code now}. */
  private List<Interval> pausesUntil(String code, Instant now) {
    return clipped(targets.pauses(code), now);
  }

  private static List<Interval> clipped(List<ServiceLevelRepository.Pause> pauses, Instant now) {
    return pauses.stream()
        .map(p -> new Interval(p.start(), p.end() != null ? p.end() : p.start().isAfter(now) ? p.start() : now))
        .toList();
  }

  private OffsetDateTime local(Instant instant) {
    return instant == null ? null : instant.atZone(workingTime.zone()).toOffsetDateTime();
  }

  /** Database timestamps keep microseconds at most, BPMN timers milliseconds: one precision throughout. */
  private static Instant exact(Instant instant) {
    return Objects.requireNonNull(instant, "now").truncatedTo(ChronoUnit.MILLIS);
  }
}
