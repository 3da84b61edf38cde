package co.edu.idep.mesa.ticket.field;

import static co.edu.idep.mesa.ticket.Topic.CUENTA_USUARIO;
import static co.edu.idep.mesa.ticket.Topic.PRESTAMO_COMPUTO;
import static co.edu.idep.mesa.ticket.Topic.PRESTAMO_COMUNICACIONES;
import static co.edu.idep.mesa.ticket.Topic.SOPORTE_GOOBI;
import static co.edu.idep.mesa.ticket.Topic.SOPORTE_HUMANO;
import static co.edu.idep.mesa.ticket.Topic.SOPORTE_TECNICO;
import static co.edu.idep.mesa.ticket.Topic.SOPORTE_WEB;

import co.edu.idep.mesa.ticket.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every field of the procedure, each defined once. The forms ({@code forms/*.form}) must agree with
 * these definitions — {@code FormCatalogueAgreementTest} fails otherwise — and the server reads every
 * submitted value through them. {@link Forms} says which form shows which field.
 */
public final class Fields {

  /** The answer channels of {@link #ANSWER_CHANNEL}. */
  public static final String ANSWER_IN_PERSON_OF_REQUESTER = "SOLICITANTE";
  public static final String ANSWER_BY_PHONE = "TELEFONO";
  public static final String ANSWER_FACE_TO_FACE = "PRESENCIAL";


  private static final List<Field> ALL = new ArrayList<>();

  // Letters of the Latin alphabet with their accents and marks (Latin-1, Latin Extended-A and -B,
  // Latin Extended Additional), never × or ÷: every name on a Colombian or foreign identity document.
  private static final String LETTER = "A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ";

  // ---------------------------------------------------------------- the ticket, as the tasks show it

  public static final Field TICKET_CODE = define(Field.text("ticketCode", "Código del ticket"));
  public static final Field PRIORITY = define(Field.choice("priority", "Prioridad", Priority.options()));
  public static final Field REQUESTER = define(Field.text("requester", "Solicitante"));

  // ---------------------------------------------------------------- the request: every topic

  public static final Field TOPIC = define(Field.choice("topic", "Tema de ayuda", topicOptions())
      .mandatory().everyTopic()
      .example("SOPORTE_TECNICO"));
  public static final Field SUBJECT = define(Field.text("subject", "Asunto")
      .mandatory().maxLength(150).everyTopic()
      .example("La impresora no imprime"));
  public static final Field DESCRIPTION = define(Field.longText("description", "Descripción")
      .mandatory().maxLength(4000).everyTopic()
      .example("Desde ayer la impresora del piso 3 no imprime."));

  // ---------------------------------------------------------------- user account (step 4)

  public static final Field FULL_NAME = define(Field.text("fullName", "Nombres y apellidos")
      .mandatory().maxLength(150).personalData().topics(CUENTA_USUARIO)
      .pattern("^ *[" + LETTER + "][" + LETTER + " .'’-]*$",
          "solo admite letras, espacios, puntos, apóstrofos y guiones, y empieza por una letra.")
      .example("María Fernanda Pérez Ñáñez"));
  public static final Field ID_TYPE = define(Field.choice("idType", "Tipo de identificación", List.of(
          Option.of("CC", "Cédula de ciudadanía"), Option.of("CE", "Cédula de extranjería"),
          Option.of("TI", "Tarjeta de identidad"), Option.of("PA", "Pasaporte"),
          Option.of("PPT", "Permiso por protección temporal")))
      .mandatory().topics(CUENTA_USUARIO, PRESTAMO_COMPUTO, PRESTAMO_COMUNICACIONES)
      .example("CC"));
  // Any document: 5 to 15 letters or digits, dots and spaces between them ignored. Which of those
  // a given document type allows is checked by AccountFields.
  public static final Field ID_NUMBER = define(Field.text("idNumber", "Número de identificación")
      .mandatory().maxLength(20).personalData().topics(CUENTA_USUARIO, PRESTAMO_COMPUTO, PRESTAMO_COMUNICACIONES)
      .note("CC, CE and TI: 5 to 10 digits only; stored without dots and spaces, in capitals")
      .pattern("^[ .]*([A-Za-z0-9][ .]*){5,15}$",
          "debe tener entre 5 y 15 letras o dígitos (puede separarlos con puntos o espacios).")
      .example("1.012.345.678"));
  public static final Field LINK_TYPE = define(Field.choice("linkType", "Tipo de vinculación", List.of(
          Option.of("FUNCIONARIO", "Funcionario"), Option.of("CONTRATISTA", "Contratista")))
      .mandatory().topics(CUENTA_USUARIO)
      .example("CONTRATISTA"));
  public static final Field CONTRACT_NUMBER = define(Field.text("contractNumber", "Número de contrato")
      .mandatory().maxLength(30).personalData().topics(CUENTA_USUARIO).note("contractors only (linkType CONTRATISTA)")
      .pattern("^ *[A-Za-z0-9][A-Za-z0-9 /-]*$", "solo admite letras, números, espacios, «-» y «/».")
      .example("045-2026"));
  // The second factor of the institutional mail, so never an institutional address itself.
  public static final Field ALTERNATE_EMAIL = define(Field.text("alternateEmail", "Correo electrónico alterno")
      .mandatory().maxLength(120).personalData().topics(CUENTA_USUARIO).note("not @idep.edu.co")
      .pattern("^ *(?!.*@[Ii][Dd][Ee][Pp]\\.[Ee][Dd][Uu]\\.[Cc][Oo] *$)"
              + "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,} *$",
          "no es una dirección de correo válida.")
      .example("maria.perez@example.org"));
  // A Colombian mobile as people write it: 300 123 4567, (300) 123-4567, +57 300 1234567.
  public static final Field MOBILE_PHONE = define(Field.text("mobilePhone", "Celular")
      .mandatory().maxLength(20).personalData().topics(CUENTA_USUARIO).note("stored as its 10 digits")
      .pattern("^[ ()-]*(\\+[ ()-]*57)?[ ()-]*3([ ()-]*[0-9]){9}[ ()-]*$",
          "debe ser un número de celular móvil colombiano de 10 dígitos que empiece por 3 (puede anteponer +57).")
      .example("300 123 4567"));
  public static final Field ACCESSES = define(Field.multiChoice("accesses", "Accesos solicitados", accessOptions())
      .mandatory().topics(CUENTA_USUARIO)
      .example(List.of("RED", "CORREO")));

  // ---------------------------------------------------------------- equipment loans (step 5)

  public static final Field EQUIPMENT = define(Field.text("equipment", "Equipo(s) requerido(s)")
      .mandatory().maxLength(300).topics(PRESTAMO_COMUNICACIONES, PRESTAMO_COMPUTO)
      .example("Portátil con cargador"));
  public static final Field QUANTITY = define(Field.integer("quantity", "Cantidad")
      .mandatory().between(1, 20).topics(PRESTAMO_COMUNICACIONES, PRESTAMO_COMPUTO)
      .example(2L));
  public static final Field USE_PLACE = define(Field.text("usePlace", "Lugar de uso")
      .mandatory().maxLength(200).topics(PRESTAMO_COMUNICACIONES, PRESTAMO_COMPUTO)
      .example("Auditorio, sede principal"));
  public static final Field LOAN_START = define(Field.date("loanStart", "Fecha de inicio del préstamo")
      .mandatory().topics(PRESTAMO_COMUNICACIONES, PRESTAMO_COMPUTO).note("a new request may not start in the past")
      .example("2026-12-01"));
  public static final Field LOAN_END = define(Field.date("loanEnd", "Fecha de devolución")
      .mandatory().topics(PRESTAMO_COMUNICACIONES, PRESTAMO_COMPUTO).note("not before loanStart")
      .example("2026-12-03"));
  public static final Field LEAVES_INSTITUTE = define(
      Field.yesNo("leavesInstitute", "El equipo saldrá de las instalaciones del Instituto")
          .mandatory().topics(PRESTAMO_COMUNICACIONES, PRESTAMO_COMPUTO)
          .example(true));

  // ---------------------------------------------------------------- technical support, systems (steps 6, 8, 9)

  public static final Field LOCATION = define(Field.text("location", "Ubicación (sede, piso, oficina)")
      .mandatory().maxLength(200).topics(SOPORTE_TECNICO)
      .example("Sede principal, piso 3, oficina 301"));
  public static final Field ASSET_TAG = define(Field.text("assetTag", "Placa del equipo (si la conoce)")
      .maxLength(20).topics(SOPORTE_TECNICO)
      .pattern("^ *([A-Za-z0-9-]{1,20} *)?$", "solo admite letras, números y guiones.")
      .example("IDEP-00123"));
  public static final Field MODULE = define(Field.text("module", "Módulo o funcionalidad afectada")
      .mandatory().maxLength(150).topics(SOPORTE_GOOBI, SOPORTE_HUMANO, SOPORTE_WEB)
      .example("Nómina"));
  public static final Field WEB_ADDRESS = define(Field.text("webAddress", "Dirección (URL) del sistema web")
      .mandatory().maxLength(300).topics(SOPORTE_WEB)
      .pattern("^ *https?://[^\\s\"'<>]+ *$", "debe ser una dirección que empiece por http:// o https://.")
      .example("https://www.idep.edu.co/"));

  // ---------------------------------------------------------------- verifying the topic (step 3)

  public static final Field TOPIC_MATCHES = define(
      Field.yesNo("topicMatches", "¿El incidente corresponde con el tema seleccionado?").mandatory()
          .options(Option.of(true, "Sí"), Option.of(false, "No, cambiar el tema"))
          .example(true));
  // The form offers every topic but the ticket's own; the server refuses the same one.
  public static final Field NEW_TOPIC = define(Field.choice("newTopic", "Nuevo tema de ayuda", topicOptions())
      .mandatory().note("when topicMatches is false; not the ticket's topic")
      .example("SOPORTE_WEB"));
  public static final Field TOPIC_COMMENT = define(Field.longText("topicComment", "Observación").maxLength(1000)
      .example("El problema es del portal, no del equipo."));
  // The topic gives the default priority (asignacion-por-tema.dmn); the agent may change it here.
  public static final Field NEW_PRIORITY = define(Field.choice("newPriority", "Cambiar la prioridad a", Priority.options())
      .note("optional; a different priority needs a reason")
      .example("ALTA"));
  public static final Field PRIORITY_REASON = define(
      Field.longText("priorityReason", "Motivo del cambio de prioridad").mandatory().maxLength(500)
          .note("when newPriority differs from the ticket's priority")
          .example("El equipo es del auditorio y hay evento mañana."));

  // ---------------------------------------------------------------- creating the account (steps 4 and 10)

  // The technician reviews the request first: approve it, or return it to the requester with the reason.
  public static final Field ACCOUNT_APPROVED = define(
      Field.yesNo("accountApproved", "¿Se aprueba la solicitud de cuenta?").mandatory()
          .options(Option.of(true, "Sí, crear la cuenta en el directorio"), Option.of(false, "No, devolverla al solicitante"))
          .example(true));
  // The technician checks a contractor's contract: an ended one gets no account.
  public static final Field CONTRACT_END = define(
      Field.date("contractEnd", "Fecha de terminación del contrato")
          .note("contractors, when the request is approved; not in the past")
          .example("2027-06-30"));
  public static final Field ACCOUNT_RETURN_REASON = define(
      Field.longText("accountReturnReason", "Motivo de la devolución").maxLength(1000)
          .note("required when accountApproved is false")
          .example("El número de contrato no corresponde a un contrato vigente."));
  // Written by the process when the directory refuses the account (an account of the same person exists).
  public static final Field ACCOUNT_PROBLEM = define(
      Field.longText("accountProblem", "Problema al crear la cuenta").maxLength(1000)
          .example("Ya existe una cuenta en el directorio para esa identificación."));
  // The directory gives the user name, the accesses and the mailbox (accounts/directory): shown, not typed.

  public static final Field ACCOUNT_USERNAME = define(
      Field.text("accountUsername", "Usuario creado en el Directorio Activo")
          .mandatory().maxLength(30).personalData()
          .pattern("^ *[a-z0-9][a-z0-9._-]{2,29} *$",
              "debe tener de 3 a 30 letras minúsculas, números, puntos, guiones o guiones bajos.")
          .example("mfperez"));
  public static final Field ACCESSES_CREATED = define(
      Field.multiChoice("accessesCreated", "Accesos creados", accessOptions()).mandatory()
          .note("every access requested")
          .example(List.of("RED", "CORREO")));
  public static final Field INSTITUTIONAL_EMAIL = define(Field.text("institutionalEmail", "Correo institucional creado")
      .mandatory().maxLength(120).personalData().note("when accessesCreated includes CORREO")
      .pattern("^ *[a-z0-9][a-z0-9._-]*@idep\\.edu\\.co *$", "debe ser una dirección del dominio idep.edu.co.")
      .example("mfperez@idep.edu.co"));
  public static final Field CREDENTIALS_POLICY_SIGNED = define(Field.confirmation("credentialsPolicySigned",
      "Las credenciales se entregaron con el formato PO-GT-12-01 (Política de seguridad y privacidad de la "
          + "información) firmado por el usuario")
      .example(true));
  public static final Field CREDENTIALS_SIGNED_ON = define(
      Field.date("credentialsSignedOn", "Fecha en que el usuario firmó el formato PO-GT-12-01").mandatory()
          .note("not in the future")
          .example("2026-01-15"));

  // ---------------------------------------------------------------- preparing and delivering a loan (step 5)

  // The assets the form offers are those of the requested kind free for the loan's dates, and those
  // the loan already holds (loans/AssetOffer); the reservation checks them again.
  public static final Field CHOSEN_ASSETS = define(
      Field.multiChoice("chosenAssets", "Equipos que se prestan (placa)", List.of()).mandatory()
          .optionsFrom("assetOptions")
          .note("as many as the quantity; options: the assets of the requested kind free for the dates")
          .example(List.of("IDEP-C-001", "IDEP-C-002")));
  public static final Field LOAN_PROBLEM = define(
      Field.longText("loanProblem", "Problema al reservar los equipos").maxLength(1000)
          .example("La placa IDEP-C-001 ya está reservada para esas fechas."));
  public static final Field PREPARATION_NOTE = define(
      Field.longText("preparationNote", "Observaciones del alistamiento").maxLength(1000)
          .example("Equipos revisados y cargados."));
  // Set by the reservation for the hand-over form to show: the record holds the assets.
  public static final Field ASSET_TAGS = define(
      Field.text("assetTags", "Placas de los equipos reservados").maxLength(500)
          .example("IDEP-C-001, IDEP-C-002"));
  public static final Field EXIT_FORM_URL = define(
      Field.text("exitFormUrl", "Formato para salida de equipos").maxLength(300)
          .note("the address of the generated PDF, when the equipment leaves the Institute")
          .example("/api/tickets/MDS-2026-000001/documents/salida-de-equipos.pdf"));
  public static final Field RECEIVED_BY = define(
      Field.text("receivedBy", "Nombre de quien recibe los equipos").mandatory().maxLength(150).personalData()
          .pattern("^ *[" + LETTER + "][" + LETTER + " .'’-]*$",
              "solo admite letras, espacios, puntos, apóstrofos y guiones, y empieza por una letra.")
          .example("María Fernanda Pérez"));
  public static final Field DELIVERY_NOTE = define(
      Field.longText("deliveryNote", "Observaciones de la entrega").maxLength(1000)
          .example("Entregados en el auditorio."));

  // ---------------------------------------------------------------- the loan's return (prestamo-de-equipos)

  // Each lists the assets still out (optionsKey); an asset goes in one list at most.
  public static final Field RETURNED_GOOD = define(
      Field.multiChoice("returnedGood", "Devueltos en buen estado", List.of()).optionsFrom("outstandingAssets")
          .note("at least one asset in one of the three lists")
          .example(List.of("IDEP-C-001")));
  public static final Field RETURNED_DAMAGED = define(
      Field.multiChoice("returnedDamaged", "Devueltos con daño", List.of()).optionsFrom("outstandingAssets")
          .example(List.of("IDEP-C-002")));
  public static final Field RETURNED_INCOMPLETE = define(
      Field.multiChoice("returnedIncomplete", "Devueltos incompletos", List.of()).optionsFrom("outstandingAssets")
          .example(List.of("IDEP-C-003")));
  public static final Field RETURN_NOTE = define(
      Field.longText("returnNote", "Observaciones de la devolución").maxLength(1000)
          .note("required when an asset comes back damaged or incomplete")
          .example("La pantalla llegó rayada."));

  // ---------------------------------------------------------------- evaluating, escalating, resolving (steps 6–11)

  public static final Field CAN_RESOLVE = define(Field.yesNo("canResolve", "¿Puede resolver el incidente?").mandatory()
      .example(true));
  public static final Field EVALUATION_NOTE = define(
      Field.longText("evaluationNote", "Diagnóstico").maxLength(2000)
          .example("Falla de la fuente de poder."));
  // The provider of the record (/api/providers) the case went to: shown, set by the escalation.
  public static final Field PROVIDER_NAME = define(
      Field.text("providerName", "Proveedor").maxLength(150)
          .example("Proveedor de mantenimiento"));
  // The provider's own number for the case: Humano's osTicket number, typed when it is opened by hand.
  public static final Field PROVIDER_REFERENCE = define(
      Field.text("providerReference", "Número del caso en la mesa del proveedor").maxLength(50)
          .note("required for Humano's vendor")
          .example("OST-12345"));
  // Why Humano's case is opened by hand: the API not configured, or a request whose answer was lost. Shown, set by the escalation.
  public static final Field VENDOR_CASE_BY_HAND = define(
      Field.longText("vendorCaseByHand", "Por qué se abre a mano").maxLength(1000)
          .example("La conexión con la mesa de ayuda (osTicket) del proveedor de Humano no está configurada."));
  public static final Field ESCALATION_COMMENT = define(
      Field.longText("escalationComment", "Comentario de escalamiento").mandatory().maxLength(2000)
          .example("Se escala por garantía del equipo."));
  // The provider's answer (registrar-solucion-proveedor) and, when nobody could solve it, the Jefe OAP's decision.
  public static final Field PROVIDER_SOLVED = define(
      Field.yesNo("providerSolved", "¿El proveedor resolvió el incidente?").mandatory()
          .example(true));
  public static final Field UNSOLVED_DECISION = define(
      Field.longText("unsolvedDecision", "Decisión y explicación para el solicitante").mandatory().maxLength(2000)
          .example("No hay contrato de soporte vigente: se incluye en el plan de contratación de 2027."));
  public static final Field SOLUTION = define(
      Field.longText("solution", "Solución aplicada").mandatory().maxLength(4000)
          .example("Se cambió la fuente de poder."));

  // ---------------------------------------------------------------- the requester's verification (steps 12–13)

  public static final Field SATISFIED = define(Field.yesNo("satisfied", "¿La solución es completa y satisfactoria?")
      .mandatory().options(Option.of(true, "Sí"), Option.of(false, "No, el ticket debe volver a atenderse"))
      .example(true));
  public static final Field SATISFACTION_SCORE = define(Field.integer("satisfactionScore", "Calificación (1 a 5)")
      .mandatory().between(1, 5).options(Option.of(1, "1 — Muy insatisfecho"), Option.of(2, "2 — Insatisfecho"),
          Option.of(3, "3 — Aceptable"), Option.of(4, "4 — Satisfecho"), Option.of(5, "5 — Muy satisfecho"))
      .example(4L));
  // Help-desk staff may record the answer the requester gave by phone or in person (step 13).
  public static final Field ANSWER_CHANNEL = define(Field.choice("answerChannel", "¿Cómo llega esta respuesta?",
      List.of(Option.of(ANSWER_IN_PERSON_OF_REQUESTER, "La registra el propio solicitante"),
          Option.of(ANSWER_BY_PHONE, "El solicitante la dio por teléfono (la registra la mesa)"),
          Option.of(ANSWER_FACE_TO_FACE, "El solicitante la dio en persona (la registra la mesa)")))
      .note("required when someone other than the requester records the answer")
      .example(ANSWER_IN_PERSON_OF_REQUESTER));
  public static final Field VERIFICATION_COMMENT = define(
      Field.longText("verificationComment", "Comentario").maxLength(2000)
          .note("required when satisfied is false")
          .example("Funciona otra vez."));

  // ---------------------------------------------------------------- the quarterly report (steps 15–16)

  public static final Field REPORT_PERIOD = define(Field.text("reportPeriod", "Periodo"));
  public static final Field REPORT_VERSION = define(Field.integer("reportVersion", "Versión"));
  public static final Field REPORT_SUMMARY = define(Field.longText("reportSummary", "Cifras del informe"));
  public static final Field REPORT_APPROVED = define(Field.yesNo("reportApproved", "¿Aprueba el informe?")
      .mandatory().options(Option.of(true, "Sí, apruebo el informe"),
          Option.of(false, "No, lo devuelvo con observaciones"))
      .example(true));
  public static final Field REPORT_OBSERVATIONS = define(
      Field.longText("reportObservations", "Observaciones").mandatory().maxLength(2000)
          .note("when reportApproved is false")
          .example("Revise las cifras de préstamos."));
  public static final Field CORRECTION_NOTE = define(
      Field.longText("correctionNote", "Correcciones realizadas").mandatory().maxLength(2000)
          .example("Se corrigió el registro de préstamos."));

  private Fields() {}

  /** Every field, in the order defined here. */
  static List<Field> all() {
    return List.copyOf(ALL);
  }

  private static Field define(Field field) {
    if (ALL.stream().anyMatch(f -> f.key().equals(field.key()))) {
      throw new IllegalStateException("Field " + field.key() + " is defined twice");
    }
    ALL.add(field);
    return field;
  }

  /** The topic list is {@link Topic}'s: its codes and labels. */
  private static List<Option> topicOptions() {
    return Arrays.stream(Topic.values()).map(t -> new Option(t.name(), t.label())).toList();
  }

  private static List<Option> accessOptions() {
    return List.of(Option.of("RED", "Uso de red (Directorio Activo)"), Option.of("VPN", "VPN"),
        Option.of("CORREO", "Correo institucional"));
  }
}
