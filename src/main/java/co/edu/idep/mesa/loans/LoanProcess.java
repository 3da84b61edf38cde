package co.edu.idep.mesa.loans;

/** The loan's own diagram, {@code processes/prestamo-de-equipos.bpmn}. */
public final class LoanProcess {

  public static final String KEY = "prestamo-de-equipos";
  /** Its start: the equipment was handed over. */
  public static final String HANDED_OVER_MESSAGE = "equipos-entregados";
  /** The variable that routes "¿Se devolvieron todos los equipos?". */
  public static final String ALL_RETURNED = "allReturned";
  /** The variable that routes "¿Siguen equipos prestados?". */
  public static final String LOAN_ACTIVE = "loanActive";

  private LoanProcess() {}
}
