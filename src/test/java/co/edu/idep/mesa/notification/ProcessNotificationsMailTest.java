package co.edu.idep.mesa.notification;

import co.edu.idep.mesa.escalation.provider.Provider;
import co.edu.idep.mesa.escalation.provider.Providers;
import co.edu.idep.mesa.ticket.Topic;
import org.camunda.bpm.engine.runtime.Job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import co.edu.idep.mesa.report.ReportNotifications;
import co.edu.idep.mesa.report.ReportPeriod;
import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.servicelevel.ServiceLevelKind;
import co.edu.idep.mesa.servicelevel.ServiceLevels;
import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApplicationTest;
import co.edu.idep.mesa.support.ReportQuarters;
import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.Ticket;
import co.edu.idep.mesa.ticket.TicketNote;
import co.edu.idep.mesa.ticket.TicketNotifications;
import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.TicketService;
import co.edu.idep.mesa.ticket.TicketTimeline;
import co.edu.idep.mesa.ticket.TicketVariables;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every notification of the two processes (issue 9, point 3) against a real SMTP server (GreenMail
 * on a free port), driven by real process state: tickets opened through {@link TicketService} and
 * moved through their tasks, a quarterly report asked for and returned. The listeners are called as
 * the engine would call them, with a {@link DelegateExecution} or {@link DelegateTask} carrying the
 * ticket's variables, in a transaction of their own; each twice, to show it sends one message. What
 * a step writes is checked after the sender delivered it: it looks the addresses up and renders the
 * templates then, and writes the timeline notes about people without an address.
 *
 * <p>The outbox is shared with every class of the shared application: what others left is delivered
 * here too, and each test reads only the messages of its own tickets.
 */
@ApplicationTest
class ProcessNotificationsMailTest {

  private static final AtomicInteger SUBJECTS = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired TicketNotifications ticketNotifications;
  @Autowired ReportNotifications reportNotifications;
  @Autowired TicketService ticketService;
  @Autowired TicketRepository tickets;
  @Autowired ServiceLevels serviceLevels;
  @Autowired OutboxRepository outbox;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;
  @Autowired Providers providers;

  private GreenMail server;
  private MailDelivery delivery;

  @BeforeEach
  void startServer() {
    int smtp = Mailboxes.freePort();
    server = Mailboxes.smtp(smtp);
    server.start();
    // The application's outbox, delivered to this test's server: the shared application keeps its settings.
    delivery = OutboxNode.applicationSender(context, smtp, 2);
  }

  @AfterEach
  void stopServer() {
    identity.clearAuthentication();
    server.stop();
  }

  // ---------------------------------------------------------------- tickets

  @Test
  void aRegisteredTicketTellsItsRequesterAndItsGroupOnce() {
    String subject = subject("La impresora no imprime");
    String code = open("usuario1", "SOPORTE_TECNICO", subject);

    twice(() -> ticketNotifications.registered(execution(code)));

    Map<String, MimeMessage> mails = delivered(code);
    assertThat(mails).hasSize(2); // the diagram's own call, if it makes it, is the same message
    MimeMessage requester = only(mails, "Ticket registrado");
    assertThat(Mailboxes.to(requester)).containsExactly("usuario1@idep.edu.co");
    assertThat(Mailboxes.subject(requester)).isEqualTo("[" + code + "] Ticket registrado: " + subject);
    assertThat(text(requester))
        .contains("Su solicitud a la Mesa de Servicios del IDEP quedó registrada con el código " + code + ".")
        .contains("Tema: Solicitud de Soporte Técnico");

    MimeMessage group = only(mails, "Nuevo ticket para su grupo");
    assertThat(Mailboxes.to(group)).containsExactly("tecnico@idep.edu.co");
    assertThat(Mailboxes.subject(group)).isEqualTo("[" + code + "] Nuevo ticket para su grupo: " + subject);
    assertThat(text(group))
        .contains("Llegó a la Mesa de Servicios del IDEP un nuevo ticket para el grupo «Técnico Operativo 314-02 (OAP)».")
        .contains("Prioridad: Alta")
        .contains("/camunda/app/tasklist/default/#/?searchQuery=").contains(code + "%22");
    assertThat(Mailboxes.part(group, "text/html")).contains("<strong>" + code + "</strong>");
    assertThat(notesNotSent(code)).isEmpty();
  }

