package co.edu.idep.mesa.ticket;

/** What a timeline note records; one kind per control point of the procedure. */
public enum NoteKind {
  REGISTRO,
  ASIGNACION,
  TEMA_CONFIRMADO,
  TEMA_CAMBIADO,
  EVALUACION,
  CUENTA_CREADA,
  EQUIPOS_ALISTADOS,
  PLACAS_REGISTRADAS,
  ESCALAMIENTO,
  SOLUCION,
  RESPUESTA_SOLICITANTE,
  CIERRE,
  DATOS_ENMASCARADOS
}
