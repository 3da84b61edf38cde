package co.edu.idep.mesa.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import co.edu.idep.mesa.support.ApplicationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13, «Mis tickets», in headless Chromium against the application, the walk end to end:
 * {@code usuario1} opens a ticket with Tasklist's start form and is told its code on the spot
 * (Tasklist's script {@code scripts/mis-tickets/}), follows the header's «Mis tickets» to his list,
 * finds the ticket and opens its page (timeline). {@code tecnico} types the code in Tasklist's search
 * (the script {@code scripts/mesa-lista/}), finds the one entry by code and subject, and works the
 * ticket through its forms: confirms the topic, evaluates the fault, records the solution. Then
 * {@code usuario1} follows «Pendiente de usted» from the ticket's page to his task, answers the
 * verification form, and finds the ticket «Cerrado» on its page, with the whole timeline. Both pages
 * pass axe-core's WCAG 2.0/2.1 A and AA rules, wide and at 375 px, where nothing scrolls sideways.
 * Someone not logged in who opens a ticket's page is sent to Tasklist's login, told why in Spanish,
 * and brought back after logging in.
 *
 * <p>Needs Debian's Chromium and chromedriver ({@link TasklistPage}, shared with
 * {@link TasklistBrowserTest}; tagged {@code browser}, runs with {@code -Pci}, never skips). A
 * screenshot of each step goes to {@code target/screenshots/}. Alone:
 * {@code mvn test -Pci -Dtest=MisTicketsBrowserTest}.
 */
@Tag("browser")
@ApplicationTest
class MisTicketsBrowserTest {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String CODE = "MDS-\\d{4}-\\d{6}";
  /** The rules of WCAG 2.0 and 2.1, levels A and AA, as axe-core tags them. */
  private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final int NARROW = 375;
  private static final String DIAGNOSIS = "El cable de poder del monitor está flojo.";
  private static final String SOLUTION = "Se ajustó el cable de poder del monitor.";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  private TasklistPage page;
  private WebDriver driver;
  private WebDriverWait wait;
  private String testName;
  private int step;

  @RegisterExtension
  final AfterTestExecutionCallback screenshotOnFailure = context -> {
    if (context.getExecutionException().isPresent() && page != null) screenshot("fallo");
  };

  @BeforeAll
  static void browserIsInstalled() {
    TasklistPage.requireBrowser();
  }