  @Test
  void peopleWithoutAnAddressGetOneTimelineNoteEachInsteadOfAnError() {
    String requester = "sincorreosolicitante";
    String technician = "sincorreotecnico";
    createUser(requester, Roles.REQUESTERS);
    createUser(technician, Roles.TECHNICIAN);
    try {
      String subject = subject("El monitor parpadea");
      String code = open(requester, "SOPORTE_TECNICO", subject);

      twice(() -> ticketNotifications.registered(execution(code)));
      // Nobody was looked up yet: the notes come with the delivery.
      assertThat(notesNotSent(code)).isEmpty();

      // The requester has no address: no message for him. The group's goes to the members who have one.
      Map<String, MimeMessage> mails = delivered(code);
      assertThat(mails).hasSize(1);
      MimeMessage group = only(mails, "Nuevo ticket para su grupo");
      assertThat(text(group)).contains("Llegó a la Mesa de Servicios del IDEP un nuevo ticket");
      assertThat(Mailboxes.to(group)).containsExactly("tecnico@idep.edu.co");

      List<TicketNote> notes = notesNotSent(code);
      assertThat(notes).extracting(TicketNote::body).containsExactly(
          "No se pudo avisar por correo a «" + requester + "» (Ticket registrado): no tiene dirección registrada.",
          "No se pudo avisar por correo a «" + technician + "» (Nuevo ticket para su grupo): no tiene dirección registrada.");
      assertThat(notes).extracting(TicketNote::author).containsOnly(TicketTimeline.SYSTEM_AUTHOR);

      // Delivered again, nothing is noted again.
      assertThat(delivered(code)).isEmpty();
      assertThat(notesNotSent(code)).hasSize(2);

      // A later notice to him is noted again, once; with nobody to send it to, the message says so.
      twice(() -> ticketNotifications.closedWithoutAnswer(execution(code)));
      assertThat(delivered(code)).isEmpty();
      assertThat(notesNotSent(code)).hasSize(3).last().extracting(TicketNote::body)
          .isEqualTo("No se pudo avisar por correo a «" + requester + "» (Ticket cerrado sin respuesta): no tiene dirección registrada.");
      assertThat(jdbc.sql("select state || ': ' || last_error from mail_outbox where ticket_code = ? and kind = ?")
          .params(code, "TICKET_CERRADO_SIN_RESPUESTA").query(String.class).single())
          .isEqualTo("SIN_DESTINATARIO: Nadie a quien enviarlo: el usuario «" + requester
              + "» no tiene dirección de correo registrada.");
    } finally {
      identity.deleteUser(requester);
      identity.deleteUser(technician);
    }
  }

  /**
   * The registration's transaction only records what to send and to whom: the identity service is
   * not asked (Camunda's user queries, logged by MyBatis at DEBUG) and no template is rendered
   * (Thymeleaf's TemplateEngine logs every template it processes at TRACE) until the sender runs.
   */
  @Test
  void registeringATicketAsksTheIdentityServiceNothingAndRendersNothingTheSenderDoesBoth() {
    delivered("-"); // what others left
    String subject = subject("No funciona el teclado");
    List<String> groups = groupsOf("usuario1");
    String code;
    List<String> duringRegistration;
    identity.setAuthentication("usuario1", groups);
    try (LogProbe probe = new LogProbe(IDENTITY_QUERIES, RENDERING)) {
      code = ticketService.open(request("SOPORTE_TECNICO", subject));
      duringRegistration = probe.lines();
    } finally {
      identity.clearAuthentication();
    }

    assertThat(duringRegistration).isEmpty();
    record Row(String kind, String template, String model, String audience, String recipients, String state) {}
    List<Row> rows = jdbc.sql("""
            select kind, template, model, audience, recipients, state from mail_outbox where ticket_code = ? order by id""")
        .param(code)
        .query((rs, n) -> new Row(rs.getString("kind"), rs.getString("template"), rs.getString("model"),
            rs.getString("audience"), rs.getString("recipients"), rs.getString("state")))
        .list();
    // What to send and to whom: the template's name, its model, user and group ids; no address, no text.
    assertThat(rows).extracting(Row::kind, Row::template, Row::audience, Row::recipients, Row::state).containsExactly(
        tuple("TICKET_REGISTRADO", "ticket-registrado", "{\"users\":[\"usuario1\"],\"groups\":[],\"addresses\":[]}",
            null, "PENDIENTE"),
        tuple("TICKET_NUEVO_GRUPO", "ticket-nuevo-grupo",
            "{\"users\":[],\"groups\":[\"tecnico-operativo\"],\"addresses\":[]}", null, "PENDIENTE"));
    assertThat(rows).extracting(Row::model).allSatisfy(model -> assertThat(model)
        .contains("\"code\":\"" + code + "\"", "\"subject\":\"" + subject + "\"", "\"topic\":\"Solicitud de Soporte Técnico\"")
        .doesNotContain("Cordial saludo").doesNotContain("@idep.edu.co").doesNotContain("http"));

    List<String> duringDelivery;
    Map<String, MimeMessage> mails;
    try (LogProbe probe = new LogProbe(IDENTITY_QUERIES, RENDERING)) {
      mails = delivered(code);
      duringDelivery = probe.lines();
    }
    assertThat(mails).hasSize(2);
    assertThat(duringDelivery).anyMatch(line -> line.startsWith(IDENTITY_QUERIES))
        .anyMatch(line -> line.startsWith(RENDERING));
  }

