package co.edu.idep.mesa.notification;

/** Where a message of the outbox stands. */
public enum OutboxState {
  PENDIENTE("Pendiente: se enviará en el próximo intento"),
  ENVIANDO("Enviando: un nodo de la aplicación lo está entregando"),
  ENVIADO("Enviado: el servidor de correo lo aceptó"),
  FALLIDO("Fallido: no se pudo entregar tras el último intento; puede reintentarse");

  private final String label;

  OutboxState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