  @BeforeEach
  void openBrowser(TestInfo test) throws IOException {
    assertThat(ProcessEngines.getProcessEngines().get(engine.getName()))
        .as("engine «%s» seen by the webapps (another Spring context still open?)", engine.getName())
        .isSameAs(engine);
    testName = test.getTestMethod().orElseThrow().getName();
    step = 0;
    page = TasklistPage.open("http://localhost:" + port, false);
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

  @Test
  void aRequesterOpensATicketReadsItsCodeAndFollowsItInMisTickets() {
    String subject = "La pantalla se apaga sola " + UUID.randomUUID().toString().substring(0, 8);

    // 1. usuario1 opens a ticket with Tasklist's start form.
    page.login("usuario1");
    try {
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header] a.mis-tickets-enlace")));
    } catch (TimeoutException notLoaded) {
      fail("Tasklist shows no «Mis tickets» in its header: its scripts/config.js must list the custom script, "
          + "customScripts: ['scripts/mis-tickets/mis-tickets'] (README, «Mis tickets»)");
    }
    screenshot("tasklist");
    page.openStartForm();
    page.chooseTopic("Solicitud de Soporte Técnico");
    page.type("Asunto", subject);
    page.type("Descripción", "La pantalla del equipo se apaga cada pocos minutos.");
    page.type("Ubicación", "Sede principal, piso 3");
    screenshot("formulario-de-inicio");
    page.clickStart();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));

    // 2. He is told its code on the spot.
    WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector(".mis-tickets-aviso .mis-tickets-codigo")));
    String code = shown.getText();
    assertThat(code).matches(CODE);
    ProcessInstance instance = instanceWithSubject(subject);
    assertThat(instance.getBusinessKey()).isEqualTo(code);
    assertThat(driver.findElement(By.cssSelector(".mis-tickets-aviso")).getAttribute("role")).isEqualTo("status");
    assertThat(driver.findElement(By.cssSelector(".mis-tickets-aviso")).getText())
        .contains("Su ticket quedó registrado con el código " + code);
    screenshot("codigo-del-ticket");

    // 3. «Mis tickets» in Tasklist's header: his list, where the ticket is.
    page.click(By.cssSelector("[cam-widget-header] a.mis-tickets-enlace"));
    wait.until(ExpectedConditions.urlToBe(base() + "/mis-tickets"));
    WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("table.tickets tr[data-codigo='" + code + "']")));
    assertThat(row.getText()).contains(code, subject, "Solicitud de Soporte Técnico", "Asignado");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Mis tickets");
    screenshot("mis-tickets");
    assertNoAccessibilityViolations("la lista");
    atNarrowWidth(() -> {
      assertNothingScrollsSideways("la lista");
      screenshot("mis-tickets-375px");
      assertNoAccessibilityViolations("la lista a 375 px");
    });

    // 4. The ticket's page: its data and its timeline.
    page.click(By.linkText(code));
    wait.until(ExpectedConditions.urlToBe(base() + "/mis-tickets/" + code));
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains(code, subject);
    assertThat(driver.findElement(By.cssSelector("ol.historial")).getText())
        .contains("Registro del ticket", "Asignación");
    assertThat(driver.findElements(By.id("pendiente"))).as("nothing waits on him yet").isEmpty();
    screenshot("ticket");
    assertNoAccessibilityViolations("la página del ticket");

    // 5. tecnico finds the ticket in Tasklist by typing its code in the search box (the custom script
    // scripts/mesa-lista/ makes it a search by business key): one entry, with the code and the subject.
    // usuario1 goes back to Tasklist by the page's own link and logs out there.
    page.click(By.linkText("Tareas y nuevo ticket (Tasklist)"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.task-filter")));
    page.logout();
    page.login("tecnico");
    page.openFilter("Tareas de mis grupos");
    page.search(code);
    Task review = onlyTask(instance, "Task_ReviewTopic");
    WebElement entry = page.onlyEntry(review.getId(), code);
    assertThat(entry.getText()).contains("Verificar el tema del ticket", "Código:", code, "Asunto:", subject);
    screenshot("tecnico-busca-el-codigo");

    // 6. He works it through the forms: confirms the topic, evaluates the fault, records the solution.
    page.openTask(review.getId());
    wait.until(d -> code.equals(page.fieldValue("Código del ticket")));
    assertThat(page.fieldValue("Asunto")).isEqualTo(subject);
    page.claim();
    page.chooseRadio("¿El incidente corresponde con el tema seleccionado?", "Sí");
    screenshot("tecnico-confirma-el-tema");
    page.complete(review.getId());

    // The list, still searched by the code, shows the ticket's next step.
    Task evaluate = onlyTask(instance, "Task_EvaluateTechnicalSupport");
    assertThat(page.onlyEntry(evaluate.getId(), code).getText()).contains("Evaluar la falla reportada", subject);
    page.openTask(evaluate.getId());
    wait.until(d -> code.equals(page.fieldValue("Código del ticket")));
    page.claim();
    page.chooseRadio("¿La falla puede ser resuelta por el técnico operativo?", "Sí");
    page.type("Diagnóstico", DIAGNOSIS);
    screenshot("tecnico-evalua");
    page.complete(evaluate.getId());

    Task resolve = onlyTask(instance, "Task_ResolveTechnicalSupport");
    assertThat(page.onlyEntry(resolve.getId(), code).getText()).contains("Corregir, instalar o reparar", subject);
    page.openTask(resolve.getId());
    wait.until(d -> code.equals(page.fieldValue("Código del ticket")));
    assertThat(page.fieldValue("Diagnóstico registrado en la evaluación")).isEqualTo(DIAGNOSIS);
    page.claim();
    page.type("Solución aplicada", SOLUTION);
    screenshot("tecnico-registra-la-solucion");
    page.complete(resolve.getId());
    Task verify = onlyTask(instance, "Task_VerifySolution");
    assertThat(verify.getAssignee()).isEqualTo("usuario1");
    page.logout();

    // 7. The solution is ready: his ticket's page says what waits on him and links to his task in Tasklist.
    page.login("usuario1");
    driver.get(base() + "/mis-tickets/" + code);
    WebElement waiting = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.pendiente")));
    assertThat(waiting.getText()).contains("Pendiente de usted", "Verificar la solución");
    assertThat(driver.findElement(By.cssSelector("ol.historial")).getText())
        .contains("Tema confirmado", "Evaluación", "Solución", SOLUTION);
    screenshot("ticket-pendiente");
    page.scrollIntoView(driver.findElement(By.cssSelector("ol.historial")));
    screenshot("historial");
    assertNoAccessibilityViolations("la página del ticket con su tarea pendiente");
    atNarrowWidth(() -> {
      assertNothingScrollsSideways("la página del ticket");
      screenshot("ticket-375px");
      assertNoAccessibilityViolations("la página del ticket a 375 px");
    });

    WebElement taskLink = waiting.findElement(By.cssSelector("a.boton"));
    assertThat(taskLink.getAttribute("href")).endsWith("/camunda/app/tasklist/default/#/?task=" + verify.getId());
    page.click(By.cssSelector("section.pendiente a.boton"));
    page.waitForActiveTask(verify.getId());
    screenshot("tarea-en-tasklist");

    // 8. He answers the verification form: the solution is complete, and he rates it 5.
    wait.until(d -> code.equals(page.fieldValue("Código del ticket")));
    assertThat(page.fieldValue("Solución registrada")).isEqualTo(SOLUTION);
    page.chooseRadio("¿La solución es completa y satisfactoria?", "Sí");
    page.chooseRadio("Calificación (1 a 5)", "5 — Muy satisfecho");
    screenshot("respuesta-del-solicitante");
    page.complete(verify.getId());
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
        .as("the ticket's process, closed").isZero();

    // 9. Back on his ticket's page, by its link: Cerrado, with the whole timeline.
    driver.get(base() + "/mis-tickets/" + code);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("span.estado"), "Cerrado"));
    assertThat(driver.findElement(By.cssSelector("ol.historial")).getText())
        .contains("Registro del ticket", "Asignación", "Tema confirmado", "Evaluación", "Solución",
            "Respuesta del solicitante", "Cierre");
    assertThat(driver.findElements(By.id("pendiente"))).as("nothing waits on him any more").isEmpty();
    screenshot("ticket-cerrado");
    page.scrollIntoView(driver.findElement(By.cssSelector("ol.historial")));
    screenshot("historial-completo");
  }

  @Test
  void someoneNotLoggedInIsSentToTheLoginAndBroughtBack() {
    String code = openedAs("usuario1");

    driver.get(base() + "/mis-tickets/" + code);
    WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("form[name=signinForm] input[type=text]")));
    assertThat(driver.getCurrentUrl()).contains("/camunda/app/tasklist/default/").contains("volver=");
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".mis-tickets-aviso"))).getText())
        .contains("Inicie sesión en la Mesa de Servicios para ver sus tickets");
    screenshot("inicio-de-sesion");

    username.sendKeys("usuario1");
    driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();

    wait.until(ExpectedConditions.urlToBe(base() + "/mis-tickets/" + code));
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains(code);
    screenshot("de-vuelta-en-el-ticket");
  }

  // -------------------------------------------------------------------------------- helpers

  private String base() {
    return page.base();
  }

  private String openedAs(String user) {
    identity.setAuthentication(user, List.of("usuarios"));
    try {
      return runtime.startProcessInstanceByKey("mesa-de-servicios", Map.of("topic", "SOPORTE_TECNICO",
          "subject", "El teclado no responde", "description", "Varias teclas no responden.",
          "location", "Sede principal, piso 1")).getBusinessKey();
    } finally {
      identity.clearAuthentication();
    }
  }

  private Task onlyTask(ProcessInstance instance, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("task %s of %s", taskKey, instance.getBusinessKey()).isNotNull();
    return task;
  }

  private ProcessInstance instanceWithSubject(String subject) {
    List<ProcessInstance> found = runtime.createProcessInstanceQuery().processDefinitionKey("mesa-de-servicios")
        .variableValueEquals("subject", subject).list();
    assertThat(found).as("process instances opened with subject «%s»", subject).hasSize(1);
    return found.get(0);
  }

  /** Runs {@code checks} with the page laid out for a phone 375 px wide (Chromium's device emulation). */
  private void atNarrowWidth(Runnable checks) {
    ChromeDriver chrome = (ChromeDriver) driver;
    chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", NARROW, "height", 812, "deviceScaleFactor", 1, "mobile", true));
    try {
      wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth")).intValue() == NARROW);
      checks.run();
    } finally {
      chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
  }

  private void assertNothingScrollsSideways(String what) {
    Number width = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
    assertThat(width.intValue()).as("ancho de %s a %d px (document.documentElement.scrollWidth)", what, NARROW)
        .isLessThanOrEqualTo(NARROW);
  }

  /** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is: no violation. */
  private void assertNoAccessibilityViolations(String what) {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(axeSource());
    }
    Object violations = js.executeAsyncScript("""
        const [tags, done] = arguments;
        axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
          .then(result => done(result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
              + v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '')).join(' | '))))
          .catch(e => done(['axe failed: ' + e]));""", WCAG_AA);
    assertThat((List<?>) violations).as("axe-core %s en %s (%s)", WCAG_AA, what, driver.getCurrentUrl()).isEmpty();
  }

  private static String axe;

  /** axe.min.js from the webjar org.webjars.npm:axe-core (test scope). */
  private static synchronized String axeSource() {
    if (axe == null) {
      ClassLoader loader = MisTicketsBrowserTest.class.getClassLoader();
      try (InputStream pom = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
        assertThat(pom).as("the webjar org.webjars.npm:axe-core on the test classpath").isNotNull();
        Properties properties = new Properties();
        properties.load(pom);
        String path = "META-INF/resources/webjars/axe-core/" + properties.getProperty("version") + "/axe.min.js";
        try (InputStream script = loader.getResourceAsStream(path)) {
          assertThat(script).as(path).isNotNull();
          axe = new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return axe;
  }

  /** target/screenshots/{test}-{nn}-{what}.png: one per step, in order. */
  private void screenshot(String what) {
    try {
      page.screenshot(SCREENSHOTS, "%s-%02d-%s".formatted(testName, ++step, what), what.equals("fallo"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
