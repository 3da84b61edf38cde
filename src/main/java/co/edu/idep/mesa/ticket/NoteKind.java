package co.edu.idep.mesa.ticket;

/** What a timeline note records; one kind per control point of the procedure. */
public enum NoteKind {
  REGISTRO,
  ASIGNACION,
  TEMA_CONFIRMADO,
  TEMA_CAMBIADO,
  PRIORIDAD_CAMBIADA,
  EVALUACION,
  CUENTA_CREADA,
  SOLICITUD_APROBADA,
  SOLICITUD_DEVUELTA,
  SOLICITUD_CORREGIDA,
  /** A temporary password was set at the hand-over; the note never holds it. */
  CONTRASENA_TEMPORAL,
  CREDENCIALES_ENTREGADAS,
  EQUIPOS_ALISTADOS,
  EQUIPOS_RESERVADOS,
  FORMATO_SALIDA_GENERADO,
  PLACAS_REGISTRADAS,
  DEVOLUCION_REGISTRADA,
  RECORDATORIO_DEVOLUCION,
  PRESTAMO_VENCIDO,
  PRESTAMO_CERRADO,
  ESCALAMIENTO,
  SOLUCION,
  RESPUESTA_SOLICITANTE,
  CIERRE,
  DATOS_ENMASCARADOS,
  /** A notice by e-mail that could not be sent: the person has no address (ticket/NoAddressNotes). */
  AVISO_NO_ENVIADO
}