  @Test
  void aTicketReassignedAfterATopicChangeTellsTheNewGroup() {
    String subject = subject("No carga el portal");
    String code = open("usuario2", "SOPORTE_WEB", subject);
    complete(code, "Task_ReviewTopic", "web",
        Map.of("topicMatches", false, "newTopic", "SOPORTE_TECNICO", "topicComment", "Es el equipo, no el portal."));
    assertThat(ticket(code).assignedGroup()).isEqualTo(Roles.TECHNICIAN);

    twice(() -> ticketNotifications.reassigned(execution(code)));

    MimeMessage mail = only(delivered(code), "Ticket reasignado a su grupo");
    assertThat(Mailboxes.to(mail)).containsExactly("tecnico@idep.edu.co");
    assertThat(Mailboxes.subject(mail)).isEqualTo("[" + code + "] Ticket reasignado a su grupo: " + subject);
    assertThat(text(mail))
        .contains("El ticket " + code + " cambió de tema y quedó asignado al grupo «Técnico Operativo 314-02 (OAP)».")
        .contains("Tema anterior: Soporte Sistema Web\nTema nuevo: Solicitud de Soporte Técnico");
  }

  @Test
  void anEscalationSendsTheDossierToTheProviderOfRecordOnce() {
    Provider provider = co.edu.idep.mesa.support.ProvidersOfRecord.of(Topic.SOPORTE_TECNICO, providers, jdbc);
    String subject = subject("El servidor de archivos no responde");
    String code = atMaintenanceEscalation(subject);
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(code).singleResult().getId();
    Job job = management.createJobQuery().processInstanceId(instance).activityId("Task_EscalateToMaintenanceProvider")
        .singleResult();
    management.executeJob(job.getId());

    MimeMessage mail = only(delivered(code), "Caso escalado por la Mesa de Servicios del IDEP");
    assertThat(Mailboxes.to(mail)).containsExactly(provider.contactEmail());
    assertThat(Mailboxes.subject(mail)).isEqualTo("[" + code + "] Caso escalado por la Mesa de Servicios del IDEP: " + subject);
    assertThat(text(mail)).contains("La Mesa de Servicios del IDEP le escala el siguiente caso",
        "Código: " + code, "Tema: Solicitud de Soporte Técnico", "Ubicación: Sede principal, piso 2",
        "Solicitante: Carlos Gómez <usuario2@idep.edu.co>", "Descripción del solicitante:",
        "Diagnóstico de la Mesa de Servicios:\nFalla de la controladora del disco.", "Esperamos su respuesta antes del");
    // Delivered again, nothing more: one dossier per escalation.
    assertThat(delivered(code)).isEmpty();
  }


