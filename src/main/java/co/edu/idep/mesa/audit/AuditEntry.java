package co.edu.idep.mesa.audit;

import java.time.OffsetDateTime;

/** One line of the audit trail: who did what, when, on which ticket. */
public record AuditEntry(OffsetDateTime timestamp, String user, String action, String ticket, String detail,
    String source) {

  static final String ENGINE = "camunda";
  static final String TIMELINE = "ticket";
}
