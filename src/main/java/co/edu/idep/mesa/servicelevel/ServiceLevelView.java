package co.edu.idep.mesa.servicelevel;

import java.time.OffsetDateTime;

/**
 * A target as people read it ({@code GET /api/tickets/{code}}, the notices): how long it is, when it
 * is due, how much working time it has used, and whether it was met.
 *
 * @param kind FIRST_ATTENTION or RESOLUTION
 * @param label its Spanish name
 * @param priority the priority it was taken for
 * @param targetMinutes the target in working minutes
 * @param targetHours the same in working hours
 * @param usedMinutes working time used so far (until it was met), pauses left out
 * @param usedHours the same in working hours, to one decimal
 * @param startedAt when its clock started
 * @param dueAt when it is due; while the ticket waits on its requester, when it would be if work resumed now
 * @param metAt when it was met, or null
 * @param breachedAt when its breach was recorded, or null
 * @param met true met in time, false missed, null still running
 * @param state EN_CURSO, EN_PAUSA, CUMPLIDO or INCUMPLIDO
 * @param stateLabel the state in Spanish
 */
public record ServiceLevelView(String kind, String label, String priority, int targetMinutes, double targetHours,
    long usedMinutes, double usedHours, OffsetDateTime startedAt, OffsetDateTime dueAt, OffsetDateTime metAt,
    OffsetDateTime breachedAt, Boolean met, String state, String stateLabel) {}
