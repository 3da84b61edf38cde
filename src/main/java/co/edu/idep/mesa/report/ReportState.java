package co.edu.idep.mesa.report;

/** Where a report version stands in steps 15-16. */
public enum ReportState {
  /** Generated (step 15), waiting for the Jefe OAP. */
  GENERADO,
  /** Approved by the Jefe OAP (step 16): the procedure's output. */
  APROBADO,
  /** Returned by the Jefe OAP with observations; a corrected version follows. */
  DEVUELTO
}
