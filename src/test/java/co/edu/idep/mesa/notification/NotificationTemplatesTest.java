package co.edu.idep.mesa.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Spanish templates of every notification of the process (ticket/TicketNotifications,
 * report/ReportNotifications), rendered on their own: subject with code and subject, text and HTML
 * with the link, optional parts left out cleanly, and nothing unrendered left over. Each model goes
 * the way the outbox takes it (checked at enqueue, stored as JSON, read back at delivery), so that
 * the templates are tested with the values they see when the sender renders them.
 */
class NotificationTemplatesTest {

  private final MailTemplates templates = new MailTemplates(new MailLinks("https://mesa.idep.edu.co/"));

  private static Map<String, Object> ticket() {
    Map<String, Object> model = new HashMap<>();
    model.put("code", "MDS-2026-000042");
    model.put("subject", "Impresora <b>HP</b> & escáner");
    model.put("topic", "Solicitud de Soporte Técnico");
    model.put("priority", "Alta");
    model.put("group", "Técnico Operativo 314-02 (OAP)");
    return model;
  }

  private RenderedMail render(String template, Map<String, Object> model) {
    Map<String, Object> stored = MailModel.fromJson(MailModel.toJson(template, MailModel.checked(template, model)));
    RenderedMail mail = templates.render(template, stored);
    for (String part : new String[] {mail.subject(), mail.text(), mail.html()}) {
      assertThat(part).as(template).doesNotContain("[(", "[#", "[/]", "th:", "${", "null");
    }
    assertThat(mail.text()).as(template).startsWith("Cordial saludo:").contains("por favor no lo responda")
        .doesNotContain("\n\n\n");
    // The templates' notes for their editors stay out of the mail.
    assertThat(mail.html()).as(template).doesNotContain("<!--", "Model:");
    // The shared pieces (_fragments.html) are in every mail.
    assertThat(mail.html()).as(template).contains("Cordial saludo:", "por favor no lo responda");
    return mail;
  }

  @Test
  void aNewTicketTellsTheGroupWhatArrivedAndLinksToIt() {
    RenderedMail mail = render("ticket-nuevo-grupo", ticket());
    assertThat(mail.subject()).isEqualTo("[MDS-2026-000042] Nuevo ticket para su grupo: Impresora <b>HP</b> & escáner");
    assertThat(mail.text()).contains("nuevo ticket para el grupo «Técnico Operativo 314-02 (OAP)»",
        "Código: MDS-2026-000042\nAsunto: Impresora <b>HP</b> & escáner\nTema: Solicitud de Soporte Técnico\nPrioridad: Alta\n\n",
        "https://mesa.idep.edu.co/camunda/app/tasklist/default/#/?searchQuery=", "MDS-2026-000042%22");
    assertThat(mail.html()).contains("Impresora &lt;b&gt;HP&lt;/b&gt; &amp; escáner", "<td>Alta</td>")
        .doesNotContain("<b>HP</b>");
  }

  @Test
  void anEscalatedCaseTellsTheProviderWhatToAttendAndByWhen() {
    Map<String, Object> model = ticket();
    model.put("description", "La impresora del piso 2 no imprime desde el lunes.");
    model.put("location", "Sede principal, piso 2");
    model.put("assetTag", "IDEP-00123");
    model.put("requesterName", "Usuario Uno");
    model.put("requesterEmail", "usuario1@idep.edu.co");
    model.put("diagnosis", "Falla del fusor.");
    model.put("provider", "Soluciones Ofimáticas S.A.S.");
    model.put("contract", "CPS-101-2026");
    model.put("due", "1 de diciembre de 2026 a las 15:00");
    RenderedMail mail = render("ticket-escalado", model);
    assertThat(mail.subject())
        .isEqualTo("[MDS-2026-000042] Caso escalado por la Mesa de Servicios del IDEP: Impresora <b>HP</b> & escáner");
    assertThat(mail.text()).contains("le escala el siguiente caso, según el contrato de soporte CPS-101-2026.",
        "Esperamos su respuesta antes del 1 de diciembre de 2026 a las 15:00.",
        "Código: MDS-2026-000042\nAsunto: Impresora <b>HP</b> & escáner\nTema: Solicitud de Soporte Técnico\n",
        "Ubicación: Sede principal, piso 2\nPlaca del equipo: IDEP-00123\nSolicitante: Usuario Uno <usuario1@idep.edu.co>",
        "Descripción del solicitante:\nLa impresora del piso 2 no imprime desde el lunes.",
        "Diagnóstico de la Mesa de Servicios:\nFalla del fusor.", "citando el código MDS-2026-000042")
        .doesNotContain("Módulo", "tasklist");
    assertThat(mail.html()).contains("CPS-101-2026", "Falla del fusor.", "Usuario Uno &lt;usuario1@idep.edu.co&gt;")
        .doesNotContain("<b>HP</b>");

    model.put("contract", null);
    model.put("diagnosis", null);
    assertThat(render("ticket-escalado", model).text()).contains("le escala el siguiente caso. Esperamos")
        .doesNotContain("Diagnóstico");
  }