  @Test
  void theRequesterIsToldOfTheSolutionRemindedWithTheLinkToHisTaskAndToldOfTheClosure() {
    String subject = subject("El equipo no enciende");
    String code = open("usuario1", "SOPORTE_TECNICO", subject);
    complete(code, "Task_ReviewTopic", "tecnico", Map.of("topicMatches", true));
    complete(code, "Task_EvaluateTechnicalSupport", "tecnico", Map.of("canResolve", true));
    complete(code, "Task_ResolveTechnicalSupport", "tecnico", Map.of("solution", "Se cambió la fuente de poder."));
    Task verify = task(code, "Task_VerifySolution");

    twice(() -> ticketNotifications.solutionReady(delegateTask(verify)));
    twice(() -> ticketNotifications.verificationReminder(execution(code)));

    // Among the registration's: one message each, whether the diagram's listener or this call enqueued it.
    Map<String, MimeMessage> mails = delivered(code);
    MimeMessage ready = only(mails, "Solución lista para verificar");
    assertThat(Mailboxes.to(ready)).containsExactly("usuario1@idep.edu.co");
    assertThat(Mailboxes.subject(ready)).isEqualTo("[" + code + "] Solución lista para verificar: " + subject);
    assertThat(text(ready))
        .contains("La solución de su solicitud " + code + " está lista y espera su verificación.")
        .contains("/camunda/app/tasklist/default/#/?task=" + verify.getId());
    assertThat(Mailboxes.part(ready, "text/html")).contains("#/?task=" + verify.getId() + "\"");
    MimeMessage reminder = only(mails, "Recordatorio: verifique la solución");
    assertThat(Mailboxes.to(reminder)).containsExactly("usuario1@idep.edu.co");
    assertThat(Mailboxes.subject(reminder)).isEqualTo("[" + code + "] Recordatorio: verifique la solución: " + subject);
    assertThat(text(reminder))
        .contains("sigue esperando su verificación")
        .contains("«Cerrado sin respuesta del solicitante»")
        .contains("#/?task=" + verify.getId());

    complete(code, "Task_VerifySolution", "usuario1", Map.of("satisfied", true, "satisfactionScore", 5L));
    twice(() -> ticketNotifications.closed(execution(code)));
    // Nothing waits for his verification any more: no reminder.
    ticketNotifications.verificationReminder(execution(code));

    Map<String, MimeMessage> afterClosure = delivered(code);
    assertThat(afterClosure.values()).extracting(Mailboxes::subject).noneMatch(s -> s.contains("Recordatorio"));
    MimeMessage closed = only(afterClosure, "Ticket cerrado");
    assertThat(Mailboxes.to(closed)).containsExactly("usuario1@idep.edu.co");
    assertThat(Mailboxes.subject(closed)).isEqualTo("[" + code + "] Ticket cerrado: " + subject);
    assertThat(text(closed))
        .contains("Su solicitud " + code + " quedó cerrada tras su respuesta satisfactoria (calificación 5 de 5).");
  }

  @Test
  void aTicketClosedWithoutAnswerTellsTheRequesterHowItClosed() {
    String subject = subject("Sin acceso a la red");
    String code = open("usuario2", "SOPORTE_TECNICO", subject);

    twice(() -> ticketNotifications.closedWithoutAnswer(execution(code)));

    MimeMessage mail = only(delivered(code), "Ticket cerrado sin su respuesta");
    assertThat(Mailboxes.to(mail)).containsExactly("usuario2@idep.edu.co");
    assertThat(Mailboxes.subject(mail)).isEqualTo("[" + code + "] Ticket cerrado sin su respuesta: " + subject);
    assertThat(text(mail))
        .contains("Su solicitud " + code + " quedó cerrada como «Cerrado sin respuesta del solicitante»");
  }

