package co.edu.idep.mesa.notification;

/** Where a message of the outbox stands. */
public enum OutboxState {
  PENDIENTE("Pendiente: se enviará en el próximo intento"),
  ENVIANDO("Enviando: un nodo de la aplicación lo está entregando"),
  ENVIADO("Enviado: el servidor de correo lo aceptó"),
  FALLIDO("Fallido: no se pudo entregar tras el último intento; puede reintentarse"),
  SIN_DESTINATARIO("Sin destinatario: nadie a quien iba dirigido tiene dirección de correo; puede reintentarse"
      + " cuando la tenga");

  private final String label;

  OutboxState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether staff may put a message in this state back in the queue. */
  boolean retryable() {
    return this == FALLIDO || this == SIN_DESTINATARIO;
  }
}
