package co.edu.idep.mesa.escalation;

import java.time.Instant;

/** One escalation (table {@code escalation}, db/migration V11). */
public record EscalationRecord(long id, String ticketCode, String idempotencyKey, String providerCode,
    String providerName, EscalationChannel channel, String contractNumber, String externalReference,
    Instant responseDueAt, Instant answeredAt, Boolean solved, Instant createdAt) {}