  @Test
  void serviceLevelWarningsGoToTheGroupAndBreachesAlsoToTheJefeOnceRecorded() {
    String subject = subject("Falla el escáner");
    String code = open("usuario1", "SOPORTE_TECNICO", subject);
    Ticket ticket = ticket(code);
    Instant now = clock.instant();
    inTransaction(() -> serviceLevels.start(code, ticket.topic().name(), ticket.priority(), now));
    delivered(code); // the registration

    // Nothing recorded yet (the timer found the target met, or not yet due): nobody is told.
    inTransaction(() -> ticketNotifications.serviceLevelWarning(execution(code), "FIRST_ATTENTION"));
    inTransaction(() -> ticketNotifications.serviceLevelBreach(execution(code), "RESOLUTION"));
    assertThat(delivered(code)).isEmpty();

    Instant later = now.plus(400, ChronoUnit.DAYS);
    inTransaction(() -> serviceLevels.recordWarning(code, ServiceLevelKind.FIRST_ATTENTION, later));
    inTransaction(() -> serviceLevels.recordBreach(code, ServiceLevelKind.RESOLUTION, later));
    twice(() -> ticketNotifications.serviceLevelWarning(execution(code), "FIRST_ATTENTION"));
    twice(() -> ticketNotifications.serviceLevelBreach(execution(code), "RESOLUTION"));

    Map<String, MimeMessage> mails = delivered(code);
    assertThat(mails).hasSize(2);
    MimeMessage warning = only(mails, "Aviso: pasó el 75 %");
    assertThat(Mailboxes.to(warning)).containsExactly("tecnico@idep.edu.co");
    assertThat(Mailboxes.subject(warning))
        .isEqualTo("[" + code + "] Aviso: pasó el 75 % del tiempo de primera atención: " + subject);
    assertThat(text(warning))
        .contains("El ticket " + code + ", asignado al grupo «Técnico Operativo 314-02 (OAP)», ya usó el 75 % del tiempo de primera atención acordado.")
        .contains("Prioridad: Alta").containsPattern("Tiempo acordado: [0-9,]+ horas hábiles")
        .containsPattern("Vence: \\d{1,2} de [a-z]+ de \\d{4} a las \\d{2}:\\d{2}")
        .contains("un integrante del grupo debe tomar el ticket");

    MimeMessage breach = only(mails, "Nivel de servicio incumplido");
    assertThat(Mailboxes.to(breach)).containsExactly("tecnico@idep.edu.co", "jefe@idep.edu.co");
    assertThat(Mailboxes.subject(breach)).isEqualTo("[" + code + "] Nivel de servicio incumplido, solución: " + subject);
    assertThat(text(breach))
        .contains("El ticket " + code + " no cumplió el tiempo de solución acordado.")
        .contains("Jefe de la Oficina Asesora de Planeación");
  }

  // ---------------------------------------------------------------- the quarterly report

  @Test
  void aReportWaitingForValidationTellsTheJefeAndAReturnedOneTheCorrectors() {
    ApiClient api = new ApiClient(port);
    ReportPeriod quarter = ReportQuarters.next();
    String key = quarter.key();
    assertThat(api.post("/api/reports", "tecnico", Map.of("year", quarter.year(), "quarter", quarter.quarter())).status())
        .isEqualTo(202);
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();
    management.executeJob(management.createJobQuery().processInstanceId(instance).singleResult().getId());
    Task validate = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_ValidateReport")
        .singleResult();

    twice(() -> reportNotifications.awaitingValidation(delegateTask(validate)));

    MimeMessage waiting = only(delivered(key), "Informe trimestral por validar");
    assertThat(Mailboxes.to(waiting)).containsExactly("jefe@idep.edu.co");
    assertThat(Mailboxes.subject(waiting))
        .isEqualTo("[" + key + "] Informe trimestral por validar: " + ReportQuarters.label(quarter) + ", versión 1");
    assertThat(text(waiting))
        .contains("El informe de la Mesa de Servicios del periodo " + ReportQuarters.label(quarter)
            + " (versión 1) está listo y espera su validación.")
        .contains("#/?task=" + validate.getId())
        .contains("Tickets abiertos en el trimestre: 0");

    api.complete(key, "Task_ValidateReport", "jefe", Map.of("reportApproved", ApiClient.value(false, "Boolean"),
        "reportObservations", ApiClient.value("Faltan los tickets escalados del mes de marzo.", "String")));
    Task correct = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_CorrectReport")
        .singleResult();

    twice(() -> reportNotifications.returned(delegateTask(correct)));

    MimeMessage returned = only(delivered(key), "Informe trimestral devuelto");
    assertThat(Mailboxes.to(returned))
        .containsExactlyInAnyOrder("tecnico@idep.edu.co", "sistemas@idep.edu.co", "web@idep.edu.co");
    assertThat(Mailboxes.subject(returned))
        .isEqualTo("[" + key + "] Informe trimestral devuelto con observaciones: " + ReportQuarters.label(quarter));
    assertThat(text(returned))
        .contains("El Jefe de la Oficina Asesora de Planeación devolvió el informe de la Mesa de Servicios del periodo "
            + ReportQuarters.label(quarter) + " (versión 1) con estas observaciones:")
        .contains("Faltan los tickets escalados del mes de marzo.")
        .contains("«Corregir el informe»")
        .contains("#/?task=" + correct.getId());

    // A task without candidate groups goes to the report staff, never to the Jefe.
    DelegateTask withoutGroups = delegateTask(correct);
    when(withoutGroups.getId()).thenReturn(correct.getId() + "-sin-grupos");
    when(withoutGroups.getCandidates()).thenReturn(Set.of());
    inTransaction(() -> reportNotifications.returned(withoutGroups));
    assertThat(Mailboxes.to(only(delivered(key), "Informe trimestral devuelto")))
        .containsExactlyInAnyOrder("tecnico@idep.edu.co", "sistemas@idep.edu.co", "web@idep.edu.co");
  }