  @Test
  void aProviderWithoutAnswerIsReminded() {
    Map<String, Object> model = ticket();
    model.put("provider", "Soporte Lógico (Humano)");
    model.put("reference", "482130");
    model.put("due", "1 de diciembre de 2026 a las 15:00");
    RenderedMail mail = render("caso-proveedor-recordatorio", model);
    assertThat(mail.subject()).isEqualTo("[MDS-2026-000042] Recordatorio: el caso escalado espera su respuesta");
    assertThat(mail.text()).contains("escalado a Soporte Lógico (Humano) con su número de caso 482130, venció el "
        + "1 de diciembre de 2026 a las 15:00 sin respuesta");
  }

  @Test
  void aReturnedAccountRequestSaysWhyAndLinksToTheCorrection() {
    Map<String, Object> model = ticket();
    model.put("taskId", "tarea-7");
    model.put("reason", "El contrato 045-2026 no está vigente.");
    RenderedMail mail = render("solicitud-cuenta-devuelta", model);
    assertThat(mail.subject()).isEqualTo("[MDS-2026-000042] Solicitud de cuenta devuelta para corregir: Impresora <b>HP</b> & escáner");
    assertThat(mail.text()).contains("Motivo: El contrato 045-2026 no está vigente.", "«Corregir la solicitud de cuenta»",
        "https://mesa.idep.edu.co/camunda/app/tasklist/default/#/?task=tarea-7");
  }

  @Test
  void aReadyAccountNamesItsUserAndAccessesNeverAPassword() {
    Map<String, Object> model = ticket();
    model.put("loginName", "maria.perez");
    model.put("mailbox", "maria.perez@idep.edu.co");
    model.put("accesses", java.util.List.of("Uso de red (Directorio Activo)", "Correo institucional"));
    RenderedMail mail = render("cuenta-lista", model);
    assertThat(mail.subject()).isEqualTo("[MDS-2026-000042] Su cuenta está lista: Impresora <b>HP</b> & escáner");
    assertThat(mail.text()).contains("Usuario: maria.perez\nCorreo institucional: maria.perez@idep.edu.co\n"
        + "Accesos: Uso de red (Directorio Activo), Correo institucional").doesNotContainIgnoringCase("contraseña:");
    model.put("mailbox", null);
    assertThat(render("cuenta-lista", model).text()).doesNotContain("Correo institucional:");
  }

  @Test
  void aReassignedTicketNamesBothTopics() {
    Map<String, Object> model = ticket();
    model.put("previousTopic", "Soporte Sistema Web");
    RenderedMail mail = render("ticket-reasignado", model);
    assertThat(mail.subject()).isEqualTo("[MDS-2026-000042] Ticket reasignado a su grupo: Impresora <b>HP</b> & escáner");
    assertThat(mail.text()).contains("cambió de tema y quedó asignado al grupo «Técnico Operativo 314-02 (OAP)»",
        "Tema anterior: Soporte Sistema Web\nTema nuevo: Solicitud de Soporte Técnico\nPrioridad: Alta\n");

    model.remove("previousTopic");
    assertThat(render("ticket-reasignado", model).text()).doesNotContain("Tema anterior")
        .contains("Asunto: Impresora <b>HP</b> & escáner\nTema nuevo: Solicitud de Soporte Técnico\n");
  }

  @Test
  void theSolutionAndTheReminderLinkToTheVerificationTask() {
    Map<String, Object> model = ticket();
    model.put("taskId", "tarea-7");
    RenderedMail ready = render("solucion-lista", model);
    assertThat(ready.subject()).isEqualTo("[MDS-2026-000042] Solución lista para verificar: Impresora <b>HP</b> & escáner");
    assertThat(ready.text()).contains("está lista y espera su verificación", "«Verificar la solución»",
        "https://mesa.idep.edu.co/camunda/app/tasklist/default/#/?task=tarea-7");
    assertThat(ready.html()).contains("href=\"https://mesa.idep.edu.co/camunda/app/tasklist/default/#/?task=tarea-7\"");

    RenderedMail reminder = render("recordatorio-verificacion", model);
    assertThat(reminder.subject()).isEqualTo("[MDS-2026-000042] Recordatorio: verifique la solución: Impresora <b>HP</b> & escáner");
    assertThat(reminder.text()).contains("sigue esperando su verificación", "«Cerrado sin respuesta del solicitante»",
        "#/?task=tarea-7");
  }

