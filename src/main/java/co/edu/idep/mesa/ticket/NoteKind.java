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
  EQUIPOS_ALISTADOS,
  PLACAS_REGISTRADAS,
  ESCALAMIENTO,
  SOLUCION,
  RESPUESTA_SOLICITANTE,
  CIERRE,
  DATOS_ENMASCARADOS,
  /** A notice by e-mail that could not be sent: the person has no address (ticket/NoAddressNotes). */
  AVISO_NO_ENVIADO
}
