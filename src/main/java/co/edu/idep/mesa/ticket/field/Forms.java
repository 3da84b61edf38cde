package co.edu.idep.mesa.ticket.field;

import static co.edu.idep.mesa.ticket.field.FormDefinition.form;
import static co.edu.idep.mesa.ticket.field.FormField.edit;
import static co.edu.idep.mesa.ticket.field.FormField.show;
import static co.edu.idep.mesa.ticket.field.Fields.*;

import co.edu.idep.mesa.ticket.Topic;
import java.util.List;

/**
 * Which fields each form of {@code forms/} shows, and which of them the person may edit: the rest
 * he may only read, and the engine refuses any other variable from him. Ids are the file names.
 */
final class Forms {

  /** The ticket as the agents' tasks show it at the top. */
  private static final List<FormField> TICKET = List.of(
      show(TICKET_CODE), show(PRIORITY), show(REQUESTER), show(TOPIC), show(SUBJECT), show(DESCRIPTION));
  /** …and, after an unsatisfied answer, what the requester said. */
  private static final List<FormField> TICKET_AND_COMPLAINT = List.of(
      show(TICKET_CODE), show(PRIORITY), show(REQUESTER), show(TOPIC), show(SUBJECT), show(DESCRIPTION),
      show(VERIFICATION_COMMENT).as("Comentario del solicitante (solución no satisfactoria)"));
  private static final FormField DIAGNOSIS = show(EVALUATION_NOTE).as("Diagnóstico registrado en la evaluación");

