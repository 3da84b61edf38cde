package co.edu.idep.mesa.servicelevel;

/** Where a target stands, as the ticket's page and the API show it. */
public enum ServiceLevelState {
  EN_CURSO("En curso"),
  EN_PAUSA("En pausa: el ticket espera al solicitante"),
  CUMPLIDO("Cumplido"),
  INCUMPLIDO("Incumplido");

  private final String label;

  ServiceLevelState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
