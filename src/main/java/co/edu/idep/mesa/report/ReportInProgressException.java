package co.edu.idep.mesa.report;

/** A report of the quarter is already being generated or validated: one at a time. */
public class ReportInProgressException extends RuntimeException {

  public ReportInProgressException(ReportPeriod period) {
    super("El informe del " + period.label() + " ya está en trámite (" + period.key()
        + "): espere la validación del Jefe de la Oficina Asesora de Planeación.");
  }
}
