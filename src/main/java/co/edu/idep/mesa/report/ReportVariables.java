package co.edu.idep.mesa.report;

import co.edu.idep.mesa.engine.ProcessVariable;
import co.edu.idep.mesa.ticket.field.Fields;

/**
 * The process variables of "informe-trimestral" that only the process's own code writes; the
 * Jefe's decision and the correction note are form fields, named by the field catalogue.
 */
final class ReportVariables {

  static final ProcessVariable<Long> YEAR = ProcessVariable.number("reportYear");
  static final ProcessVariable<Long> QUARTER = ProcessVariable.number("reportQuarter");
  /** INF-2026-T3, also the business key. */
  static final ProcessVariable<String> KEY = ProcessVariable.text("reportKey");
  /** Who asked for the report; empty for the quarterly timer. */
  static final ProcessVariable<String> REQUESTED_BY = ProcessVariable.text("requestedBy");
  static final ProcessVariable<Long> ID = ProcessVariable.number("reportId");
  static final ProcessVariable<String> PERIOD = ProcessVariable.text(Fields.REPORT_PERIOD.key());
  static final ProcessVariable<Long> VERSION = ProcessVariable.number(Fields.REPORT_VERSION.key());
  static final ProcessVariable<String> SUMMARY = ProcessVariable.text(Fields.REPORT_SUMMARY.key());
  static final ProcessVariable<Boolean> APPROVED = ProcessVariable.yesNo(Fields.REPORT_APPROVED.key());
  static final ProcessVariable<String> OBSERVATIONS = ProcessVariable.text(Fields.REPORT_OBSERVATIONS.key());
  static final ProcessVariable<String> CORRECTION_NOTE = ProcessVariable.text(Fields.CORRECTION_NOTE.key());

  private ReportVariables() {}
}
