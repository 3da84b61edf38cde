package co.edu.idep.mesa.servicelevel;

import java.time.Duration;
import java.time.Instant;

/**
 * One target of one ticket, as stored in {@code ticket_service_level}.
 *
 * @param ticketCode the ticket
 * @param kind first attention or resolution
 * @param topic the topic the target was taken for (the quarterly report groups by it)
 * @param priority the priority the target was taken for
 * @param targetMinutes the target in working minutes, from {@code niveles-de-servicio}
 * @param startedAt when its clock started: the ticket's registration
 * @param dueAt when the working time used reaches the target, pauses left out
 * @param warningAt when it reaches {@link ServiceLevels#WARNING_PERCENT} % of the target
 * @param pausedMinutes working minutes the clock stood still while the ticket waited on its requester
 * @param warnedAt when the group was warned, if it was
 * @param metAt when the target was met (attended, or a solution ready for verification), if it was
 * @param breachedAt when the breach was recorded and the Jefe OAP told, if it was
 */
public record ServiceLevelTarget(String ticketCode, ServiceLevelKind kind, String topic, String priority,
    int targetMinutes, Instant startedAt, Instant dueAt, Instant warningAt, int pausedMinutes, Instant warnedAt,
    Instant metAt, Instant breachedAt) {

  /** Neither met nor closed: its clock still runs (or is paused). */
  public boolean isOpen() {
    return metAt == null;
  }

  /**
   * Met in time: a recorded breach stays a breach, even if a later change of priority gave more
   * time. The quarterly report counts with the same rule (ReportRepository).
   */
  public boolean isMet() {
    return metAt != null && !metAt.isAfter(dueAt) && breachedAt == null;
  }

  public Duration target() {
    return Duration.ofMinutes(targetMinutes);
  }

  public Duration warning() {
    return Duration.ofMinutes((long) targetMinutes * ServiceLevels.WARNING_PERCENT / 100);
  }

  ServiceLevelTarget classified(String topic, String priority, int targetMinutes) {
    return new ServiceLevelTarget(ticketCode, kind, topic, priority, targetMinutes, startedAt, dueAt, warningAt,
        pausedMinutes, warnedAt, metAt, breachedAt);
  }

  ServiceLevelTarget scheduled(Instant dueAt, Instant warningAt, int pausedMinutes) {
    return new ServiceLevelTarget(ticketCode, kind, topic, priority, targetMinutes, startedAt, dueAt, warningAt,
        pausedMinutes, warnedAt, metAt, breachedAt);
  }

  ServiceLevelTarget warned(Instant warnedAt) {
    return new ServiceLevelTarget(ticketCode, kind, topic, priority, targetMinutes, startedAt, dueAt, warningAt,
        pausedMinutes, warnedAt, metAt, breachedAt);
  }

  ServiceLevelTarget met(Instant metAt) {
    return new ServiceLevelTarget(ticketCode, kind, topic, priority, targetMinutes, startedAt, dueAt, warningAt,
        pausedMinutes, warnedAt, metAt, breachedAt);
  }
}
