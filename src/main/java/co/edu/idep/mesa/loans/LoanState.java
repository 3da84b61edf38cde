package co.edu.idep.mesa.loans;

/** Where a loan stands: reserved, out with the requester, or back. */
public enum LoanState {
  RESERVADO("Reservado"),
  ACTIVO("Activo"),
  DEVUELTO("Devuelto");

  private final String label;

  LoanState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