  // ---------------------------------------------------------------- helpers

  private static String subject(String text) {
    return text + " (" + SUBJECTS.incrementAndGet() + ")";
  }

  /** Opens a ticket as {@code user}, as Tasklist's start form or the API does; returns its code. */
  private String open(String user, String topic, String subject) {
    identity.setAuthentication(user, groupsOf(user));
    try {
      return ticketService.open(request(topic, subject));
    } finally {
      identity.clearAuthentication();
    }
  }

  private static Map<String, Object> request(String topic, String subject) {
    Map<String, Object> request = new HashMap<>(Map.of("topic", topic, "subject", subject,
        "description", "Descripción de la solicitud para la prueba de los avisos por correo."));
    if (topic.equals("SOPORTE_WEB")) {
      request.put("module", "Portal institucional");
      request.put("webAddress", "https://www.idep.edu.co/");
    } else {
      request.put("location", "Sede principal, piso 2");
    }
    return request;
  }

  private List<String> groupsOf(String user) {
    return identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
  }

  /** A technical-support ticket the technician could not resolve: it waits to be escalated. */
  private String atMaintenanceEscalation(String subject) {
    String code = open("usuario2", "SOPORTE_TECNICO", subject);
    complete(code, "Task_ReviewTopic", "tecnico", Map.of("topicMatches", true));
    complete(code, "Task_EvaluateTechnicalSupport", "tecnico",
        Map.of("canResolve", false, "evaluationNote", "Falla de la controladora del disco."));
    return code;
  }

