package co.edu.idep.mesa.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import static co.edu.idep.mesa.browser.TasklistPage.completeButton;
import static co.edu.idep.mesa.browser.TasklistPage.fieldLabel;
import static co.edu.idep.mesa.browser.TasklistPage.taskInList;

import co.edu.idep.mesa.accounts.directory.DirectoryProperties;
import co.edu.idep.mesa.inventory.Asset;
import co.edu.idep.mesa.inventory.AssetKind;
import co.edu.idep.mesa.inventory.AssetRepository;
import co.edu.idep.mesa.inventory.AssetState;
import co.edu.idep.mesa.loans.LoanProcess;
import co.edu.idep.mesa.loans.LoanRepository;
import co.edu.idep.mesa.loans.LoanState;
import co.edu.idep.mesa.notification.MailTemplates;
import co.edu.idep.mesa.notification.RenderedMail;
import co.edu.idep.mesa.report.QuarterlyReports;
import co.edu.idep.mesa.report.ReportPeriod;
import co.edu.idep.mesa.support.ApplicationTest;
import co.edu.idep.mesa.support.ReportQuarters;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives the real Camunda Tasklist in headless Chromium against the application on a random
 * port: a requester opens a technical-support ticket with the start form, an agent of
 * tecnico-operativo claims and completes "Verificar el tema del ticket", and markup in the
 * description is refused by the server with a Spanish message that Tasklist shows. An account
 * request goes the whole way, from the start form to an LDAP login with the revealed password.
 * An equipment loan goes from the start form through the exit form's PDF to its return.
 *
 * <p>Needs Chromium and chromedriver ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver};
 * override with {@code -Dbrowser.chrome.binary=…} and {@code -Dbrowser.chromedriver=…}). Without
 * them the test fails: it is tagged {@code browser} and only runs with {@code -Pci}, where they are
 * installed. On failure a screenshot and the page source go to {@code target/browser-screenshots/}.
 * The account walk also runs the README's {@code ldapsearch} (Debian's ldap-utils, which
 * {@code .ci/run} installs); without it only that last check is skipped. Alone:
 * {@code mvn test -Pci -Dtest=TasklistBrowserTest}.
 *
 * <p>The forms are ours and Spanish, and so are Tasklist's own labels: the project's
 * {@code app/tasklist/locales/es.json}, the only locale its config.js offers (WebappLocalesTest).
 */
@Tag("browser")
@ApplicationTest
class TasklistBrowserTest {

  private static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

  private static final String PROCESS_KEY = "mesa-de-servicios";
  private static final String TOPIC_LABEL = "Solicitud de Soporte Técnico";
  private static final String BUSINESS_KEY = "MDS-\\d{4}-\\d{6}";
  private static final String ACCOUNT_TOPIC_LABEL = "Creación de Cuentas de Usuario";
  /** Given names "Laura Sofía", surnames "Gómez Ñáñez" (accounts/directory/PersonName), user laura.gomez. */
  private static final String NEW_PERSON = "Laura Sofía Gómez Ñáñez";

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired ManagementService management;
  @Autowired QuarterlyReports reports;
  @Autowired co.edu.idep.mesa.accounts.directory.EmbeddedDirectoryServer directory;
  @Autowired DirectoryProperties directoryProperties;
  @Autowired MailTemplates mailTemplates;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired AssetRepository assets;
  @Autowired LoanRepository loans;

  private TasklistPage page;
  private WebDriver driver;
  private WebDriverWait wait;

  /** Runs before {@link AfterEach}, while the browser still shows what went wrong. */
  @RegisterExtension
  final AfterTestExecutionCallback screenshotOnFailure = context -> {
    if (context.getExecutionException().isPresent() && page != null) {
      saveScreenshot(context.getRequiredTestMethod().getName());
    }
  };

  @BeforeAll
  static void browserIsInstalled() {
    TasklistPage.requireBrowser();
  }

  @BeforeEach
  void openBrowser() throws IOException {
    // The webapps look their engine up by name in a JVM-wide registry: it must be this context's.
    assertThat(ProcessEngines.getProcessEngines().get(engine.getName()))
        .as("engine «%s» seen by the webapps (another Spring context still open?)", engine.getName())
        .isSameAs(engine);
    // Chromium's network log lets the test see the HTTP status Tasklist received.
    page = TasklistPage.open("http://localhost:" + port, true);
    driver = page.driver();
    wait = page.await();
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (page != null) page.close();
    page = null;
    driver = null;
  }

  // ------------------------------------------------------------------------------------ tests