  static final List<FormDefinition> ALL = List.of(
      // Every topic's data; the form shows each group for its topics only.
      form("abrir-ticket").edit(FieldCatalogue.requestFields()).build(),

      form("verificar-tema").with(TICKET)
          .show(FULL_NAME, LINK_TYPE, ACCESSES)
          .show(EQUIPMENT, QUANTITY, USE_PLACE, LOAN_START, LOAN_END, LEAVES_INSTITUTE)
          .show(LOCATION, ASSET_TAG, MODULE, WEB_ADDRESS)
          .edit(TOPIC_MATCHES, NEW_TOPIC, TOPIC_COMMENT, NEW_PRIORITY, PRIORITY_REASON).build(),

      // The technician completes or corrects the account data: the topic may have been changed to accounts.
      form("revisar-solicitud-cuenta").with(TICKET_AND_COMPLAINT)
          .show(ACCOUNT_PROBLEM, ACCOUNT_USERNAME)
          .edit(FieldCatalogue.topicFields(Topic.CUENTA_USUARIO))
          .edit(CONTRACT_END, ACCOUNT_APPROVED, ACCOUNT_RETURN_REASON).build(),
      // The requester corrects what the technician returned.
      form("corregir-solicitud-cuenta").with(TICKET_AND_COMPLAINT)
          .show(ACCOUNT_RETURN_REASON)
          .edit(FieldCatalogue.topicFields(Topic.CUENTA_USUARIO)).build(),
      form("entregar-credenciales").with(TICKET_AND_COMPLAINT)
          .show(FULL_NAME, ACCOUNT_USERNAME, ACCESSES_CREATED, INSTITUTIONAL_EMAIL)
          .edit(CREDENTIALS_POLICY_SIGNED, CREDENTIALS_SIGNED_ON).build(),

      // Likewise the loan data.
      form("alistar-equipos").with(TICKET_AND_COMPLAINT)
          .show(LOAN_PROBLEM)
          .edit(FieldCatalogue.topicFields(Topic.PRESTAMO_COMPUTO))
          .edit(CHOSEN_ASSETS, PREPARATION_NOTE).build(),
      form("entregar-equipos").with(TICKET_AND_COMPLAINT)
          .show(EQUIPMENT, QUANTITY, LOAN_START, LOAN_END, USE_PLACE, LEAVES_INSTITUTE, ASSET_TAGS, EXIT_FORM_URL)
          .edit(RECEIVED_BY, DELIVERY_NOTE).build(),
      // The loan's own diagram (prestamo-de-equipos).
      form("registrar-devolucion")
          .show(TICKET_CODE, REQUESTER, LOAN_END)
          .with(show(ASSET_TAGS).as("Equipos pendientes de devolución"))
          .edit(RETURNED_GOOD, RETURNED_DAMAGED, RETURNED_INCOMPLETE, RETURN_NOTE).build(),

      form("evaluar-soporte-tecnico").with(TICKET_AND_COMPLAINT)
          .show(LOCATION, ASSET_TAG)
          .with(edit(CAN_RESOLVE).as("¿La falla puede ser resuelta por el técnico operativo?")
              .options(Option.of(true, "Sí"), Option.of(false, "No, se escala al proveedor de mantenimiento")))
          .edit(EVALUATION_NOTE).build(),

      form("evaluar-sistema-informacion").with(TICKET_AND_COMPLAINT)
          .show(MODULE)
          .with(edit(CAN_RESOLVE).as("¿El contratista puede resolver el incidente?").options(Option.of(true, "Sí"),
              Option.of(false, "No, se escala (Goobi: al ingeniero a cargo; Humano: al proveedor)")))
          .edit(EVALUATION_NOTE).build(),

      form("evaluar-sistema-web").with(TICKET_AND_COMPLAINT)
          .show(MODULE, WEB_ADDRESS)
          .with(edit(CAN_RESOLVE).as("¿El ingeniero puede resolver el incidente?").options(Option.of(true, "Sí"),
              Option.of(false, "No, se escala al proveedor web si hay contrato vigente")))
          .edit(EVALUATION_NOTE).build(),

      form("resolver-soporte-tecnico").with(TICKET_AND_COMPLAINT)
          .show(LOCATION, ASSET_TAG).with(DIAGNOSIS).edit(SOLUTION).build(),
      form("resolver-sistema-informacion").with(TICKET_AND_COMPLAINT)
          .show(MODULE).with(DIAGNOSIS).edit(SOLUTION).build(),
      form("resolver-incidente-goobi").with(TICKET_AND_COMPLAINT)
          .show(MODULE).with(DIAGNOSIS)
          .with(edit(CAN_RESOLVE).as("¿Resolvió el incidente?").options(Option.of(true, "Sí"),
              Option.of(false, "No, lo decide el Jefe OAP")))
          .with(edit(SOLUTION).as("Solución aplicada, o por qué no se puede resolver")).build(),
      form("resolver-sistema-web").with(TICKET_AND_COMPLAINT)
          .show(MODULE, WEB_ADDRESS).with(DIAGNOSIS).edit(SOLUTION).build(),

      // Humano's vendor when the case could not be opened through its osTicket API: opened, or found, by hand.
      form("escalar-proveedor-humano").show(VENDOR_CASE_BY_HAND).with(TICKET_AND_COMPLAINT)
          .show(MODULE).with(DIAGNOSIS).show(PROVIDER_NAME)
          .with(edit(PROVIDER_REFERENCE).requiredHere()).edit(ESCALATION_COMMENT).build(),

      form("registrar-solucion-proveedor").with(TICKET_AND_COMPLAINT)
          .show(LOCATION, ASSET_TAG, MODULE, WEB_ADDRESS, PROVIDER_NAME)
          .edit(PROVIDER_REFERENCE, PROVIDER_SOLVED)
          .with(edit(SOLUTION).as("Respuesta del proveedor")).build(),
      // Nobody could solve it, or there is no contract in force: the Jefe OAP decides.
      form("decidir-incidente-sin-solucion").with(TICKET_AND_COMPLAINT)
          .show(MODULE, WEB_ADDRESS, LOCATION).with(DIAGNOSIS).show(PROVIDER_NAME)
          .edit(UNSOLVED_DECISION).build(),

      form("verificar-solucion")
          .show(TICKET_CODE, TOPIC, SUBJECT, DESCRIPTION).with(show(SOLUTION).as("Solución registrada"))
          .edit(SATISFIED, SATISFACTION_SCORE, VERIFICATION_COMMENT, ANSWER_CHANNEL).build(),

      form("validar-informe")
          .show(REPORT_PERIOD, REPORT_VERSION, REPORT_SUMMARY)
          .with(show(CORRECTION_NOTE).as("Correcciones de esta versión"))
          .edit(REPORT_APPROVED, REPORT_OBSERVATIONS).build(),
      form("corregir-informe")
          .show(REPORT_PERIOD).with(show(REPORT_SUMMARY).as("Cifras de la versión devuelta"))
          .with(show(REPORT_OBSERVATIONS).as("Observaciones del Jefe OAP"))
          .edit(CORRECTION_NOTE).build());

  private Forms() {}
}
