package co.edu.idep.mesa.audit;

import java.time.OffsetDateTime;

/**
 * One line of the audit trail: who did what, when, on which ticket or quarterly report (the
 * {@code ticket} column holds the code MDS-… or the report key INF-…).
 */
public record AuditEntry(OffsetDateTime timestamp, String user, String action, String ticket, String detail,
    String source) {

  static final String ENGINE = "camunda";
  static final String TIMELINE = "ticket";
  static final String REPORT = "informe";
}