  /**
   * Issue 10: at the hand-over the technician opens the page the form links to, reveals the
   * temporary password once, and the directory accepts it. The browser's own HTTP Basic login is
   * stood in for by the Authorization header (Chromium's DevTools), which it then sends like a
   * remembered login, on the page and on its request.
   */
  @Test
  void theTechnicianRevealsTheTemporaryPasswordOnceAtTheHandOver() throws Exception {
    String code = accountWaitingForItsHandOver();
    ChromeDriver chrome = (ChromeDriver) driver;
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
        "Basic " + java.util.Base64.getEncoder().encodeToString("tecnico:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
    driver.get("http://127.0.0.1:" + port + "/api/cuentas/entrega?ticket=" + code);
    assertThat(driver.findElement(By.id("ticket")).getAttribute("value")).isEqualTo(code);

    page.click(By.cssSelector("#revelar button[type=submit]"));

    WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("clave")));
    String password = shown.getText();
    String login = driver.findElement(By.id("usuario")).getText();
    assertThat(password).hasSizeGreaterThanOrEqualTo(14);
    assertThat(login).startsWith("diana.suarez");
    // The directory takes it: the person can log in with it (and must change it then).
    assertThat(directory.url()).isPresent();
    com.unboundid.ldap.sdk.LDAPURL url = new com.unboundid.ldap.sdk.LDAPURL(directory.url().get());
    try (com.unboundid.ldap.sdk.LDAPConnection connection =
        new com.unboundid.ldap.sdk.LDAPConnection(url.getHost(), url.getPort())) {
      assertThat(connection.bind("uid=" + login + ",ou=usuarios,dc=idep,dc=edu,dc=co", password).getResultCode())
          .isEqualTo(com.unboundid.ldap.sdk.ResultCode.SUCCESS);
    }
    // A ticket without a hand-over pending: the Spanish refusal, no password.
    driver.findElement(By.id("ticket")).clear();
    driver.findElement(By.id("ticket")).sendKeys("MDS-2000-000001");
    page.click(By.cssSelector("#revelar button[type=submit]"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "entrega de credenciales pendiente"));
    assertThat(driver.findElement(By.id("resultado")).isDisplayed()).isFalse();
  }

  /** An account request reviewed, approved and provisioned, through the engine as its tasks would be. */
  private String accountWaitingForItsHandOver() {
    Map<String, Object> request = new java.util.HashMap<>(Map.of("topic", "CUENTA_USUARIO",
        "subject", "Cuenta para nueva funcionaria", "description", "Ingreso de la funcionaria a la OAP.",
        "fullName", "Diana Suárez", "idType", "CC", "linkType", "FUNCIONARIO",
        "alternateEmail", "diana.suarez@example.org", "mobilePhone", "3157654321",
        "accesses", org.camunda.spin.Spin.JSON(List.of("RED"))));
    request.put("idNumber", String.valueOf(1_030_000_000L + System.nanoTime() % 100_000_000L));
    identity.setAuthentication("usuario1", List.of("usuarios"));
    ProcessInstance instance;
    try {
      instance = runtime.startProcessInstanceByKey(PROCESS_KEY, request);
    } finally {
      identity.clearAuthentication();
    }
    completeAs("tecnico", "tecnico-operativo", instance, "Task_ReviewTopic", Map.of("topicMatches", true));
    completeAs("tecnico", "tecnico-operativo", instance, "Task_ReviewAccountRequest", Map.of("accountApproved", true));
    management.executeJob(management.createJobQuery().processInstanceId(instance.getId())
        .activityId("Task_ProvisionAccount").singleResult().getId());
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_HandOverCredentials")
        .count()).isEqualTo(1);
    return instance.getBusinessKey();
  }

  private void completeAs(String user, String group, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    identity.setAuthentication(user, List.of(group));
    try {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * Issue 10, the newcomer's walk: {@code usuario1} asks for an account for someone with accents in
   * her name through the start form; {@code tecnico} confirms the topic, approves the request and,
   * once the account is in the directory, follows the hand-over form's link, reveals the temporary
   * password and records the signed PO-GT-12-01. The person then logs in to the directory over LDAP
   * with that password, and the README's {@code ldapsearch} finds her (when OpenLDAP's tools are there).
   */
  @Test
  void anAccountRequestWalksFromTheStartFormToAnLdapLoginWithTheRevealedPassword() throws Exception {
    String subject = "Cuenta para nueva funcionaria " + UUID.randomUUID().toString().substring(0, 8);
    // Unique per run, so that no earlier account of the shared directory holds it (that would be a duplicate).
    String idNumber = String.valueOf(1_200_000_000L + Math.floorMod(System.nanoTime(), 100_000_000L));

    // 1. usuario1 asks for the account with Tasklist's start form.
    page.login("usuario1");
    page.openStartForm();
    page.chooseTopic(ACCOUNT_TOPIC_LABEL);
    page.type("Asunto", subject);
    page.type("Descripción", "Ingreso de una nueva funcionaria a la Oficina Asesora de Planeación.");
    page.type("Nombres y apellidos", NEW_PERSON);
    page.choose("Tipo de identificación", "Cédula de ciudadanía");
    page.type("Número de identificación", idNumber);
    page.chooseRadio("Tipo de vinculación", "Funcionario");
    page.type("Correo electrónico alterno", "laura.gomez.personal@example.org");
    page.type("Celular", "3101234567");
    page.tick("Accesos solicitados", "Uso de red (Directorio Activo)");
    page.tick("Accesos solicitados", "Correo institucional");
    page.clickStart();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    page.waitForNotification("El proceso se inició correctamente.");

    ProcessInstance instance = instanceWithSubject(subject);
    String code = instance.getBusinessKey();
    assertThat(code).matches(BUSINESS_KEY);
    assertThat(runtime.getVariable(instance.getId(), "fullName")).isEqualTo(NEW_PERSON);
    Task topicReview = onlyTask(instance, "Task_ReviewTopic");
    page.logout();

    // 2. tecnico confirms the topic, then reviews and approves the request.
    confirmTopicAsTechnician(code, topicReview, "Revisar la solicitud de cuenta");

    Task accountReview = onlyTask(instance, "Task_ReviewAccountRequest");
    openAndClaim(code, accountReview);
    // The requester's data, for the technician to check.
    assertThat(page.fieldValue("Nombres y apellidos")).isEqualTo(NEW_PERSON);
    assertThat(page.fieldValue("Número de identificación")).isEqualTo(idNumber);
    assertThat(page.checked("Accesos solicitados")).containsExactlyInAnyOrder("Uso de red (Directorio Activo)",
        "Correo institucional");
    page.chooseRadio("¿Se aprueba la solicitud de cuenta?", "Sí, crear la cuenta en el directorio");
    page.complete(accountReview.getId());

    // 3. "Crear la cuenta en el directorio" is asynchronous. The test profile runs no job executor
    //    (application-test.yaml), so the test runs the job the executor would pick up.
    Job provisioning = wait.until(d -> management.createJobQuery().processInstanceId(instance.getId())
        .activityId("Task_ProvisionAccount").singleResult());
    management.executeJob(provisioning.getId());
    Task handOver = onlyTask(instance, "Task_HandOverCredentials");

    // Tasklist lists the new task once it looks again.
    driver.navigate().refresh();
    page.openFilter("Tareas de mis grupos");
    page.openTask(handOver.getId());
    wait.until(d -> code.equals(page.fieldValue("Código del ticket")));
    String login = page.fieldValue("Usuario creado en el Directorio Activo");
    assertThat(login).startsWith("laura.gomez"); // a rerun against a kept directory would give laura.gomez2
    assertThat(page.fieldValue("Nombres y apellidos")).isEqualTo(NEW_PERSON);
    page.claim();

    // The form links to the reveal page; the technician types the ticket's code there.
    String password = revealThroughTheFormsLink(code, login);
    assertThat(password).hasSizeGreaterThanOrEqualTo(14);

    LocalDate today = LocalDate.now(clock);
    page.tick("Las credenciales se entregaron con el formato PO-GT-12-01");
    page.typeDate("Fecha en que el usuario firmó el formato PO-GT-12-01", today);
    page.complete(handOver.getId());
    assertThat(runtime.getVariable(instance.getId(), "credentialsPolicySigned")).isEqualTo(true);
    assertThat(runtime.getVariable(instance.getId(), "credentialsSignedOn")).hasToString(today.toString());
    assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly("Task_VerifySolution");
    assertThat(onlyTask(instance, "Task_VerifySolution").getAssignee()).isEqualTo("usuario1");
    page.logout();

    // 4. The person logs in to the directory with the revealed password and finds her entry and groups.
    LDAPURL url = new LDAPURL(directory.url().orElseThrow());
    String dn = "uid=" + login + "," + directoryProperties.usersDn();
    try (LDAPConnection person = new LDAPConnection(url.getHost(), url.getPort())) {
      assertThat(person.bind(dn, password).getResultCode()).isEqualTo(ResultCode.SUCCESS);
      SearchResultEntry entry = person.getEntry(dn, "*", "pwdReset");
      assertThat(entry).as("entry %s", dn).isNotNull();
      assertThat(entry.getAttributeValue("uid")).isEqualTo(login);
      assertThat(entry.getAttributeValue("cn")).isEqualTo(NEW_PERSON);
      // PersonName: of four words, the last two are the surnames.
      assertThat(entry.getAttributeValue("givenName")).isEqualTo("Laura Sofía");
      assertThat(entry.getAttributeValue("sn")).isEqualTo("Gómez Ñáñez");
      assertThat(entry.getAttributeValue("mail")).isEqualTo(login + "@idep.edu.co");
      assertThat(entry.getAttributeValue("employeeNumber")).isEqualTo(idNumber);
      assertThat(entry.getAttributeValue("pwdReset")).isEqualToIgnoringCase("TRUE");
      SearchResult groups = person.search("ou=grupos," + directoryProperties.baseDn(), SearchScope.ONE,
          Filter.createEqualityFilter("member", dn), "cn");
      assertThat(groups.getSearchEntries()).extracting(group -> group.getAttributeValue("cn"))
          .containsExactlyInAnyOrder("red", "correo");
    }

    // The requester is told the account is ready: the user name, no password.
    RenderedMail ready = accountReadyMail(code);
    assertThat(ready.text()).contains("Usuario: " + login).contains("Correo institucional: " + login + "@idep.edu.co")
        .doesNotContain(password);
    assertThat(ready.html()).doesNotContain(password);

    // 5. Last, so that everything above is checked even without OpenLDAP's tools: the README's
    //    ldapsearch finds the account in the test's directory.
    ldapsearchAsTheReadmeShows(url, login, idNumber);
  }

  /**
   * Clicks the link of «Entregar las credenciales» to the reveal page, logs in there as {@code tecnico}
   * (the browser's HTTP Basic login stood in for by the Authorization header, as above), types the
   * ticket's code, reveals the password and comes back to the task. Returns the password.
   */
  private String revealThroughTheFormsLink(String code, String login) {
    ChromeDriver chrome = (ChromeDriver) driver;
    chrome.executeCdpCommand("Network.enable", Map.of());
    chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic "
        + Base64.getEncoder().encodeToString("tecnico:demo".getBytes(StandardCharsets.UTF_8)))));
    try {
      // form-js renders the Markdown link as a plain one: the page opens in Tasklist's tab.
      page.click(By.xpath("//*[contains(@class,'fjs-form-field-text')]//a[normalize-space()='Entregar credenciales']"));
      wait.until(ExpectedConditions.urlContains("/api/cuentas/entrega"));
      WebElement ticket = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket")));
      ticket.sendKeys(code);
      page.click(By.cssSelector("#revelar button[type=submit]"));
      String password = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("clave"))).getText();
      assertThat(driver.findElement(By.id("usuario")).getText()).isEqualTo(login);
      return password;
    } finally {
      chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
      driver.navigate().back();
      wait.until(ExpectedConditions.elementToBeClickable(completeButton()));
    }
  }

  /**
   * Runs the README's ldapsearch for a new account («An account request, end to end», step 5) as
   * written there, with the test directory's address and this account's user name. Without OpenLDAP's
   * tools (ldap-utils) only this check is skipped; {@code .ci/run} installs them.
   */
  private void ldapsearchAsTheReadmeShows(LDAPURL url, String login, String idNumber) throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher block = Pattern.compile("(?m)^ *(ldapsearch [^\\n]*\\\\\\n[^\\n]*\\(uid=maria\\.perez\\)[^\\n]*)$").matcher(readme);
    assertThat(block.find()).as("the README's ldapsearch for maria.perez").isTrue();
    String command = block.group(1).replaceAll("\\\\\\n\\s*", "")
        .replace("ldap://127.0.0.1:3389", "ldap://" + url.getHost() + ":" + url.getPort())
        .replace("maria.perez", login)
        .replace(" -w demo ", " -w '" + directoryProperties.password().replace("'", "'\\''") + "' ");
    boolean installed = new ProcessBuilder("sh", "-c", "command -v ldapsearch").start().waitFor() == 0;
    assumeThat(installed).as("ldapsearch is not installed (Debian: apt-get install ldap-utils): the walk and its LDAP "
        + "checks passed, only the README's command was not run").isTrue();
    Process ldapsearch = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
    String output;
    try (var in = ldapsearch.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(ldapsearch.waitFor()).as("exit status of %s%n%s", command, output).isZero();
    // Values that are not plain ASCII come base64-encoded ("cn:: ...").
    assertThat(output).as(command)
        .contains("dn: uid=" + login + "," + directoryProperties.usersDn())
        .contains("uid: " + login)
        .contains("cn:: " + Base64.getEncoder().encodeToString(NEW_PERSON.getBytes(StandardCharsets.UTF_8)))
        .contains("mail: " + login + "@idep.edu.co")
        .contains("employeeNumber: " + idNumber)
        .contains("# numEntries: 1");
  }

  /** The «cuenta lista» message of ticket {@code code}, for its requester, as the sender will render it. */
  private RenderedMail accountReadyMail(String code) throws IOException {
    Map<String, Object> row = jdbc.sql("select template, model, audience from mail_outbox where ticket_code = ? and kind = ?")
        .params(code, "CUENTA_LISTA").query().singleRow();
    assertThat(JSON.readTree((String) row.get("audience")).path("users").toString()).contains("\"usuario1\"");
    @SuppressWarnings("unchecked")
    Map<String, Object> model = JSON.readValue((String) row.get("model"), Map.class);
    return mailTemplates.render((String) row.get("template"), model);
  }

  private Task onlyTask(ProcessInstance instance, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("task %s of %s", taskKey, instance.getBusinessKey()).isNotNull();
    return task;
  }

  @Test
  void requesterOpensTicketAndTechnicianConfirmsTheTopic() {
    String subject = "No enciende el computador " + UUID.randomUUID().toString().substring(0, 8);

    // usuario1 opens a technical-support ticket from Tasklist
    page.login("usuario1");
    page.openStartForm();
    page.chooseTopic(TOPIC_LABEL);
    page.type("Asunto", subject);
    page.type("Descripción", "El equipo de la oficina no enciende desde esta mañana.");
    page.type("Ubicación", "Sede principal, piso 2, oficina 204");
    page.clickStart();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    page.waitForNotification("El proceso se inició correctamente.");

    ProcessInstance instance = instanceWithSubject(subject);
    assertThat(instance.getBusinessKey()).matches(BUSINESS_KEY);
    assertThat(runtime.getVariable(instance.getId(), "requester")).isEqualTo("usuario1");
    assertThat(runtime.getVariable(instance.getId(), "location")).isEqualTo("Sede principal, piso 2, oficina 204");
    Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(review).isNotNull();
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewTopic");
    assertThat(review.getAssignee()).isNull();
    assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup("tecnico-operativo").count())
        .isEqualTo(1);

    page.logout();

    // tecnico claims the task from the group filter and confirms the topic
    page.login("tecnico");
    page.openFilter("Tareas de mis grupos");
    page.openTask(review.getId());
    // The review form shows the ticket the requester just opened.
    wait.until(d -> instance.getBusinessKey().equals(page.fieldValue("Código del ticket")));
    page.claim();
    assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isEqualTo("tecnico");
    page.chooseRadio("¿El incidente corresponde con el tema seleccionado?", "Sí");
    page.complete(review.getId());
    // Tasklist closes the completed task; the group filter now lists the next step for the same group.
    wait.until(ExpectedConditions.visibilityOfElementLocated(taskInList("Evaluar la falla reportada")));

    assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isZero();
    List<Task> next = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
    assertThat(next).extracting(Task::getTaskDefinitionKey).containsExactly("Task_EvaluateTechnicalSupport");
    assertThat(runtime.getVariable(instance.getId(), "topicMatches")).isEqualTo(true);
    // The attention, and beside it the ticket's resolution clock waiting for its first timer or the solution.
    assertThat(runtime.getActiveActivityIds(instance.getId()))
        .containsExactlyInAnyOrder("Task_EvaluateTechnicalSupport", "Gateway_WarningOrSolution");
  }

  /**
   * Issue 13, points 2 and 4: the technician finds a ticket by typing its code in the search box,
   * and its list entry names it (code, subject, requester, priority, due); nobody is offered what he
   * may not do — «Create task» only to administrators, «Start process» only to whom may open a
   * ticket, Cockpit and Admin only to whom may open them — and a refused page explains itself in
   * Spanish. Needs the custom script in Tasklist's config.js (README, «What Tasklist and Cockpit show»).
   */
  @Test
  void theCodeFindsAndNamesTheTaskAndOnlyWhatOneMayDoIsOffered() {
    String subject = "Escáner sin conexión " + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = new java.util.HashMap<>(co.edu.idep.mesa.support.TicketRequests.support());
    body.put("subject", subject);
    var opened = new co.edu.idep.mesa.support.ApiClient(port).post("/api/tickets", "usuario1", body);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String code = opened.json().get("code").asText();
    Task review = tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();

    page.login("tecnico");
    assertOffered(false, false);
    assertThat(driver.findElements(By.cssSelector("[cam-widget-header] li.app-switch"))).as("apps besides Tasklist")
        .isEmpty();
    page.openFilter("Tareas de mis grupos");
    page.search(code);
    WebElement entry = page.onlyEntry(review.getId(), code);
    assertThat(entry.getText()).contains("Verificar el tema del ticket", "Código:", code, "Asunto:", subject,
        "Solicitante:", "usuario1", "Prioridad:", "Alta");
    assertThat(entry.findElements(By.cssSelector("[am-time-ago='task.due']"))).as("due time in the entry").isNotEmpty();
    assertThat(entry.findElement(By.cssSelector(".priority")).isDisplayed()).as("the bare task priority").isFalse();
    saveScreenshot("lista-tecnico-por-codigo");
    page.logout();

    page.login("usuario1");
    assertOffered(false, true);
    assertThat(driver.findElements(By.cssSelector("[cam-widget-header] li.app-switch"))).as("apps besides Tasklist")
        .isEmpty();
    driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Acceso no permitido"));
    assertThat(driver.findElement(By.tagName("body")).getText()).contains("Su usuario no tiene permiso para abrir esta página");
    page.click(By.linkText("Volver a Tasklist"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.task-filter")));
    page.logout();

    page.login("jefe");
    assertOffered(false, false);
    page.click(By.cssSelector("[cam-widget-header] li.app-switch a.dropdown-toggle"));
    assertThat(driver.findElements(By.cssSelector("[cam-widget-header] li.app-switch ul li a")))
        .extracting(a -> a.getAttribute("href")).singleElement().asString().contains("/app/cockpit/");
    page.logout();

    page.login("admin");
    assertOffered(true, true);
  }

  /** Waits until the custom script has its answers, then checks «Create task» and «Start process». */
  private void assertOffered(boolean createTask, boolean startProcess) {
    wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
        "return document.documentElement.classList.contains('mesa-permisos-consultados');"));
    assertThat(driver.findElement(By.cssSelector("li.create-task-action")).isDisplayed()).as("Create task")
        .isEqualTo(createTask);
    assertThat(driver.findElement(By.cssSelector("li.start-process-action")).isDisplayed()).as("Start process")
        .isEqualTo(startProcess);
  }

  @Test
  void theJefeReadsTheQuarterlyReportInTasklistAndReturnsItWithObservations() {
    ReportPeriod quarter = ReportQuarters.next();
    identity.setAuthentication("tecnico", List.of("tecnico-operativo"));
    String key;
    try {
      key = reports.request(Map.of("reportYear", (long) quarter.year(), "reportQuarter", (long) quarter.quarter()),
          "tecnico");
    } finally {
      identity.clearAuthentication();
    }
    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
    management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
    Task validate = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

    page.login("jefe");
    page.openFilter("Tareas de mis grupos");
    page.openTask(validate.getId());
    wait.until(d -> ReportQuarters.label(quarter).equals(page.fieldValue("Periodo")));
    assertThat(page.fieldValue("Cifras del informe")).contains("Tickets abiertos en el trimestre: 0");
    page.claim();
    // The observations appear only when the report is returned.
    assertThat(driver.findElements(fieldLabel("Observaciones"))).isEmpty();
    page.chooseRadio("¿Aprueba el informe?", "No, lo devuelvo con observaciones");
    page.type("Observaciones", "Incluir el detalle de los tickets escalados.");
    page.complete(validate.getId());

    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_CorrectReport");
    assertThat(runtime.getVariable(instance.getId(), "reportObservations"))
        .isEqualTo("Incluir el detalle de los tickets escalados.");
  }

  @Test
  void markupInTheDescriptionIsRefusedInSpanishAndNoTicketIsOpened() {
    String subject = "Intento con código " + UUID.randomUUID().toString().substring(0, 8);
    long instancesBefore = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();

    page.login("usuario1");
    page.openStartForm();
    page.chooseTopic(TOPIC_LABEL);
    page.type("Asunto", subject);
    page.type("Descripción", "Hola <script>alert(1)</script>");
    page.type("Ubicación", "Sede principal, piso 1");
    page.submitFormResponses(); // forget the requests so far
    page.clickStart();

    WebElement error = page.waitForNotification("no puede contener HTML");
    assertThat(page.submitFormResponses()).as("HTTP status of the start form submission").containsExactly(400);
    assertThat(error.getAttribute("class")).contains("danger");
    assertThat(error.getText()).contains("Descripción");
    // The dialog stays open with what the user typed, so they can correct it.
    assertThat(driver.findElements(By.cssSelector(".modal-dialog"))).isNotEmpty();

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
        .isEqualTo(instancesBefore);
    assertThat(runtime.createProcessInstanceQuery().variableValueEquals("subject", subject).count()).isZero();
  }

  /**
   * The equipment loan (README «Préstamo de equipos») through Tasklist's forms: {@code usuario1}
   * asks for two computers that leave the Institute; {@code tecnico} ticks two of the assets the
   * «Alistar» checklist offers from the task variable {@code assetOptions} (form-js {@code valuesKey}),
   * follows the hand-over form's templated link to the Formato para salida de equipos, records who
   * received them, and later ticks both in «Registrar la devolución», whose checklists are fed by
   * {@code outstandingAssets}. The asynchronous steps run as the job executor would (it is off in tests).
   */
  @Test
  void anEquipmentLoanWalksFromTheStartFormThroughTheExitFormToItsReturn() throws Exception {
    String subject = "Préstamo de portátiles " + UUID.randomUUID().toString().substring(0, 8);
    // The application's day (Bogotá), not the machine's: late in the evening they differ.
    LocalDate start = LocalDate.now(clock).plusDays(1);
    LocalDate end = start.plusDays(2);
    String series = String.format("%06d", Math.floorMod(System.nanoTime(), 1_000_000L));
    List<String> tags = List.of("BRW-" + series + "-1", "BRW-" + series + "-2", "BRW-" + series + "-3");
    for (String tag : tags) {
      assets.insert(new Asset(tag, AssetKind.COMPUTO, "Portátil de prueba", "Lenovo ThinkPad T14", "SN" + tag,
          "Almacén de sistemas", AssetState.DISPONIBLE, Instant.now()));
    }

    // 1. usuario1 asks for two computers with Tasklist's start form.
    page.login("usuario1");
    page.openStartForm();
    page.chooseTopic("Préstamo de equipos de cómputo");
    page.type("Asunto", subject);
    page.type("Descripción", "Dos portátiles para el taller de investigadores en la sede de la Secretaría.");
    page.choose("Tipo de identificación", "Cédula de ciudadanía");
    page.type("Número de identificación", "1012345678");
    page.type("Equipo(s) requerido(s)", "2 portátiles con cargador");
    page.type("Cantidad", "2");
    page.type("Lugar de uso", "Secretaría de Educación, auditorio del piso 3");
    page.typeDate("Fecha de inicio del préstamo", start);
    page.typeDate("Fecha de devolución", end);
    page.tick("El equipo saldrá de las instalaciones del Instituto");
    page.clickStart();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    page.waitForNotification("El proceso se inició correctamente.");

    ProcessInstance instance = instanceWithSubject(subject);
    String code = instance.getBusinessKey();
    assertThat(code).matches(BUSINESS_KEY);
    assertThat(runtime.getVariable(instance.getId(), "loanStart")).hasToString(start.toString());
    assertThat(runtime.getVariable(instance.getId(), "leavesInstitute")).isEqualTo(true);
    Task topicReview = onlyTask(instance, "Task_ReviewTopic");
    page.logout();

    // 2. tecnico confirms the topic and prepares the loan from the offered assets.
    confirmTopicAsTechnician(code, topicReview, "Alistar los equipos para el préstamo");

    Task prepare = onlyTask(instance, "Task_PrepareEquipment");
    openAndClaim(code, prepare);
    String chosenList = "Equipos que se prestan (placa)";
    // The checklist's options come from the task variable assetOptions (a Spin JSON array of {value, label}).
    List<String> offered = page.rerendering().until(d -> {
      List<String> labels = page.optionLabels(chosenList);
      return tags.stream().allMatch(tag -> labels.stream().anyMatch(l -> l.startsWith(tag + " — "))) ? labels : null;
    });
    String first = optionFor(offered, tags.get(0));
    String second = optionFor(offered, tags.get(1));
    assertThat(first).isEqualTo(tags.get(0) + " — Portátil de prueba, Lenovo ThinkPad T14 (serial SN" + tags.get(0) + ")");
    page.tick(chosenList, first);
    page.tick(chosenList, second);
    assertThat(page.checked(chosenList)).containsExactly(first, second);
    page.complete(prepare.getId());
    // Submitted as a list (a JSON array of the values) that the server took.
    assertThat(runtime.getVariable(instance.getId(), "chosenAssets")).isInstanceOfSatisfying(SpinJsonNode.class,
        chosen -> assertThat(chosen.elements()).extracting(SpinJsonNode::stringValue).containsExactly(tags.get(0), tags.get(1)));

    // 3. Reservation and exit form are asynchronous; then the hand-over form links to the PDF.
    runJob(instance, "Task_ReserveEquipment");
    assertThat(loans.find(code).orElseThrow().heldTags()).containsExactlyInAnyOrder(tags.get(0), tags.get(1));
    runJob(instance, "Task_GenerateExitForm");
    Task deliver = onlyTask(instance, "Task_DeliverEquipment");
    driver.navigate().refresh();
    page.openFilter("Tareas de mis grupos");
    page.openTask(deliver.getId());
    wait.until(d -> code.equals(page.fieldValue("Código del ticket")));
    assertThat(page.fieldValue("Placas de los equipos reservados")).isEqualTo(tags.get(0) + ", " + tags.get(1));
    String exitForm = "/api/tickets/" + code + "/documents/salida-de-equipos.pdf";
    WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//*[contains(@class,'fjs-form-field-text')]//a[normalize-space()='Descargar el Formato para salida de equipos (PDF)']")));
    assertThat(link.getDomAttribute("href")).as("the link as form-js templated it").isEqualTo(exitForm);
    // The link leads to /api, which asks for HTTP Basic (the Tasklist session does not reach it): the
    // browser then sends the technician's login, as here with the request's header.
    Map<String, Object> pdf = fetchInTheBrowser(link.getDomProperty("href"), "tecnico");
    assertThat(pdf).as("GET %s as tecnico", exitForm).containsEntry("status", 200L)
        .containsEntry("type", "application/pdf").containsEntry("head", "%PDF");
    assertThat(fetchInTheBrowser(link.getDomProperty("href"), null).get("status")).as("without a login").isEqualTo(401L);
    page.claim();
    page.type("Nombre de quien recibe los equipos", "María Fernanda Pérez");
    page.complete(deliver.getId());
    assertThat(loans.find(code).orElseThrow().state()).isEqualTo(LoanState.ACTIVO);

    // 4. «Préstamo entregado» starts the loan process; the requester verifies the ticket's solution.
    runJob(instance, "Event_LoanHandedOver");
    Task verify = onlyTask(instance, "Task_VerifySolution");
    assertThat(verify.getAssignee()).isEqualTo("usuario1");
    page.logout();
    page.login("usuario1");
    page.openFilter("Mis tareas");
    page.openTask(verify.getId());
    wait.until(d -> code.equals(page.fieldValue("Código del ticket")));
    page.chooseRadio("¿La solución es completa y satisfactoria?", "Sí");
    page.chooseRadio("Calificación (1 a 5)", "5 — Muy satisfecho");
    page.complete(verify.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .as("the ticket's process, closed").isZero();
    page.logout();

    // 5. tecnico records the return in the loan's own process (business key: the ticket's code).
    ProcessInstance loan = runtime.createProcessInstanceQuery().processDefinitionKey(LoanProcess.KEY)
        .processInstanceBusinessKey(code).singleResult();
    assertThat(loan).as("loan process of %s", code).isNotNull();
    Task registerReturn = onlyTask(loan, "Task_RegisterReturn");
    page.login("tecnico");
    page.openFilter("Tareas de mis grupos");
    page.openTask(registerReturn.getId());
    wait.until(d -> code.equals(page.fieldValue("Código del ticket")));
    assertThat(page.fieldValue("Equipos pendientes de devolución")).isEqualTo(tags.get(0) + ", " + tags.get(1));
    page.claim();
    String goodList = "Devueltos en buen estado";
    // Options from outstandingAssets: the two assets out, and nothing else.
    List<String> outstanding = page.rerendering().until(d -> {
      List<String> labels = page.optionLabels(goodList);
      return labels.size() == 2 ? labels : null;
    });
    assertThat(outstanding).containsExactly(first, second);
    assertThat(page.optionLabels("Devueltos con daño")).containsExactly(first, second);
    page.tick(goodList, first);
    page.tick(goodList, second);
    page.complete(registerReturn.getId());

    assertThat(loans.find(code).orElseThrow().state()).isEqualTo(LoanState.DEVUELTO);
    assertThat(assets.findAll(tags.subList(0, 2))).extracting(Asset::state).containsOnly(AssetState.DISPONIBLE);
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(loan.getId()).count())
        .as("the loan's process, ended").isZero();
  }

  /** Runs the job waiting at {@code activityId}, as the job executor (off in tests) would. */
  private void runJob(ProcessInstance instance, String activityId) {
    Job job = management.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
    assertThat(job).as("job at %s of %s", activityId, instance.getBusinessKey()).isNotNull();
    management.executeJob(job.getId());
  }

  /** The option of a checklist of assets that is asset {@code tag}: «TAG — description…». */
  private static String optionFor(List<String> labels, String tag) {
    return labels.stream().filter(l -> l.startsWith(tag + " — ")).findFirst()
        .orElseThrow(() -> new AssertionError("no option for " + tag + " in " + labels));
  }

  /**
   * GETs {@code url} from the page (same origin), with {@code user}'s HTTP Basic login or none;
   * returns the status, the Content-Type and the body's first four bytes.
   */
  @SuppressWarnings("unchecked")
  private Map<String, Object> fetchInTheBrowser(String url, String user) {
    String authorization = user == null ? null
        : "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return (Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript("""
        const [url, authorization, done] = arguments;
        fetch(url, {credentials: 'omit', headers: authorization ? {Authorization: authorization} : {}})
          .then(r => r.arrayBuffer().then(body => done({status: r.status, type: r.headers.get('Content-Type'),
              head: String.fromCharCode(...new Uint8Array(body.slice(0, 4)))})))
          .catch(e => done({error: String(e)}));""", url, authorization);
  }

  // ------------------------------------------------------------------------------ page steps

  // -------------------------------------------------------------------------------- helpers

  private ProcessInstance instanceWithSubject(String subject) {
    List<ProcessInstance> found = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .variableValueEquals("subject", subject).list();
    assertThat(found).as("process instances opened with subject «%s»", subject).hasSize(1);
    return found.get(0);
  }

  private void saveScreenshot(String testName) {
    try {
      page.screenshot(SCREENSHOTS,
          testName + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")), true);
    } catch (Exception e) {
      System.err.println("Could not save the browser screenshot: " + e);
    }
  }



  /** tecnico logs in and confirms the ticket's topic; his list then shows the task {@code next}. */
  private void confirmTopicAsTechnician(String code, Task topicReview, String next) {
    page.login("tecnico");
    page.openFilter("Tareas de mis grupos");
    openAndClaim(code, topicReview);
    page.chooseRadio("¿El incidente corresponde con el tema seleccionado?", "Sí");
    page.complete(topicReview.getId());
    wait.until(ExpectedConditions.visibilityOfElementLocated(taskInList(next)));
  }

  /** Opens the ticket's task, waits for its form to show the ticket, and claims it. */
  private void openAndClaim(String code, Task task) {
    page.openTask(task.getId());
    wait.until(d -> code.equals(page.fieldValue("Código del ticket")));
    page.claim();
  }

}
