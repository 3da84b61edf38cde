package co.edu.idep.mesa.loans;

/** One asset on a loan: reserved, handed over, returned, or let go before it was handed over. */
public enum LoanAssetState {
  RESERVADO,
  PRESTADO,
  DEVUELTO,
  /** Dropped from the loan before it was handed over (a swap at "Alistar"); the row keeps the trace. */
  LIBERADO;

  /** An asset the loan holds: it counts against other loans for the loan's dates. */
  public boolean held() {
    return this == RESERVADO || this == PRESTADO;
  }
}