  @Test
  void closingSaysHowItClosed() {
    Map<String, Object> model = ticket();
    model.put("score", 4);
    RenderedMail closed = render("ticket-cerrado", model);
    assertThat(closed.subject()).isEqualTo("[MDS-2026-000042] Ticket cerrado: Impresora <b>HP</b> & escáner");
    assertThat(closed.text()).contains("quedó cerrada tras su respuesta satisfactoria (calificación 4 de 5).");
    assertThat(closed.html()).contains("(calificación 4 de 5)");
    model.remove("score");
    assertThat(render("ticket-cerrado", model).text()).contains("quedó cerrada tras su respuesta satisfactoria.");

    RenderedMail unanswered = render("ticket-cerrado-sin-respuesta", ticket());
    assertThat(unanswered.subject()).isEqualTo("[MDS-2026-000042] Ticket cerrado sin su respuesta: Impresora <b>HP</b> & escáner");
    assertThat(unanswered.text()).contains("quedó cerrada como «Cerrado sin respuesta del solicitante»");
  }

  @Test
  void serviceLevelNoticesNameTheTargetItsTimesAndWhatIsExpected() {
    Map<String, Object> model = ticket();
    model.putAll(Map.of("kind", "FIRST_ATTENTION", "kindLabel", "primera atención", "percent", 75,
        "targetHours", "4", "usedHours", "3", "dueAt", "2 de marzo de 2026 a las 11:00"));
    RenderedMail warning = render("nivel-servicio-aviso", model);
    assertThat(warning.subject())
        .isEqualTo("[MDS-2026-000042] Aviso: pasó el 75 % del tiempo de primera atención: Impresora <b>HP</b> & escáner");
    assertThat(warning.text()).contains("ya usó el 75 % del tiempo de primera atención acordado",
        "Tiempo acordado: 4 horas hábiles\nTiempo hábil usado: 3 horas\nVence: 2 de marzo de 2026 a las 11:00",
        "un integrante del grupo debe tomar el ticket").doesNotContain("la solución debe quedar lista");
    model.put("kind", "RESOLUTION");
    model.put("kindLabel", "solución");
    assertThat(render("nivel-servicio-aviso", model).text()).contains("la solución debe quedar lista")
        .doesNotContain("debe tomar el ticket");

    model.put("breachedAt", "3 de marzo de 2026 a las 15:00");
    RenderedMail breach = render("nivel-servicio-incumplido", model);
    assertThat(breach.subject())
        .isEqualTo("[MDS-2026-000042] Nivel de servicio incumplido, solución: Impresora <b>HP</b> & escáner");
    assertThat(breach.text()).contains("no cumplió el tiempo de solución acordado",
        "Grupo encargado: Técnico Operativo 314-02 (OAP)\nPrioridad: Alta",
        "Registrado: 3 de marzo de 2026 a las 15:00", "Jefe de la Oficina Asesora de Planeación");
  }

  @Test
  void theReportNoticesLinkToTheJefesAndTheCorrectorsTasks() {
    Map<String, Object> model = new HashMap<>(Map.of("code", "INF-2026-T3", "period",
        "2026, tercer trimestre (julio a septiembre)", "version", 2, "taskId", "validar-1",
        "summary", "Informe de la Mesa de Servicios — 2026\nTickets abiertos en el trimestre: 12"));
    RenderedMail waiting = render("informe-por-validar", model);
    assertThat(waiting.subject())
        .isEqualTo("[INF-2026-T3] Informe trimestral por validar: 2026, tercer trimestre (julio a septiembre), versión 2");
    assertThat(waiting.text()).contains("El informe de la Mesa de Servicios del periodo 2026, tercer trimestre (julio a septiembre) (versión 2) está listo",
        "espera su validación", "#/?task=validar-1\n\nInforme de la Mesa", "Tickets abiertos en el trimestre: 12\n\n--");
    model.remove("version");
    model.remove("summary");
    RenderedMail plain = render("informe-por-validar", model);
    assertThat(plain.subject()).isEqualTo("[INF-2026-T3] Informe trimestral por validar: 2026, tercer trimestre (julio a septiembre)");
    assertThat(plain.text()).contains("El informe de la Mesa de Servicios del periodo 2026, tercer trimestre (julio a septiembre) está listo",
        "#/?task=validar-1\n\n--");

    model.put("version", 2);
    model.put("taskId", "corregir-1");
    model.put("observations", "Faltan los tickets <escalados>.");
    RenderedMail returned = render("informe-devuelto", model);
    assertThat(returned.subject())
        .isEqualTo("[INF-2026-T3] Informe trimestral devuelto con observaciones: 2026, tercer trimestre (julio a septiembre)");
    assertThat(returned.text()).contains("devolvió el informe de la Mesa de Servicios del periodo 2026, tercer trimestre (julio a septiembre) (versión 2) con", "Faltan los tickets <escalados>.",
        "«Corregir el informe»", "#/?task=corregir-1");
    assertThat(returned.html()).contains("Faltan los tickets &lt;escalados&gt;.");
  }
}
