package co.edu.idep.mesa.escalation;

/** How a ticket reached whoever can solve it. */
public enum EscalationChannel {
  /** The dossier by e-mail, through the outbox. */
  CORREO("por correo"),
  /** A ticket opened on the provider's osTicket through its API. */
  OSTICKET("en su mesa de ayuda (osTicket)"),
  /** Opened by hand by the agent, who typed the provider's case number. */
  MANUAL("a mano en su mesa de ayuda"),
  /** Inside the institute: the ticket reassigned to an engineer. */
  REASIGNACION("por reasignación");

  private final String how;

  EscalationChannel(String how) {
    this.how = how;
  }

  public String how() {
    return how;
  }
}