  private void complete(String code, String taskKey, String user, Map<String, Object> variables) {
    Task task = task(code, taskKey);
    identity.setAuthentication(user, groupsOf(user));
    try {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  private Task task(String code, String taskKey) {
    return taskService.createTaskQuery().processInstanceBusinessKey(code).taskDefinitionKey(taskKey).singleResult();
  }

  private Ticket ticket(String code) {
    return tickets.findByCode(code).orElseThrow();
  }

  /** What an execution listener of the ticket's process gets: its variables (while it runs) and the engine. */
  private DelegateExecution execution(String code) {
    String instance = ticket(code).processInstanceId();
    Map<String, Object> variables = new HashMap<>();
    if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
      variables.putAll(runtime.getVariables(instance));
    }
    variables.put(TicketVariables.TICKET_CODE.name(), code);
    DelegateExecution execution = mock(DelegateExecution.class);
    when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    when(execution.getProcessInstanceId()).thenReturn(instance);
    when(execution.getProcessBusinessKey()).thenReturn(code);
    when(execution.getProcessEngineServices()).thenReturn(engine);
    when(execution.getProcessEngine()).thenReturn(engine);
    return execution;
  }

  /** What a task listener gets on "create": the task, its variables and its candidate groups. */
  private DelegateTask delegateTask(Task task) {
    return delegateTask(task, Map.of());
  }

  /** What a task listener gets on "complete": also the values its form submitted. */
  private DelegateTask delegateTask(Task task, Map<String, Object> submitted) {
    Map<String, Object> variables = new HashMap<>(taskService.getVariables(task.getId()));
    variables.putAll(submitted);
    Set<IdentityLink> candidates = new HashSet<>(taskService.getIdentityLinksForTask(task.getId()));
    DelegateTask delegate = mock(DelegateTask.class);
    when(delegate.getId()).thenReturn(task.getId());
    when(delegate.getTaskDefinitionKey()).thenReturn(task.getTaskDefinitionKey());
    when(delegate.getProcessInstanceId()).thenReturn(task.getProcessInstanceId());
    when(delegate.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    when(delegate.getVariables()).thenReturn(Variables.fromMap(variables));
    when(delegate.getCandidates()).thenReturn(candidates);
    when(delegate.getProcessEngineServices()).thenReturn(engine);
    return delegate;
  }

  private void createUser(String id, String group) {
    User user = identity.newUser(id);
    user.setFirstName("Sin");
    user.setLastName("Correo");
    user.setPassword("una-clave-cualquiera-" + id);
    identity.saveUser(user);
    identity.createMembership(id, group);
  }

  private List<TicketNote> notesNotSent(String code) {
    return tickets.notes(code).stream().filter(n -> n.kind() == NoteKind.AVISO_NO_ENVIADO).toList();
  }

  private void inTransaction(Runnable step) {
    new TransactionTemplate(transactions).executeWithoutResult(status -> step.run());
  }

  /** The step run twice, each time in a transaction of its own, as a listener run again would. */
  private void twice(Runnable step) {
    inTransaction(step);
    inTransaction(step);
  }

  /**
   * Delivers the whole outbox to this test's server and returns the messages delivered so far about
   * {@code code} (its code in the subject), one per Message-ID, in arrival order; then empties the
   * mailboxes, so that the next call returns only what came after.
   */
  private Map<String, MimeMessage> delivered(String code) {
    for (int run = 0; run < 100; run++) {
      MailDelivery.Run result = delivery.deliverDue();
      assertThat(result.serverUnreachable()).isFalse();
      if (result.handled() == 0) break;
    }
    Map<String, MimeMessage> mails = new LinkedHashMap<>();
    for (MimeMessage message : server.getReceivedMessages()) {
      if (Mailboxes.subject(message).startsWith("[" + code + "]")) {
        mails.putIfAbsent(Mailboxes.header(message, "Message-ID"), message);
      }
    }
    purge();
    return mails;
  }

  private void purge() {
    try {
      server.purgeEmailFromAllMailboxes();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text part, with the line ends it was written with (SMTP carries CRLF). */
  private static String text(MimeMessage message) {
    return Mailboxes.part(message, "text/plain").replace("\r\n", "\n");
  }

  /** The one message whose subject contains {@code what}. */
  private static MimeMessage only(Map<String, MimeMessage> mails, String what) {
    List<MimeMessage> matching = new ArrayList<>();
    for (MimeMessage mail : mails.values()) {
      if (Mailboxes.subject(mail).contains(what)) matching.add(mail);
    }
    assertThat(matching).as("messages with «%s» in the subject", what).hasSize(1);
    return matching.get(0);
  }

  /** Camunda's user queries (selectUserByQueryCriteria…), which MyBatis logs at DEBUG under the mapper's name. */
  private static final String IDENTITY_QUERIES = "org.camunda.bpm.engine.impl.persistence.entity.UserEntity";
  /** Thymeleaf's engine, which logs each template it processes at TRACE. */
  private static final String RENDERING = "org.thymeleaf";

  /** Collects what these loggers (and those below them) log while it is open, at TRACE; then puts them back. */
  private static final class LogProbe implements AutoCloseable {

    private final List<ch.qos.logback.classic.Logger> loggers = new ArrayList<>();
    private final List<ch.qos.logback.classic.Level> levels = new ArrayList<>();
    private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ch.qos.logback.core.AppenderBase<ch.qos.logback.classic.spi.ILoggingEvent> appender =
        new ch.qos.logback.core.AppenderBase<>() {
          @Override
          protected void append(ch.qos.logback.classic.spi.ILoggingEvent event) {
            lines.add(event.getLoggerName() + " " + event.getFormattedMessage());
          }
        };

    LogProbe(String... names) {
      appender.start();
      for (String name : names) {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name);
        loggers.add(logger);
        levels.add(logger.getLevel());
        logger.setLevel(ch.qos.logback.classic.Level.TRACE);
        logger.addAppender(appender);
      }
    }

    List<String> lines() {
      return List.copyOf(lines);
    }

    @Override
    public void close() {
      for (int i = 0; i < loggers.size(); i++) {
        loggers.get(i).detachAppender(appender);
        loggers.get(i).setLevel(levels.get(i));
      }
      appender.stop();
    }
  }
}
