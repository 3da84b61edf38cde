package co.edu.idep.mesa.process;

import static co.edu.idep.mesa.process.ProcessDriver.request;
import static co.edu.idep.mesa.process.ProcessDriver.vars;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.accounts.AccountPasswords;
import co.edu.idep.mesa.accounts.directory.Access;
import co.edu.idep.mesa.accounts.directory.AccountRequest;
import co.edu.idep.mesa.accounts.directory.Directory;
import co.edu.idep.mesa.accounts.directory.DirectoryAccount;
import co.edu.idep.mesa.accounts.directory.EmbeddedDirectoryServer;
import co.edu.idep.mesa.engine.CachingFeelEngine;
import co.edu.idep.mesa.document.TicketDocuments;
import co.edu.idep.mesa.escalation.EscalationChannel;
import co.edu.idep.mesa.escalation.EscalationRecord;
import co.edu.idep.mesa.escalation.EscalationRepository;
import co.edu.idep.mesa.escalation.EscalationSteps;
import co.edu.idep.mesa.escalation.osticket.OsTicketClient;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import co.edu.idep.mesa.inventory.Asset;
import co.edu.idep.mesa.inventory.AssetKind;
import co.edu.idep.mesa.inventory.AssetRepository;
import co.edu.idep.mesa.inventory.AssetState;
import co.edu.idep.mesa.loans.Loan;
import co.edu.idep.mesa.loans.LoanAsset;
import co.edu.idep.mesa.loans.LoanProcess;
import co.edu.idep.mesa.loans.LoanRepository;
import co.edu.idep.mesa.loans.LoanState;
import co.edu.idep.mesa.loans.ReturnCondition;
import java.time.LocalDate;
import co.edu.idep.mesa.validation.InvalidInputException;
import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.Ticket;
import co.edu.idep.mesa.ticket.TicketNote;
import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.TicketState;
import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.servicelevel.ServiceLevelKind;
import co.edu.idep.mesa.servicelevel.ServiceLevelState;
import co.edu.idep.mesa.servicelevel.ServiceLevels;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.core.simple.JdbcClient;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drives every path of processes/mesa-de-servicios.bpmn with the real delegates, the real decision
 * table and the real ticket record. The coverage listener fails the class below 100 % of flow
 * nodes and sequence flows and writes its report to target/process-test-coverage/.
 */
