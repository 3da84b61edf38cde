package co.edu.idep.mesa.ticket;

/** What a timeline note records; one kind per control point of the procedure. */
public enum NoteKind {
  REGISTRO("Registro del ticket"),
  ASIGNACION("Asignación"),
  TEMA_CONFIRMADO("Tema confirmado"),
  TEMA_CAMBIADO("Cambio de tema"),
  PRIORIDAD_CAMBIADA("Cambio de prioridad"),
  EVALUACION("Evaluación"),
  CUENTA_CREADA("Cuenta creada"),
  SOLICITUD_APROBADA("Solicitud aprobada"),
  SOLICITUD_DEVUELTA("Solicitud devuelta"),
  SOLICITUD_CORREGIDA("Solicitud corregida"),
  /** A temporary password was set at the hand-over; the note never holds it. */
  CONTRASENA_TEMPORAL("Contraseña temporal asignada"),
  CREDENCIALES_ENTREGADAS("Credenciales entregadas"),
  EQUIPOS_ALISTADOS("Equipos alistados"),
  EQUIPOS_RESERVADOS("Equipos reservados"),
  FORMATO_SALIDA_GENERADO("Formato para salida de equipos"),
  PLACAS_REGISTRADAS("Placas registradas"),
  DEVOLUCION_REGISTRADA("Devolución registrada"),
  RECORDATORIO_DEVOLUCION("Recordatorio de devolución"),
  PRESTAMO_VENCIDO("Préstamo vencido"),
  PRESTAMO_CERRADO("Préstamo cerrado"),
  ESCALAMIENTO("Escalamiento"),
  SOLUCION("Solución"),
  RESPUESTA_SOLICITANTE("Respuesta del solicitante"),
  CIERRE("Cierre"),
  DATOS_ENMASCARADOS("Datos personales enmascarados"),
  /** A notice by e-mail that could not be sent: the person has no address (ticket/NoAddressNotes). */
  AVISO_NO_ENVIADO("Aviso no enviado");

  private final String label;

  NoteKind(String label) {
    this.label = label;
  }

  /** The kind as people read it in a ticket's timeline. */
  public String label() {
    return label;
  }
}