@ProcessTest
class MesaDeServiciosProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired TicketRepository tickets;
  @Autowired ManagementService management;
  @Autowired ServiceLevels serviceLevels;
  @Autowired JdbcClient jdbc;
  @Autowired Directory directory;
  @Autowired EmbeddedDirectoryServer embeddedDirectory;
  @Autowired AccountPasswords passwords;
  @Autowired java.time.Clock clock;
  @Autowired co.edu.idep.mesa.audit.AuditTrail auditTrail;

  @Autowired AssetRepository assets;
  @Autowired EscalationRepository escalations;
  @MockitoSpyBean EscalationSteps escalationSteps;
  @MockitoSpyBean OsTicketClient osTicket;

  /** The vendor's osTicket: an HTTP server of the test's own, on a free port. */
  static final WireMockServer vendor = new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    vendor.start();
  }

  @DynamicPropertySource
  static void vendorsHelpDesk(DynamicPropertyRegistry registry) {
    registry.add("mesa.humano.osticket.url", vendor::baseUrl);
    registry.add("mesa.humano.osticket.api-key", () -> "clave-de-prueba");
    registry.add("mesa.humano.osticket.timeout", () -> "4s");
  }

  @AfterAll
  static void stopVendor() {
    vendor.stop();
  }
  @Autowired LoanRepository loans;
  @Autowired TicketDocuments documents;

  static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
  private static final java.util.concurrent.atomic.AtomicLong ASSET_SERIES = new java.util.concurrent.atomic.AtomicLong(
      System.nanoTime() % 1_000_000_000L);

  ProcessDriver driver;

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(runtime, tasks, identity);
    vendor.resetAll();
    providersOfRecord();
  }

  /** The providers the escalations go to (the test profile seeds none), each with a contract in force. */
  private void providersOfRecord() {
    if (jdbc.sql("select count(*) from provider").query(Long.class).single() > 0) return;
    LocalDate today = LocalDate.now(clock);
    Object[][] providers = {
        {"MANT-T", "Contratista de mantenimiento (prueba)", "MANTENIMIENTO", "soporte@mantenimiento.example.com",
            "SOPORTE_TECNICO", "EMAIL", "CPS-T-101"},
        {"HUMANO-T", "Soporte Humano (prueba)", "SOFTWARE", "mesadeayuda@humano.example.com", "SOPORTE_HUMANO",
            "OSTICKET", "CPS-T-120"},
        {"WEB-T", "Proveedor web (prueba)", "WEB", "soporte@web.example.com", "SOPORTE_WEB", "EMAIL", "CPS-T-140"}};
    for (Object[] p : providers) {
      jdbc.sql("""
              insert into provider (code, name, kind, contact_email, services, topics, channel, active, updated_at)
              values (?, ?, ?, ?, 'Pruebas', ?, ?, true, ?)""")
          .params(p[0], p[1], p[2], p[3], p[4], p[5], java.time.OffsetDateTime.now(clock)).update();
      jdbc.sql("""
              insert into support_contract (provider_id, number, starts_on, ends_on, response_hours, resolution_hours,
                updated_at) select id, ?, ?, ?, 8, 40, ? from provider where code = ?""")
          .params(p[6], today.minusMonths(6), today.plusMonths(6), java.time.OffsetDateTime.now(clock), p[0]).update();
    }
  }

  // ---------------------------------------------------------------- each topic to closure

  @Test
  void accountRequestIsRegisteredAssignedCreatedVerifiedAndClosed() {
    ProcessInstance pi = driver.open("usuario1", request("CUENTA_USUARIO"));

    String code = pi.getBusinessKey();
    assertThat(code).matches("MDS-\\d{4}-\\d{6}");
    assertThat(pi).isWaitingAt("Task_ReviewTopic").hasPassed("Task_RegisterTicket", "Task_AssignAgent");
    assertThat(task("Task_ReviewTopic", pi)).hasCandidateGroup("tecnico-operativo");
    assertThat(pi).variables().containsEntry("requester", "usuario1").containsEntry("ticketCode", code)
        .containsEntry("priority", "MEDIA");
    Ticket registered = ticket(pi);
    assertThat(registered.state()).isEqualTo(TicketState.ASIGNADO);
    assertThat(registered.requester()).isEqualTo("usuario1");
    assertThat(registered.assignedGroup()).isEqualTo("tecnico-operativo");

    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    assertThat(ticket(pi).state()).isEqualTo(TicketState.EN_ATENCION);
    driver.complete(pi, "Task_ReviewAccountRequest", "tecnico", approved());
    assertThat(pi).isWaitingAt("Task_ProvisionAccount");
    provision(pi);

    // The directory holds the account, its groups and its mailbox; the ticket says what it is.
    String idNumber = (String) ticket(pi).details().get("idNumber");
    DirectoryAccount account = directory.findByIdNumber("CC", idNumber).orElseThrow();
    assertThat(account.loginName()).startsWith("maria.perez");
    assertThat(account.accesses()).containsExactlyInAnyOrder(Access.RED, Access.CORREO);
    assertThat(account.mail()).isEqualTo(account.loginName() + "@idep.edu.co");
    assertThat(ticket(pi).details()).containsEntry("accountUsername", account.loginName());
    assertThat(task("Task_HandOverCredentials", pi)).hasCandidateGroup("tecnico-operativo");
    assertThat(pi).variables().containsEntry("accountUsername", account.loginName());

    // The hand-over needs the password revealed first; it is shown once, to the technician.
    assertThatThrownBy(() -> driver.complete(pi, "Task_HandOverCredentials", "tecnico",
        vars("credentialsPolicySigned", true, "credentialsSignedOn", today().toString())))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("Revele la contraseña temporal");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs = new ch.qos.logback.core.read.ListAppender<>();
    logs.start();
    ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    // The engine's SQL with its parameters too: a password written to any table would show here.
    ch.qos.logback.classic.Logger sql = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.camunda.bpm.engine.impl.persistence.entity");
    ch.qos.logback.classic.Level sqlLevel = sql.getLevel();
    root.addAppender(logs);
    sql.setLevel(ch.qos.logback.classic.Level.DEBUG);
    String password;
    try {
      password = driver.as("tecnico", () -> passwords.reveal(code, "tecnico")).password();
      assertThatThrownBy(() -> driver.complete(pi, "Task_HandOverCredentials", "tecnico",
          vars("credentialsPolicySigned", true, "credentialsSignedOn", today().plusDays(1).toString())))
          .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("posterior a hoy");
    } finally {
      root.detachAppender(logs);
      sql.setLevel(sqlLevel);
    }
    assertThat(password).hasSizeGreaterThanOrEqualTo(14);
    String revealed = password;
    assertThat(logs.list).as("what was logged meanwhile").isNotEmpty()
        .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).noneMatch(line -> line.contains(revealed));
    // The refused hand-over above (a signature dated tomorrow) changed nothing.
    assertThat(pi).isWaitingAt("Task_HandOverCredentials");
    driver.complete(pi, "Task_HandOverCredentials", "tecnico",
        vars("credentialsPolicySigned", true, "credentialsSignedOn", today().toString()));
    assertThat(ticket(pi).state()).isEqualTo(TicketState.RESUELTO);
    assertThat(outbox(code)).contains("CUENTA_LISTA");
    verifyAndClose(pi);

    assertThat(kinds(pi)).containsExactly(NoteKind.REGISTRO, NoteKind.ASIGNACION, NoteKind.TEMA_CONFIRMADO,
        NoteKind.SOLICITUD_APROBADA, NoteKind.CUENTA_CREADA, NoteKind.CONTRASENA_TEMPORAL,
        NoteKind.CREDENCIALES_ENTREGADAS, NoteKind.RESPUESTA_SOLICITANTE, NoteKind.CIERRE);
    assertThat(noteOf(pi, NoteKind.CUENTA_CREADA)).contains(account.loginName(), "correo institucional");
    assertThat(noteOf(pi, NoteKind.CREDENCIALES_ENTREGADAS)).contains("tecnico", "PO-GT-12-01");
    assertThat(noteOf(pi, NoteKind.SOLICITUD_APROBADA)).contains("Contrato vigente hasta");
    assertThat(ticket(pi).details()).containsEntry("contractEnd", CONTRACT_END);
    assertThat(notes(pi).get(2).author()).isEqualTo("tecnico");
    // PO-GT-12-01: the password is nowhere but in the directory.
    assertThat(passwordTraces(pi, password)).isEmpty();
    assertThat(auditTrail.forTicket(code)).isNotEmpty().allSatisfy(entry -> assertThat(entry.toString()).doesNotContain(password));
  }

  @Test
  void aReturnedAccountRequestIsCorrectedByTheRequesterAndReviewedAgain() {
    ProcessInstance pi = driver.open("usuario1", request("CUENTA_USUARIO"));
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    assertThatThrownBy(() -> driver.complete(pi, "Task_ReviewAccountRequest", "tecnico", vars("accountApproved", false)))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("Motivo de la devolución");
    driver.complete(pi, "Task_ReviewAccountRequest", "tecnico",
        vars("accountApproved", false, "accountReturnReason", "El contrato 045-2026 no está vigente."));

    assertThat(task("Task_CorrectAccountRequest", pi)).isAssignedTo("usuario1");
    assertThat(outbox(pi.getBusinessKey())).contains("SOLICITUD_CUENTA_DEVUELTA");
    assertThat(noteOf(pi, NoteKind.SOLICITUD_DEVUELTA)).contains("no está vigente");
    driver.complete(pi, "Task_CorrectAccountRequest", "usuario1", vars("contractNumber", "046-2026"));
    assertThat(ticket(pi).details()).containsEntry("contractNumber", "046-2026");
    assertThat(noteOf(pi, NoteKind.SOLICITUD_CORREGIDA)).isNotBlank();

    assertThat(pi).isWaitingAt("Task_ReviewAccountRequest");
    driver.complete(pi, "Task_ReviewAccountRequest", "tecnico", approved());
    provision(pi);
    assertThat(pi).isWaitingAt("Task_HandOverCredentials");
  }

  @Test
  void anAccountThatAlreadyExistsSendsTheRequestBackToTheTechnician() {
    Map<String, Object> request = request("CUENTA_USUARIO");
    // The same person got an account another way (another ticket, or by hand in the directory).
    directory.create(AccountRequest.of("María Fernanda Pérez Ñáñez", "CC", (String) request.get("idNumber"),
        "maria.perez@example.org", "3001234567", List.of("RED")), "MDS-2025-000999");
    ProcessInstance pi = driver.open("usuario1", request);
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    driver.complete(pi, "Task_ReviewAccountRequest", "tecnico", approved());
    provision(pi);

    assertThat(pi).hasPassed("BoundaryEvent_AccountExists").isWaitingAt("Task_ReviewAccountRequest");
    assertThat((String) runtime.getVariable(pi.getId(), "accountProblem")).contains("Ya existe una cuenta");
    assertThat(directory.findByIdNumber("CC", (String) request.get("idNumber")).orElseThrow().accesses())
        .containsExactly(Access.RED);
    assertThat(kinds(pi)).doesNotContain(NoteKind.CUENTA_CREADA);
  }

  @Test
  void aDirectoryThatDoesNotAnswerBecomesAnIncidentAndTheRetryCreatesOneAccount() {
    ProcessInstance pi = driver.open("usuario1", request("CUENTA_USUARIO"));
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    driver.complete(pi, "Task_ReviewAccountRequest", "tecnico", approved());
    Job job = provisioningJob(pi);
    embeddedDirectory.setResponseDelay(java.time.Duration.ofSeconds(3));
    try {
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("El directorio no responde");
      // Retried on the diagram's cycle (R5/PT5M): four more attempts, five minutes apart.
      Job retried = management.createJobQuery().jobId(job.getId()).singleResult();
      assertThat(retried.getRetries()).isEqualTo(4);
      assertThat(retried.getDuedate()).isAfter(Date.from(Instant.now().plus(4, ChronoUnit.MINUTES)));
      // The last attempt fails too.
      management.setJobRetries(job.getId(), 1);
      assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("El directorio no responde");
    } finally {
      embeddedDirectory.setResponseDelay(java.time.Duration.ZERO);
    }
    // The directory is back: the incident's retry creates the account, once.
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    assertThat(pi).isWaitingAt("Task_HandOverCredentials");
    String idNumber = (String) ticket(pi).details().get("idNumber");
    assertThat(directory.findByIdNumber("CC", idNumber)).isPresent();
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(kinds(pi).stream().filter(k -> k == NoteKind.CUENTA_CREADA)).hasSize(1);
  }

  private static final String CONTRACT_END = LocalDate.now().plusMonths(6).toString();

  /** Today where the institute is (the application's clock), whatever the machine's zone. */
  private LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The technician's approval of a contractor's request: his contract is in force. */
  private static Map<String, Object> approved() {
    return vars("accountApproved", true, "contractEnd", CONTRACT_END);
  }

  /** Runs the asynchronous "Crear la cuenta en el directorio", as the job executor would. */
  private void provision(ProcessInstance pi) {
    management.executeJob(provisioningJob(pi).getId());
  }

  private Job provisioningJob(ProcessInstance pi) {
    return management.createJobQuery().processInstanceId(pi.getId()).activityId("Task_ProvisionAccount").singleResult();
  }

  /** Where a temporary password must never be: variables, their history, the timeline, the outbox. */
  private List<String> passwordTraces(ProcessInstance pi, String password) {
    List<String> traces = new java.util.ArrayList<>();
    engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list().stream()
        .filter(v -> String.valueOf(v.getValue()).contains(password)).forEach(v -> traces.add("history " + v.getName()));
    notes(pi).stream().filter(n -> n.body().contains(password)).forEach(n -> traces.add("note " + n.kind()));
    jdbc.sql("select model from mail_outbox where ticket_code = ?").param(pi.getBusinessKey()).query(String.class).list()
        .stream().filter(m -> m.contains(password)).forEach(m -> traces.add("outbox"));
    jdbc.sql("select count(*) from act_hi_op_log where new_value_ like ? or org_value_ like ?")
        .params("%" + password + "%", "%" + password + "%").query(Long.class).optional()
        .filter(n -> n > 0).ifPresent(n -> traces.add("user operation log"));
    return traces;
  }

  @Test
  void theAssignmentTableGivesTheGroupAndPriorityWithoutAnEngineDecision() {
    // Any decision the engine evaluates parses each FEEL cell once.
    var dmn = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDmnEngineConfiguration();
    assertThat(dmn.getFeelEngine()).isInstanceOf(CachingFeelEngine.class);

    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_WEB"));

    assertThat(task("Task_ReviewTopic", pi)).hasCandidateGroup("ingeniero-web");
    assertThat(task("Task_ReviewTopic", pi).getPriority()).isEqualTo(50);
    assertThat(ticket(pi).assignedGroup()).isEqualTo("ingeniero-web");
    assertThat(ticket(pi).priority()).isEqualTo("MEDIA");
    assertThat(noteOf(pi, NoteKind.ASIGNACION)).contains("con prioridad MEDIA");
    // Evaluated in memory (AssignmentTable): no engine command, no decision history.
    assertThat(engine.getHistoryService().createHistoricDecisionInstanceQuery().count()).isZero();
  }

  @Test
  void technicalSupportResolvedByTheTechnician() {
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_TECNICO"));
    assertThat(pi).variables().containsEntry("priority", "ALTA");
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    driver.complete(pi, "Task_EvaluateTechnicalSupport", "tecnico", vars("canResolve", true));
    driver.complete(pi, "Task_ResolveTechnicalSupport", "tecnico", vars("solution", "Se cambió la fuente de poder."));
    verifyAndClose(pi);
    assertThat(noteOf(pi, NoteKind.SOLUCION)).contains("fuente de poder");
  }

  @Test
  void technicalSupportGoesToTheMaintenanceContractorByMailWithAReminderWhenItsResponseTimePasses() {
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_TECNICO"));
    String code = pi.getBusinessKey();
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    driver.complete(pi, "Task_EvaluateTechnicalSupport", "tecnico",
        vars("canResolve", false, "evaluationNote", "Falla de la tarjeta madre."));
    assertThat(pi).isWaitingAt("Task_EscalateToMaintenanceProvider");
    runJob(pi, "Task_EscalateToMaintenanceProvider");

    assertThat(pi).isWaitingAt("Task_RecordMaintenanceSolution").variables()
        .containsEntry("providerName", "Contratista de mantenimiento (prueba)");
    assertThat(ticket(pi).state()).isEqualTo(TicketState.ESCALADO);
    assertThat(noteOf(pi, NoteKind.ESCALAMIENTO)).contains("Contratista de mantenimiento (prueba)", "por correo",
        "soporte@mantenimiento.example.com", "Contrato CPS-T-101", "Respuesta esperada antes del");
    assertThat(outbox(code)).containsOnlyOnce("CASO_PROVEEDOR");
    assertThat(outboxAudience(code, "CASO_PROVEEDOR")).singleElement().asString()
        .contains("soporte@mantenimiento.example.com");
    EscalationRecord escalation = escalations.latest(code).orElseThrow();
    assertThat(escalation.channel()).isEqualTo(EscalationChannel.CORREO);
    // The contract answers within 8 working hours: the reminder's timer.
    assertThat(job(pi, "BoundaryEvent_MaintenanceResponseDue").getDuedate().toInstant())
        .isEqualTo(escalation.responseDueAt()).isAfter(escalation.createdAt().plus(java.time.Duration.ofHours(7)));

    runJob(pi, "BoundaryEvent_MaintenanceResponseDue");
    runJob(pi, "Task_RemindProvider");
    assertThat(pi).hasPassed("EndEvent_ProviderReminded").isWaitingAt("Task_RecordMaintenanceSolution");
    assertThat(outbox(code)).containsOnlyOnce("CASO_PROVEEDOR_RECORDATORIO");

    driver.complete(pi, "Task_RecordMaintenanceSolution", "tecnico", vars("providerSolved", true,
        "providerReference", "MT-881", "solution", "El contratista reemplazó la tarjeta madre."));
    assertThat(escalations.latest(code).orElseThrow()).extracting(EscalationRecord::solved,
        EscalationRecord::externalReference).containsExactly(true, "MT-881");
    verifyAndClose(pi);
  }

  @Test
  void humanoOpensATicketOnTheVendorsOsTicketAndAnUnsolvedCaseGoesToTheJefe() {
    vendor.stubFor(post("/api/tickets.json").willReturn(aResponse().withStatus(201).withBody("482130")));
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_HUMANO"));
    String code = pi.getBusinessKey();
    driver.complete(pi, "Task_ReviewTopic", "sistemas", vars("topicMatches", true));
    driver.complete(pi, "Task_EvaluateInformationSystem", "sistemas",
        vars("canResolve", false, "evaluationNote", "Error al liquidar la nómina."));
    runJob(pi, "Task_OpenVendorTicket");

    assertThat(pi).hasPassed("Gateway_VendorTicketOpened").hasNotPassed("Task_EscalateToHumanoVendor")
        .isWaitingAt("Task_RecordHumanoVendorSolution").variables()
        .containsEntry("providerReference", "482130");
    assertThat(noteOf(pi, NoteKind.ESCALAMIENTO)).contains("Soporte Humano (prueba)", "caso 482130");
    vendor.verify(1, postRequestedFor(urlEqualTo("/api/tickets.json"))
        .withHeader("X-API-Key", equalTo("clave-de-prueba"))
        .withRequestBody(containing(code)).withRequestBody(containing("Error al liquidar la n")));
    // The contract's response time passes: the vendor is reminded, the contractor still follows it up.
    runJob(pi, "BoundaryEvent_HumanoVendorResponseDue");
    runJob(pi, "Task_RemindProvider");
    assertThat(pi).hasPassed("EndEvent_ProviderReminded").isWaitingAt("Task_RecordHumanoVendorSolution");
    assertThat(task("Task_RecordHumanoVendorSolution", pi)).hasCandidateGroup("sistemas-informacion");

    // The vendor could not solve it: the Jefe OAP decides, never the contractor who escalated it.
    driver.complete(pi, "Task_RecordHumanoVendorSolution", "sistemas", vars("providerSolved", false,
        "providerReference", "482130", "solution", "El proveedor no da soporte a esta versión."));
    assertThat(pi).hasPassed("Gateway_JoinUnsolved").isWaitingAt("Task_DecideUnsolvedIncident");
    assertThat(task("Task_DecideUnsolvedIncident", pi)).hasCandidateGroup("jefe-oap");
    assertThat(noteOf(pi, NoteKind.SOLUCION)).contains("no pudo resolver", "no da soporte a esta versión");
    driver.complete(pi, "Task_DecideUnsolvedIncident", "jefe",
        vars("unsolvedDecision", "Se actualizará Humano en el primer trimestre de 2027."));
    assertThat(noteOf(pi, NoteKind.SOLUCION)).contains("Decisión del Jefe OAP", "primer trimestre de 2027");
    verifyAndClose(pi);
  }

  @Test
  void aCrashAfterTheVendorAnswersOpensExactlyOneVendorTicket() {
    vendor.stubFor(post("/api/tickets.json").willReturn(aResponse().withStatus(201).withBody("482131")));
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_HUMANO"));
    String code = pi.getBusinessKey();
    driver.complete(pi, "Task_ReviewTopic", "sistemas", vars("topicMatches", true));
    driver.complete(pi, "Task_EvaluateInformationSystem", "sistemas", vars("canResolve", false));
    // The step fails after the vendor's answer, before its transaction commits: as if the node died there.
    org.mockito.Mockito.doThrow(new IllegalStateException("El nodo se detuvo")).doCallRealMethod()
        .when(escalationSteps).responseDue(org.mockito.ArgumentMatchers.any());
    Job job = job(pi, "Task_OpenVendorTicket");
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("El nodo se detuvo");
    assertThat(pi).isWaitingAt("Task_OpenVendorTicket");

    management.executeJob(job.getId());
    assertThat(pi).isWaitingAt("Task_RecordHumanoVendorSolution").variables().containsEntry("providerReference", "482131");
    vendor.verify(1, postRequestedFor(urlEqualTo("/api/tickets.json")).withRequestBody(containing(code)));
    assertThat(jdbc.sql("select count(*) from escalation where ticket_code = ?").param(code).query(Long.class).single())
        .isEqualTo(1);
    assertThat(notes(pi)).filteredOn(n -> n.kind() == NoteKind.ESCALAMIENTO).hasSize(1);
  }

  @Test
  void aVendorThatRefusesTheKeyStopsAtOnceWithACockpitIncident() {
    vendor.stubFor(post("/api/tickets.json").willReturn(aResponse().withStatus(401).withBody("API key not authorized")));
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_HUMANO"));
    driver.complete(pi, "Task_ReviewTopic", "sistemas", vars("topicMatches", true));
    driver.complete(pi, "Task_EvaluateInformationSystem", "sistemas", vars("canResolve", false));
    Job job = job(pi, "Task_OpenVendorTicket");
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("clave de API");

    // No retry can mend a refused key: no retries left, and the incident says what to fix.
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
    org.camunda.bpm.engine.runtime.Incident incident = runtime.createIncidentQuery().processInstanceId(pi.getId())
        .singleResult();
    assertThat(incident.getIncidentMessage()).contains("MESA_HUMANO_OSTICKET_KEY");
    vendor.verify(1, postRequestedFor(urlEqualTo("/api/tickets.json")));
  }

  /**
   * The vendor got the case and its answer never came back (here slower than the 4-s timeout): it
   * may have opened the case, and osTicket cannot be asked. Nothing is sent again; the contractor
   * is told why, looks at the vendor's desk, and records the case by hand.
   */
  @Test
  void aCaseWhoseAnswerIsLostIsNeverSentAgainButHandedToTheContractor() {
    vendor.stubFor(post("/api/tickets.json").willReturn(aResponse().withStatus(201).withBody("482140").withFixedDelay(5000)));
    ProcessInstance pi = humanoCaseForTheVendor();
    String code = pi.getBusinessKey();
    runJob(pi, "Task_OpenVendorTicket");

    assertThat(pi).hasPassed("Gateway_VendorTicketOpened").isWaitingAt("Task_EscalateToHumanoVendor");
    assertThat((String) runtime.getVariable(pi.getId(), "vendorCaseByHand"))
        .contains("no se sabe si lo abrió", "no respondió en 4 s", "No se envió de nuevo", "por el código " + code);
    assertThat(noteOf(pi, NoteKind.ESCALAMIENTO)).contains("no se sabe si lo abrió", "se revisa y registra a mano");
    assertThat(jdbc.sql("select count(*) from vendor_request where ticket_code = ?").param(code).query(Long.class).single())
        .as("the request stays written down: it may have opened a case").isEqualTo(1);

    driver.complete(pi, "Task_EscalateToHumanoVendor", "sistemas",
        vars("providerReference", "482140", "escalationComment", "El caso estaba en la mesa del proveedor."));
    assertThat(pi).isWaitingAt("Task_RecordHumanoVendorSolution");
    assertThat(escalations.latest(code).orElseThrow()).extracting(EscalationRecord::channel,
        EscalationRecord::externalReference).containsExactly(EscalationChannel.MANUAL, "482140");
    vendor.verify(1, postRequestedFor(urlEqualTo("/api/tickets.json")));
  }

  /**
   * "Created" without a case number stops with its incident, as before; when the operator retries it
   * from Cockpit, the retry sends nothing (the case may exist) and hands it to the contractor.
   */
  @Test
  void aRetriedIncidentOfACaseThatMayExistSendsNothingAndHandsItOver() {
    vendor.stubFor(post("/api/tickets.json").willReturn(aResponse().withStatus(201).withBody("Gracias")));
    ProcessInstance pi = humanoCaseForTheVendor();
    Job job = job(pi, "Task_OpenVendorTicket");
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("sin un número de caso válido");
    assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);

    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    assertThat(pi).isWaitingAt("Task_EscalateToHumanoVendor");
    assertThat((String) runtime.getVariable(pi.getId(), "vendorCaseByHand"))
        .contains("un intento anterior no recibió el número del caso");
    vendor.verify(1, postRequestedFor(urlEqualTo("/api/tickets.json")));
  }

  /** A refusal opened nothing: the request is struck off, and the retry sends the case again. */
  @Test
  void aCaseTheVendorCouldNotCreateIsSentAgainOnTheRetry() {
    vendor.stubFor(post("/api/tickets.json").willReturn(aResponse().withStatus(500).withBody("Unable to create new ticket")));
    ProcessInstance pi = humanoCaseForTheVendor();
    String code = pi.getBusinessKey();
    Job job = job(pi, "Task_OpenVendorTicket");
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("HTTP 500");
    assertThat(jdbc.sql("select count(*) from vendor_request where ticket_code = ?").param(code).query(Long.class).single())
        .isZero();

    vendor.stubFor(post("/api/tickets.json").willReturn(aResponse().withStatus(201).withBody("482141")));
    management.executeJob(job.getId());
    assertThat(pi).isWaitingAt("Task_RecordHumanoVendorSolution").variables().containsEntry("providerReference", "482141");
    vendor.verify(2, postRequestedFor(urlEqualTo("/api/tickets.json")));
  }

  /** A Humano ticket the contractor could not solve, waiting to be sent to the vendor. */
  private ProcessInstance humanoCaseForTheVendor() {
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_HUMANO"));
    driver.complete(pi, "Task_ReviewTopic", "sistemas", vars("topicMatches", true));
    driver.complete(pi, "Task_EvaluateInformationSystem", "sistemas", vars("canResolve", false));
    return pi;
  }

  @Test
  void withoutTheVendorsApiTheCaseIsOpenedByHandAndItsNumberIsRequired() {
    org.mockito.Mockito.doReturn(false).when(osTicket).isConfigured();
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_HUMANO"));
    driver.complete(pi, "Task_ReviewTopic", "sistemas", vars("topicMatches", true));
    driver.complete(pi, "Task_EvaluateInformationSystem", "sistemas", vars("canResolve", false));
    runJob(pi, "Task_OpenVendorTicket");
    assertThat(pi).hasPassed("Gateway_VendorTicketOpened").isWaitingAt("Task_EscalateToHumanoVendor").variables()
        .containsEntry("providerName", "Soporte Humano (prueba)")
        .hasEntrySatisfying("vendorCaseByHand", reason -> assertThat((String) reason).contains("no está configurada"));
    assertRefused(pi, "Task_EscalateToHumanoVendor", "sistemas", vars("escalationComment", "Sin número de caso"),
        "Número del caso");

    driver.complete(pi, "Task_EscalateToHumanoVendor", "sistemas",
        vars("providerReference", "OST-48213", "escalationComment", "Abierto por el portal del proveedor."));
    assertThat(noteOf(pi, NoteKind.ESCALAMIENTO)).contains("a mano", "OST-48213");
    driver.complete(pi, "Task_RecordHumanoVendorSolution", "sistemas", vars("providerSolved", true,
        "providerReference", "OST-48213", "solution", "El proveedor publicó un parche."));
    verifyAndClose(pi);
    vendor.verify(0, postRequestedFor(urlEqualTo("/api/tickets.json")));
  }

  @ParameterizedTest
  @CsvSource({"SOPORTE_GOOBI", "SOPORTE_HUMANO"})
  void informationSystemResolvedByTheContractor(String topic) {
    ProcessInstance pi = driver.open("usuario1", request(topic));
    assertThat(task("Task_ReviewTopic", pi)).hasCandidateGroup("sistemas-informacion");
    driver.complete(pi, "Task_ReviewTopic", "sistemas", vars("topicMatches", true));
    driver.complete(pi, "Task_EvaluateInformationSystem", "sistemas", vars("canResolve", true));
    driver.complete(pi, "Task_ResolveInformationSystem", "sistemas", vars("solution", "Se corrigió la configuración del módulo."));
    verifyAndClose(pi);
  }

  @ParameterizedTest
  @CsvSource({"true", "false"})
  void goobiIsReassignedToTheEngineerWhoIsMailedAndWhatHeCannotSolveGoesToTheJefe(boolean solved) {
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_GOOBI"));
    String code = pi.getBusinessKey();
    driver.complete(pi, "Task_ReviewTopic", "sistemas", vars("topicMatches", true));
    driver.complete(pi, "Task_EvaluateInformationSystem", "sistemas", vars("canResolve", false));
    assertThat(pi).hasPassed("Task_AssignGoobiEngineer");
    assertThat(task("Task_ResolveGoobiIncident", pi)).isAssignedTo("goobi");
    assertThat(tasks.getIdentityLinksForTask(task("Task_ResolveGoobiIncident", pi).getId()))
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).contains("ingeniero-goobi");
    assertThat(ticket(pi).assignedGroup()).isEqualTo("ingeniero-goobi");
    assertThat(ticket(pi).state()).isEqualTo(TicketState.ESCALADO);
    assertThat(noteOf(pi, NoteKind.ESCALAMIENTO)).contains("ingeniero a cargo de Goobi (goobi)", "correo");
    assertThat(outboxAudience(code, "TICKET_ASIGNADO_INGENIERO")).singleElement().asString().contains("goobi");

    driver.complete(pi, "Task_ResolveGoobiIncident", "goobi", vars("canResolve", solved,
        "solution", solved ? "Se reindexó el repositorio." : "El módulo requiere un desarrollo nuevo."));
    if (solved) {
      assertThat(pi).hasPassed("Gateway_GoobiEngineerSolved").isWaitingAt("Task_VerifySolution");
    } else {
      assertThat(pi).isWaitingAt("Task_DecideUnsolvedIncident");
      assertThat(noteOf(pi, NoteKind.SOLUCION)).contains("ingeniero a cargo de Goobi no pudo resolver");
      driver.complete(pi, "Task_DecideUnsolvedIncident", "jefe", vars("unsolvedDecision", "Se contratará el desarrollo."));
    }
    verifyAndClose(pi);
  }

  @Test
  void webIncidentResolvedByTheEngineer() {
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_WEB"));
    assertThat(task("Task_ReviewTopic", pi)).hasCandidateGroup("ingeniero-web");
    driver.complete(pi, "Task_ReviewTopic", "web", vars("topicMatches", true));
    driver.complete(pi, "Task_EvaluateWebSystem", "web", vars("canResolve", true));
    driver.complete(pi, "Task_ResolveWebIncident", "web", vars("solution", "Se renovó el certificado."));
    verifyAndClose(pi);
  }

  /** The contract of record decides, on the day of escalation: its last day still counts. */
  @ParameterizedTest(name = "contract ending {0} day(s) from today: in force {1}")
  @CsvSource({"1, true", "0, true", "-1, false"})
  void theWebContractGatewayReadsTheContractsOnTheDayOfEscalation(int endsInDays, boolean inForce) {
    LocalDate today = LocalDate.now(clock);
    jdbc.sql("update support_contract set starts_on = ?, ends_on = ? where number = 'CPS-T-140'")
        .params(today.minusMonths(6), today.plusDays(endsInDays)).update();
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_WEB"));
    driver.complete(pi, "Task_ReviewTopic", "web", vars("topicMatches", true));
    driver.complete(pi, "Task_EvaluateWebSystem", "web", vars("canResolve", false, "evaluationNote", "Error 500."));
    assertThat(pi).hasPassed("Task_CheckWebContract").hasNotPassed("Task_ResolveWebIncident");
    if (inForce) {
      runJob(pi, "Task_EscalateToWebVendor");
      assertThat(outboxAudience(pi.getBusinessKey(), "CASO_PROVEEDOR")).singleElement().asString()
          .contains("soporte@web.example.com");
      assertThat(noteOf(pi, NoteKind.ESCALAMIENTO)).contains("Contrato CPS-T-140");
      runJob(pi, "BoundaryEvent_WebVendorResponseDue");
      runJob(pi, "Task_RemindProvider");
      assertThat(pi).hasPassed("EndEvent_ProviderReminded").isWaitingAt("Task_RecordWebVendorSolution");
      assertThat(task("Task_RecordWebVendorSolution", pi)).hasCandidateGroup("ingeniero-web");
      driver.complete(pi, "Task_RecordWebVendorSolution", "web", vars("providerSolved", true,
          "solution", "Actualización del gestor de contenidos."));
    } else {
      // No contract in force: to the Jefe OAP, never back to the engineer who could not solve it.
      assertThat(pi).isWaitingAt("Task_DecideUnsolvedIncident");
      driver.complete(pi, "Task_DecideUnsolvedIncident", "jefe",
          vars("unsolvedDecision", "Se renovará el contrato de soporte en enero."));
    }
    assertThat(pi).hasNotPassed("Task_ResolveWebIncident");
    verifyAndClose(pi);
  }

  // ---------------------------------------------------------------- step 3: topic changes

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "CUENTA_USUARIO, SOPORTE_TECNICO, Task_EvaluateTechnicalSupport, tecnico-operativo",
      "PRESTAMO_COMUNICACIONES, PRESTAMO_COMPUTO, Task_PrepareEquipment, tecnico-operativo",
      "PRESTAMO_COMPUTO, SOPORTE_WEB, Task_EvaluateWebSystem, ingeniero-web",
      "SOPORTE_TECNICO, SOPORTE_GOOBI, Task_EvaluateInformationSystem, sistemas-informacion",
      "SOPORTE_GOOBI, SOPORTE_HUMANO, Task_EvaluateInformationSystem, sistemas-informacion",
      "SOPORTE_HUMANO, CUENTA_USUARIO, Task_ReviewAccountRequest, tecnico-operativo",
      "SOPORTE_WEB, PRESTAMO_COMUNICACIONES, Task_PrepareEquipment, tecnico-operativo"})
  void aWrongTopicIsChangedAndTheTicketFollowsTheNewTopicsPath(
      String from, String to, String firstTaskOfNewPath, String newGroup) {
    ProcessInstance pi = driver.open("usuario1", request(from));
    String reviewer = reviewerOf(from);
    driver.complete(pi, "Task_ReviewTopic", reviewer,
        vars("topicMatches", false, "newTopic", to, "topicComment", "Corresponde a otro tema."));

    assertThat(pi).hasPassed("Task_ChangeTopic", "Task_ReassignAgent").isWaitingAt(firstTaskOfNewPath);
    assertThat(task(firstTaskOfNewPath, pi)).hasCandidateGroup(newGroup);
    assertThat(pi).variables().containsEntry("topic", to).containsEntry("previousTopic", from);
    Ticket ticket = ticket(pi);
    assertThat(ticket.topic()).isEqualTo(Topic.valueOf(to));
    assertThat(ticket.assignedGroup()).isEqualTo(newGroup);
    assertThat(noteOf(pi, NoteKind.TEMA_CAMBIADO))
        .contains(Topic.valueOf(from).label(), Topic.valueOf(to).label(), "Corresponde a otro tema.");
  }

  @Test
  void aTicketMovedToAccountsGetsItsAccountDataFromTheTechnician() {
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_TECNICO"));
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", false, "newTopic", "CUENTA_USUARIO"));
    Map<String, Object> account = request("CUENTA_USUARIO");
    account.putAll(approved());
    driver.complete(pi, "Task_ReviewAccountRequest", "tecnico", account);
    assertThat(ticket(pi).details()).containsEntry("fullName", "María Fernanda Pérez Ñáñez");
    provision(pi);
    assertThat(pi).isWaitingAt("Task_HandOverCredentials");
  }

  @Test
  void anUnsatisfiedRequesterGetsHisAccountCorrectedNeverASecondOne() {
    ProcessInstance pi = driver.open("usuario1", request("CUENTA_USUARIO"));
    String code = pi.getBusinessKey();
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    driver.complete(pi, "Task_ReviewAccountRequest", "tecnico", approved());
    provision(pi);
    String first = driver.as("tecnico", () -> passwords.reveal(code, "tecnico")).password();
    driver.complete(pi, "Task_HandOverCredentials", "tecnico",
        vars("credentialsPolicySigned", true, "credentialsSignedOn", today().toString()));
    driver.complete(pi, "Task_VerifySolution", "usuario1", vars("satisfied", false,
        "satisfactionScore", 2L, "verificationComment", "Me falta la VPN."));

    // Back at the review, with the account shown; the technician adds the access.
    assertThat(pi).isWaitingAt("Task_ReviewAccountRequest");
    String login = (String) ticket(pi).details().get("accountUsername");
    assertThat(runtime.getVariable(pi.getId(), "accountUsername")).isEqualTo(login);
    driver.complete(pi, "Task_ReviewAccountRequest", "tecnico",
        vars("accountApproved", true, "contractEnd", CONTRACT_END, "accesses", Spin.JSON(List.of("RED", "VPN", "CORREO")),
            "fullName", "María Fernanda Pérez Núñez"));
    provision(pi);

    String idNumber = (String) ticket(pi).details().get("idNumber");
    DirectoryAccount account = directory.findByIdNumber("CC", idNumber).orElseThrow();
    assertThat(account.loginName()).isEqualTo(login);
    assertThat(account.accesses()).containsExactlyInAnyOrder(Access.RED, Access.VPN, Access.CORREO);
    // A wrong name is corrected on the same account; the login name stays.
    assertThat(account.displayName()).isEqualTo("María Fernanda Pérez Núñez");
    assertThat(noteOf(pi, NoteKind.CUENTA_CREADA)).contains("revisada");
    // A new hand-over: a new password.
    String second = driver.as("tecnico", () -> passwords.reveal(code, "tecnico")).password();
    assertThat(second).isNotEqualTo(first);
    driver.complete(pi, "Task_HandOverCredentials", "tecnico",
        vars("credentialsPolicySigned", true, "credentialsSignedOn", today().toString()));
    verifyAndClose(pi);
    assertThat(passwordTraces(pi, second)).isEmpty();
  }

  // ---------------------------------------------------------------- steps 12–13: the loop

  @Test
  void anUnsatisfiedRequesterSendsTheTicketBackToTheTopicsPath() {
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_TECNICO"));
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    driver.complete(pi, "Task_EvaluateTechnicalSupport", "tecnico", vars("canResolve", true));
    driver.complete(pi, "Task_ResolveTechnicalSupport", "tecnico", vars("solution", "Se reinició el equipo."));
    driver.complete(pi, "Task_VerifySolution", "usuario1", vars("satisfied", false,
        "satisfactionScore", 2L, "verificationComment", "El equipo sigue apagándose."));

    assertThat(pi).isWaitingAt("Task_EvaluateTechnicalSupport");
    assertThat(pi).variables().containsEntry("verificationComment", "El equipo sigue apagándose.");
    assertThat(ticket(pi).state()).isEqualTo(TicketState.EN_ATENCION);
    assertThat(noteOf(pi, NoteKind.RESPUESTA_SOLICITANTE)).contains("no satisfactoria", "sigue apagándose");

    driver.complete(pi, "Task_EvaluateTechnicalSupport", "tecnico", vars("canResolve", true));
    driver.complete(pi, "Task_ResolveTechnicalSupport", "tecnico", vars("solution", "Se cambió la fuente de poder."));
    verifyAndClose(pi);
    assertThat(ticket(pi).satisfactionScore()).isEqualTo(5);
  }

  // ---------------------------------------------------------------- bad input changes nothing

  @Test
  void anInvalidStartFormCreatesNeitherTicketNorProcessInstance() {
    long instancesBefore = processInstanceQuery().count();
    Map<String, Object> bad = request("CUENTA_USUARIO");
    bad.remove("contractNumber");
    bad.put("mobilePhone", "12345");

    assertThatThrownBy(() -> driver.open("usuario2", bad))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("número de contrato es obligatorio")
        .hasMessageContaining("celular");
    assertThat(processInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(tickets.findByRequester("usuario2")).isEmpty();
  }

  @Test
  void nobodyOpensATicketWithoutLoggingIn() {
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey("mesa-de-servicios", request("SOPORTE_TECNICO")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("usuarios registrados");
  }

  @Test
  void aTaskWithInvalidAnswersStaysOpenAndTheTicketUnchanged() {
    ProcessInstance pi = driver.open("usuario1", request("CUENTA_USUARIO"));
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    List<TicketNote> before = notes(pi);

    assertThatThrownBy(() -> driver.complete(pi, "Task_ReviewAccountRequest", "tecnico", vars(
        "accountApproved", true, "contractEnd", CONTRACT_END, "linkType", "CONTRATISTA", "contractNumber", "")))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .hasMessageContaining("El número de contrato es obligatorio para los contratistas");
    assertThat(pi).isWaitingAt("Task_ReviewAccountRequest");
    assertThat(notes(pi)).hasSameSizeAs(before);

    assertThatThrownBy(() -> driver.complete(pi, "Task_ReviewAccountRequest", "tecnico", vars("accountApproved", true)))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("fecha de terminación del contrato");
    assertThatThrownBy(() -> driver.complete(pi, "Task_ReviewAccountRequest", "tecnico",
        vars("accountApproved", true, "contractEnd", today().minusDays(1).toString())))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("El contrato ya terminó");
    assertThatThrownBy(() -> driver.complete(pi, "Task_ReviewAccountRequest", "tecnico",
        vars("accountApproved", true, "contractEnd", CONTRACT_END, "idNumber", "12AB")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("dígitos");
  }

  // ---------------------------------------------------------------- equipment loans (steps 5 and 10, prestamo-de-equipos)

  @ParameterizedTest
  @CsvSource({"PRESTAMO_COMPUTO, COMPUTO", "PRESTAMO_COMUNICACIONES, COMUNICACIONES"})
  void aLoanThatLeavesIsReservedGetsItsExitFormAndLivesOnUntilItIsReturned(String topic, AssetKind kind) {
    List<String> tags = newAssets(kind, 3);
    ProcessInstance pi = driver.open("usuario1", request(topic));
    String code = pi.getBusinessKey();
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    assertThat(offered(pi, "assetOptions")).containsAll(tags);
    assertThat(offered(pi, "assetOptions")).allSatisfy(tag -> assertThat(assets.find(tag).orElseThrow().kind()).isEqualTo(kind));

    prepare(pi, tags.subList(0, 2));
    assertThat(pi).isWaitingAt("Task_ReserveEquipment");
    runJob(pi, "Task_ReserveEquipment");
    assertThat(pi).isWaitingAt("Task_GenerateExitForm");
    runJob(pi, "Task_GenerateExitForm");
    String exitForm = "/api/tickets/" + code + "/documents/salida-de-equipos.pdf";
    assertThat(pi).isWaitingAt("Task_DeliverEquipment").variables()
        .containsEntry("assetTags", tags.get(0) + ", " + tags.get(1)).containsEntry("exitFormUrl", exitForm);
    assertThat(new String(documents.find(code, "salida-de-equipos.pdf").orElseThrow().content(), 0, 4,
        java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");
    assertThat(loans.find(code).orElseThrow().state()).isEqualTo(LoanState.RESERVADO);

    driver.complete(pi, "Task_DeliverEquipment", "tecnico", vars("receivedBy", "María Fernanda Pérez"));
    runJob(pi, "Event_LoanHandedOver");
    verifyAndClose(pi);
    Loan lent = loans.find(code).orElseThrow();
    assertThat(lent.state()).isEqualTo(LoanState.ACTIVO);
    assertThat(lent.receivedBy()).isEqualTo("María Fernanda Pérez");
    assertThat(lent.handedOverBy()).isEqualTo("tecnico");
    assertThat(stateOf(tags)).containsExactly(AssetState.PRESTADO, AssetState.PRESTADO, AssetState.DISPONIBLE);
    assertThat(kinds(pi)).contains(NoteKind.EQUIPOS_ALISTADOS, NoteKind.EQUIPOS_RESERVADOS,
        NoteKind.FORMATO_SALIDA_GENERADO, NoteKind.PLACAS_REGISTRADAS);

    // The ticket is closed; the loan lives on in its own process.
    ProcessInstance loan = loanProcess(code);
    assertThat(loan).isWaitingAt("Task_RegisterReturn", "Timer_BeforeDue");
    assertThat(offered(loan, "outstandingAssets")).containsExactly(tags.get(0), tags.get(1));
    driver.complete(loan, "Task_RegisterReturn", "tecnico", vars("returnedGood", Spin.JSON(tags.subList(0, 2))));
    assertThat(loan).hasPassed("EndEvent_LoanClosed").isEnded();
    assertThat(stateOf(tags)).containsOnly(AssetState.DISPONIBLE);
    assertThat(loans.find(code).orElseThrow().state()).isEqualTo(LoanState.DEVUELTO);
    assertThat(kinds(pi)).endsWith(NoteKind.DEVOLUCION_REGISTRADA, NoteKind.PRESTAMO_CERRADO);
  }

  @Test
  void aLoanKeptInsideIsRemindedThenNoticedEveryTwoWorkingDaysUntilTheLastAssetComesBack() {
    List<String> tags = newAssets(AssetKind.COMPUTO, 2);
    // Monday 1 to Friday 5 March 2027: no holiday near.
    Map<String, Object> request = request("PRESTAMO_COMPUTO");
    request.putAll(vars("leavesInstitute", false, "loanStart", "2027-03-01", "loanEnd", "2027-03-05"));
    ProcessInstance pi = driver.open("usuario1", request);
    String code = pi.getBusinessKey();
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    prepare(pi, tags);
    runJob(pi, "Task_ReserveEquipment");
    assertThat(pi).hasPassed("Gateway_JoinExitForm").hasNotPassed("Task_GenerateExitForm")
        .isWaitingAt("Task_DeliverEquipment");
    assertThat(documents.list(code)).isEmpty();
    driver.complete(pi, "Task_DeliverEquipment", "tecnico", vars("receivedBy", "Luis Gómez"));
    runJob(pi, "Event_LoanHandedOver");
    ProcessInstance loan = loanProcess(code);

    // The working day before the due date, when the office opens; then the first working day after it.
    assertThat(job(loan, "Timer_BeforeDue").getDuedate().toInstant()).isEqualTo(bogota(2027, 3, 4, 7));
    runJob(loan, "Timer_BeforeDue");
    runJob(loan, "Task_RemindReturn");
    assertThat(job(loan, "Timer_Overdue").getDuedate().toInstant()).isEqualTo(bogota(2027, 3, 8, 7));
    ClockUtil.setCurrentTime(Date.from(bogota(2027, 3, 8, 7)));
    runJob(loan, "Timer_Overdue");
    runJob(loan, "Task_NoticeOverdue");
    assertThat(job(loan, "Timer_NextOverdueNotice").getDuedate().toInstant()).isEqualTo(bogota(2027, 3, 10, 7));
    ClockUtil.setCurrentTime(Date.from(bogota(2027, 3, 10, 7)));
    runJob(loan, "Timer_NextOverdueNotice");
    runJob(loan, "Task_NoticeOverdue");
    assertThat(outbox(code)).containsOnlyOnce("PRESTAMO_RECORDATORIO")
        .filteredOn("PRESTAMO_VENCIDO"::equals).hasSize(2);
    assertThat(outboxAudience(code, "PRESTAMO_VENCIDO")).allSatisfy(a -> assertThat(a).contains("usuario1", "tecnico"));
    assertThat(kinds(pi)).contains(NoteKind.RECORDATORIO_DEVOLUCION, NoteKind.PRESTAMO_VENCIDO);

    // What is not on the loan, or a damage without its note, is refused and changes nothing.
    assertRefused(loan, "Task_RegisterReturn", vars("returnedGood", Spin.JSON(List.of("NO-PRESTADO-1"))),
        "no está prestada en este préstamo");
    assertRefused(loan, "Task_RegisterReturn", vars("returnedDamaged", Spin.JSON(tags.subList(0, 1))),
        "Describa el daño");
    assertRefused(loan, "Task_RegisterReturn", vars(), "Marque al menos un equipo");
    assertThat(stateOf(tags)).containsOnly(AssetState.PRESTADO);

    // A partial return keeps the loan open for the rest; damaged and incomplete go to maintenance.
    driver.complete(loan, "Task_RegisterReturn", "tecnico",
        vars("returnedDamaged", Spin.JSON(tags.subList(0, 1)), "returnNote", "Pantalla rota."));
    assertThat(loan).isWaitingAt("Task_RegisterReturn", "Timer_NextOverdueNotice");
    assertThat(offered(loan, "outstandingAssets")).containsExactly(tags.get(1));
    assertThat(stateOf(tags)).containsExactly(AssetState.EN_MANTENIMIENTO, AssetState.PRESTADO);
    assertThat(loans.find(code).orElseThrow().state()).isEqualTo(LoanState.ACTIVO);
    driver.complete(loan, "Task_RegisterReturn", "tecnico",
        vars("returnedIncomplete", Spin.JSON(tags.subList(1, 2)), "returnNote", "Falta el cargador."));
    assertThat(loan).hasPassed("EndEvent_LoanClosed").isEnded();
    assertThat(stateOf(tags)).containsOnly(AssetState.EN_MANTENIMIENTO);
    Loan returned = loans.find(code).orElseThrow();
    assertThat(returned.state()).isEqualTo(LoanState.DEVUELTO);
    assertThat(returned.assets()).extracting(LoanAsset::condition)
        .containsExactly(ReturnCondition.CON_DANO, ReturnCondition.INCOMPLETO);
    assertThat(returned.assets()).extracting(LoanAsset::returnNote).containsExactly("Pantalla rota.", "Falta el cargador.");
  }

  @Test
  void anAssetTakenMeanwhileSendsTheTicketBackToPrepareNamingItsTag() {
    List<String> tags = newAssets(AssetKind.COMPUTO, 1);
    Map<String, Object> request = request("PRESTAMO_COMPUTO");
    request.put("quantity", 1L);
    ProcessInstance first = driver.open("usuario1", request);
    ProcessInstance second = driver.open("usuario1", request);
    driver.complete(first, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    driver.complete(second, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    assertThat(offered(second, "assetOptions")).contains(tags.get(0));
    prepare(first, tags);
    prepare(second, tags);
    runJob(first, "Task_ReserveEquipment");
    runJob(second, "Task_ReserveEquipment");

    assertThat(second).hasPassed("BoundaryEvent_AssetUnavailable").isWaitingAt("Task_PrepareEquipment");
    assertThat((String) runtime.getVariable(second.getId(), "loanProblem"))
        .contains("La placa " + tags.get(0) + " ya está reservada");
    assertThat(offered(second, "assetOptions")).doesNotContain(tags.get(0));
    assertThat(loans.find(second.getBusinessKey())).isEmpty();
    assertThat(loans.find(first.getBusinessKey()).orElseThrow().heldTags()).containsExactly(tags.get(0));
  }

  @Test
  void whatAlistarRefusesIsSaidInSpanishAndNothingIsReserved() {
    List<String> computers = newAssets(AssetKind.COMPUTO, 2);
    List<String> radios = newAssets(AssetKind.COMUNICACIONES, 1);
    ProcessInstance pi = driver.open("usuario1", request("PRESTAMO_COMPUTO"));
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    String a = computers.get(0);
    assertRefused(pi, "Task_PrepareEquipment", chosen(a), "se pidieron 2 y eligió 1");
    assertRefused(pi, "Task_PrepareEquipment", chosen(a, a), "La placa " + a + " está repetida");
    assertRefused(pi, "Task_PrepareEquipment", chosen(a, "NO-EXISTE-9"), "La placa NO-EXISTE-9 no está en el inventario");
    assertRefused(pi, "Task_PrepareEquipment", chosen(a, radios.get(0)), "es un equipo de comunicaciones, no de cómputo");
    Map<String, Object> backwards = chosen(computers.toArray(String[]::new));
    backwards.putAll(vars("loanStart", LocalDate.now(clock).plusDays(3).toString(),
        "loanEnd", LocalDate.now(clock).plusDays(1).toString()));
    assertRefused(pi, "Task_PrepareEquipment", backwards, "no puede ser anterior a la fecha de inicio");
    assertThat(pi).isWaitingAt("Task_PrepareEquipment");
    assertThat(loans.find(pi.getBusinessKey())).isEmpty();
    assertThat(stateOf(computers)).containsOnly(AssetState.DISPONIBLE);
  }

  @Test
  void anUnsatisfiedRequesterGetsAnotherAssetOnTheSameLoan() {
    List<String> tags = newAssets(AssetKind.COMPUTO, 2);
    Map<String, Object> request = request("PRESTAMO_COMPUTO");
    request.putAll(vars("quantity", 1L, "leavesInstitute", false));
    ProcessInstance pi = driver.open("usuario1", request);
    String code = pi.getBusinessKey();
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    prepare(pi, tags.subList(0, 1));
    runJob(pi, "Task_ReserveEquipment");
    driver.complete(pi, "Task_DeliverEquipment", "tecnico", vars("receivedBy", "Luis Gómez"));
    runJob(pi, "Event_LoanHandedOver");
    driver.complete(pi, "Task_VerifySolution", "usuario1",
        vars("satisfied", false, "satisfactionScore", 2L, "verificationComment", "El portátil no enciende."));

    // Back at "Alistar", with what the loan holds ticked: the technician swaps it for another one.
    assertThat(pi).isWaitingAt("Task_PrepareEquipment");
    assertThat(offered(pi, "chosenAssets")).containsExactly(tags.get(0));
    prepare(pi, tags.subList(1, 2));
    runJob(pi, "Task_ReserveEquipment");
    driver.complete(pi, "Task_DeliverEquipment", "tecnico", vars("receivedBy", "Luis Gómez"));
    runJob(pi, "Event_LoanHandedOver");
    verifyAndClose(pi);

    // One loan, one loan process, both assets out until the first comes back.
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(LoanProcess.KEY)
        .processInstanceBusinessKey(code).count()).isEqualTo(1);
    assertThat(loans.find(code).orElseThrow().heldTags()).containsExactlyInAnyOrderElementsOf(tags);
    ProcessInstance loan = loanProcess(code);
    assertThat(offered(loan, "outstandingAssets")).containsExactlyInAnyOrderElementsOf(tags);
    driver.complete(loan, "Task_RegisterReturn", "tecnico", vars("returnedGood", Spin.JSON(tags)));
    assertThat(loan).isEnded();
    assertThat(stateOf(tags)).containsOnly(AssetState.DISPONIBLE);
  }

  @Test
  void noticesEndWhenTheLoanWasClosedSomeOtherWay() {
    List<String> tags = newAssets(AssetKind.COMUNICACIONES, 2);
    Map<String, Object> request = request("PRESTAMO_COMUNICACIONES");
    request.put("leavesInstitute", false);
    ProcessInstance pi = driver.open("usuario1", request);
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    prepare(pi, tags);
    runJob(pi, "Task_ReserveEquipment");
    driver.complete(pi, "Task_DeliverEquipment", "tecnico", vars("receivedBy", "Luis Gómez"));
    runJob(pi, "Event_LoanHandedOver");
    ProcessInstance loan = loanProcess(pi.getBusinessKey());
    loans.close(loans.find(pi.getBusinessKey()).orElseThrow().id(), Instant.now());

    runJob(loan, "Timer_BeforeDue");
    runJob(loan, "Task_RemindReturn");
    runJob(loan, "Timer_Overdue");
    runJob(loan, "Task_NoticeOverdue");
    assertThat(loan).hasPassed("EndEvent_NoticesEnded").isWaitingAt("Task_RegisterReturn");
    assertThat(outbox(pi.getBusinessKey())).doesNotContain("PRESTAMO_RECORDATORIO", "PRESTAMO_VENCIDO");
  }

  @Test
  void anUnsatisfiedAnswerNeedsAComment() {
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_WEB"));
    driver.complete(pi, "Task_ReviewTopic", "web", vars("topicMatches", true));
    driver.complete(pi, "Task_EvaluateWebSystem", "web", vars("canResolve", true));
    driver.complete(pi, "Task_ResolveWebIncident", "web", vars("solution", "Listo."));
    assertThatThrownBy(() -> driver.complete(pi, "Task_VerifySolution", "usuario1",
        vars("satisfied", false, "satisfactionScore", 1L)))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("Comentario");
    assertThatThrownBy(() -> driver.complete(pi, "Task_VerifySolution", "usuario1",
        vars("satisfied", true, "satisfactionScore", 9L)))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("entre 1 y 5");
  }


  // ---------------------------------------------------------------- service levels, verification deadlines

  @Test
  void serviceLevelTimersWarnTheGroupAndReportBreachesWithoutInterruptingTheWork() {
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_TECNICO"));
    String code = pi.getBusinessKey();
    assertThat(timers(pi)).hasSize(2);  // first attention: 75 % and due

    // Nobody takes "Verificar el tema" for days: the group is warned, then the breach is reported.
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(10, ChronoUnit.DAYS)));
    fire(pi, "BoundaryEvent_FirstAttentionWarning");
    fire(pi, "BoundaryEvent_FirstAttentionBreach");
    assertThat(pi).hasPassed("Task_WarnFirstAttention", "EndEvent_FirstAttentionWarned",
        "Task_ReportFirstAttentionBreach", "EndEvent_FirstAttentionBreachReported").isWaitingAt("Task_ReviewTopic");
    assertThat(serviceLevels.status(code, ServiceLevelKind.FIRST_ATTENTION).orElseThrow().state())
        .isEqualTo(ServiceLevelState.INCUMPLIDO.name());

    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    // The attention starts its resolution clock beside it.
    assertThat(pi).isWaitingAt("Task_EvaluateTechnicalSupport", "Gateway_WarningOrSolution");
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));
    fire(pi, "Event_ResolutionWarningDue");
    assertThat(pi).hasPassed("Task_WarnResolution")
        .isWaitingAt("Task_EvaluateTechnicalSupport", "Gateway_BreachOrSolution");
    fire(pi, "Event_ResolutionBreachDue");
    assertThat(pi).hasPassed("Task_ReportResolutionBreach")
        .isWaitingAt("Task_EvaluateTechnicalSupport", "Event_SolutionReadyAfterBreach");
    assertThat(serviceLevels.status(code, ServiceLevelKind.RESOLUTION).orElseThrow().state())
        .isEqualTo(ServiceLevelState.INCUMPLIDO.name());
    // One notice each, whatever the timers do again.
    assertThat(outbox(code)).contains("NIVEL_SERVICIO_AVISO", "NIVEL_SERVICIO_INCUMPLIDO");

    // The solution stops the clock, late as it is: the clock joins the attention before the verification.
    driver.complete(pi, "Task_EvaluateTechnicalSupport", "tecnico", vars("canResolve", true));
    driver.complete(pi, "Task_ResolveTechnicalSupport", "tecnico", vars("solution", "Se cambió la fuente."));
    assertThat(pi).hasPassed("Event_SolutionReady", "Event_SolutionReadyAfterBreach", "Gateway_JoinSolutionReady")
        .isWaitingAt("Task_VerifySolution");
    assertThat(timers(pi)).extracting(Job::getDuedate).hasSize(2);  // the verification's reminder and deadline
  }

  @Test
  void aSolutionAfterTheWarningStopsTheClockBeforeItsBreach() {
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_TECNICO"));
    String code = pi.getBusinessKey();
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(30, ChronoUnit.DAYS)));
    fire(pi, "Event_ResolutionWarningDue");
    assertThat(pi).isWaitingAt("Task_EvaluateTechnicalSupport", "Gateway_BreachOrSolution");

    driver.complete(pi, "Task_EvaluateTechnicalSupport", "tecnico", vars("canResolve", true));
    driver.complete(pi, "Task_ResolveTechnicalSupport", "tecnico", vars("solution", "Se cambió la fuente."));
    assertThat(pi).hasPassed("Event_SolutionReadyAfterWarning", "Gateway_ResolutionClockStopped")
        .hasNotPassed("Event_ResolutionBreachDue", "Task_ReportResolutionBreach").isWaitingAt("Task_VerifySolution");
    assertThat(management.createJobQuery().processInstanceId(pi.getId()).activityId("Event_ResolutionBreachDue")
        .count()).isZero();
    assertThat(outbox(code)).containsOnlyOnce("NIVEL_SERVICIO_AVISO").doesNotContain("NIVEL_SERVICIO_INCUMPLIDO");
  }

  @Test
  void theRequesterIsRemindedAfterTwoWorkingDaysAndAnUnansweredTicketClosesAfterFive() {
    // Friday 4 December 2026, 15:00 in Bogotá; Tuesday the 8th is a holiday (Inmaculada Concepción).
    Instant friday = ZonedDateTime.of(2026, 12, 4, 15, 0, 0, 0, BOGOTA).toInstant();
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_TECNICO"));
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    driver.complete(pi, "Task_EvaluateTechnicalSupport", "tecnico", vars("canResolve", true));
    ClockUtil.setCurrentTime(Date.from(friday));
    driver.complete(pi, "Task_ResolveTechnicalSupport", "tecnico", vars("solution", "Se cambió la fuente."));
    assertThat(pi).isWaitingAt("Task_VerifySolution");

    assertThat(timer(pi, "BoundaryEvent_VerificationReminder").getDuedate().toInstant())
        .isEqualTo(ZonedDateTime.of(2026, 12, 9, 15, 0, 0, 0, BOGOTA).toInstant());
    assertThat(timer(pi, "BoundaryEvent_VerificationExpired").getDuedate().toInstant())
        .isEqualTo(ZonedDateTime.of(2026, 12, 14, 15, 0, 0, 0, BOGOTA).toInstant());

    fire(pi, "BoundaryEvent_VerificationReminder");
    assertThat(pi).hasPassed("Task_RemindVerification", "EndEvent_VerificationReminded")
        .isWaitingAt("Task_VerifySolution");
    fire(pi, "BoundaryEvent_VerificationExpired");
    assertThat(pi).hasPassed("Task_CloseUnansweredTicket", "EndEvent_TicketClosedWithoutAnswer").isEnded();
    assertThat(ticket(pi).state()).isEqualTo(TicketState.CERRADO_SIN_RESPUESTA);
    assertThat(ticket(pi).closedAt()).isNotNull();
    assertThat(noteOf(pi, NoteKind.CIERRE)).contains("sin respuesta del solicitante", "5 días hábiles");
    assertThat(outbox(pi.getBusinessKey())).contains("RECORDATORIO_VERIFICACION", "TICKET_CERRADO_SIN_RESPUESTA");
  }

  @Test
  void staffRecordTheAnswerTheRequesterGaveByPhone() {
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_TECNICO"));
    driver.complete(pi, "Task_ReviewTopic", "tecnico", vars("topicMatches", true));
    driver.complete(pi, "Task_EvaluateTechnicalSupport", "tecnico", vars("canResolve", true));
    driver.complete(pi, "Task_ResolveTechnicalSupport", "tecnico", vars("solution", "Se cambió la fuente."));
    String verification = task("Task_VerifySolution", pi).getId();

    assertThatThrownBy(() -> driver.as("tecnico", () -> {
      tasks.complete(verification, vars("satisfied", true, "satisfactionScore", 4L));
      return null;
    })).hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("¿Cómo llega esta respuesta?");
    driver.as("tecnico", () -> {
      tasks.complete(verification, vars("satisfied", true, "satisfactionScore", 4L, "answerChannel", "TELEFONO"));
      return null;
    });

    assertThat(pi).isEnded();
    TicketNote answer = notes(pi).stream().filter(n -> n.kind() == NoteKind.RESPUESTA_SOLICITANTE).findFirst().orElseThrow();
    assertThat(answer.author()).isEqualTo("tecnico");
    assertThat(answer.body()).contains("por teléfono", "registrada por la mesa de servicios");
  }

  @Test
  void theAgentChangesThePriorityAtTheReviewWithAReason() {
    // Technical support is ALTA by the assignment table; this one can wait.
    ProcessInstance pi = driver.open("usuario1", request("SOPORTE_TECNICO"));
    assertThat(pi).variables().containsEntry("priority", "ALTA");
    assertThatThrownBy(() -> driver.complete(pi, "Task_ReviewTopic", "tecnico",
        vars("topicMatches", true, "newPriority", "BAJA")))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining("Motivo del cambio de prioridad");

    driver.complete(pi, "Task_ReviewTopic", "tecnico",
        vars("topicMatches", true, "newPriority", "BAJA", "priorityReason", "Es un equipo de respaldo."));

    // Tasklist orders the next task by the new priority, read from the ticket's one priority variable.
    assertThat(pi).variables().containsEntry("priority", "BAJA").doesNotContainKey("taskPriority");
    assertThat(task("Task_EvaluateTechnicalSupport", pi).getPriority()).isEqualTo(20);
    assertThat(ticket(pi).priority()).isEqualTo("BAJA");
    assertThat(noteOf(pi, NoteKind.PRIORIDAD_CAMBIADA)).contains("de Alta a Baja", "equipo de respaldo");
    assertThat(serviceLevels.status(pi.getBusinessKey(), ServiceLevelKind.RESOLUTION).orElseThrow().priority())
        .isEqualTo("BAJA");
  }


  // ---------------------------------------------------------------- helpers

  private void verifyAndClose(ProcessInstance pi) {
    assertThat(task("Task_VerifySolution", pi)).isAssignedTo("usuario1");
    driver.complete(pi, "Task_VerifySolution", "usuario1",
        vars("satisfied", true, "satisfactionScore", 5L, "verificationComment", "Gracias."));
    assertThat(pi).hasPassed("Task_CloseTicket").isEnded();
    Ticket closed = ticket(pi);
    assertThat(closed.state()).isEqualTo(TicketState.CERRADO);
    assertThat(closed.closedAt()).isNotNull();
    assertThat(kinds(pi)).endsWith(NoteKind.RESPUESTA_SOLICITANTE, NoteKind.CIERRE);
  }


  /** New assets of the shared inventory, tagged for this test alone. */
  private List<String> newAssets(AssetKind kind, int count) {
    String prefix = "T" + Long.toString(ASSET_SERIES.incrementAndGet(), 36).toUpperCase();
    List<String> tags = new java.util.ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String tag = prefix + "-" + i;
      assets.insert(new Asset(tag, kind, "Equipo de prueba " + i, "Marca Modelo", "SN-" + tag, "Sede principal",
          AssetState.DISPONIBLE, Instant.now()));
      tags.add(tag);
    }
    return tags;
  }

  private List<AssetState> stateOf(List<String> tags) {
    return tags.stream().map(tag -> assets.find(tag).orElseThrow().state()).toList();
  }

  private static Map<String, Object> chosen(String... tags) {
    return vars("chosenAssets", Spin.JSON(List.of(tags)));
  }

  private void prepare(ProcessInstance pi, List<String> tags) {
    driver.complete(pi, "Task_PrepareEquipment", "tecnico", vars("chosenAssets", Spin.JSON(tags)));
  }

  private void assertRefused(ProcessInstance pi, String taskKey, Map<String, Object> variables, String message) {
    assertRefused(pi, taskKey, "tecnico", variables, message);
  }

  private void assertRefused(ProcessInstance pi, String taskKey, String user, Map<String, Object> variables,
      String message) {
    assertThatThrownBy(() -> driver.complete(pi, taskKey, user, variables))
        .hasRootCauseInstanceOf(InvalidInputException.class).hasMessageContaining(message);
  }

  /** The tags in a list variable: the options a task offers (value of each) or a plain list. */
  private List<String> offered(ProcessInstance pi, String variable) {
    org.camunda.spin.json.SpinJsonNode json = (org.camunda.spin.json.SpinJsonNode) runtime.getVariable(pi.getId(), variable);
    return json.elements().stream().map(e -> e.isString() ? e.stringValue() : e.prop("value").stringValue()).toList();
  }

  private Job job(ProcessInstance pi, String activity) {
    return management.createJobQuery().processInstanceId(pi.getId()).activityId(activity).singleResult();
  }

  private void runJob(ProcessInstance pi, String activity) {
    Job job = job(pi, activity);
    if (job == null) throw new AssertionError("No job at " + activity);
    management.executeJob(job.getId());
  }

  private ProcessInstance loanProcess(String code) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(LoanProcess.KEY).processInstanceBusinessKey(code)
        .singleResult();
  }

  private static Instant bogota(int year, int month, int day, int hour) {
    return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, BOGOTA).toInstant();
  }

  private List<String> outboxAudience(String code, String kind) {
    return jdbc.sql("select audience from mail_outbox where ticket_code = ? and kind = ?").params(code, kind)
        .query(String.class).list();
  }

  private List<Job> timers(ProcessInstance pi) {
    return management.createJobQuery().processInstanceId(pi.getId()).timers().list();
  }

  private Job timer(ProcessInstance pi, String boundaryEvent) {
    return management.createJobQuery().processInstanceId(pi.getId()).activityId(boundaryEvent).timers()
        .singleResult();
  }

  private void fire(ProcessInstance pi, String boundaryEvent) {
    management.executeJob(timer(pi, boundaryEvent).getId());
  }

  /** The kinds of mail written to the outbox for a ticket. */
  private List<String> outbox(String code) {
    return jdbc.sql("select kind from mail_outbox where ticket_code = ?").param(code).query(String.class).list();
  }

  private static String reviewerOf(String topic) {
    return switch (topic) {
      case "SOPORTE_GOOBI", "SOPORTE_HUMANO" -> "sistemas";
      case "SOPORTE_WEB" -> "web";
      default -> "tecnico";
    };
  }

  private Ticket ticket(ProcessInstance pi) {
    return tickets.findByCode(pi.getBusinessKey()).orElseThrow();
  }

  private List<TicketNote> notes(ProcessInstance pi) {
    return tickets.notes(pi.getBusinessKey());
  }

  private List<NoteKind> kinds(ProcessInstance pi) {
    return notes(pi).stream().map(TicketNote::kind).toList();
  }

  private String noteOf(ProcessInstance pi, NoteKind kind) {
    return notes(pi).stream().filter(n -> n.kind() == kind).reduce((a, b) -> b).orElseThrow().body();
  }
}
