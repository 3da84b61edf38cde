package co.edu.idep.mesa.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import co.edu.idep.mesa.support.ApplicationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
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
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13, «Mis tickets», in headless Chromium against the application: {@code usuario1} opens a
 * ticket with Tasklist's start form and is told its code on the spot (Tasklist's script
 * {@code scripts/mis-tickets/}), follows the header's «Mis tickets» to his list, finds the ticket,
 * opens its page (timeline), and, once the solution is ready, follows «Pendiente de usted» to his
 * task in Tasklist. Both pages pass axe-core's WCAG 2.0/2.1 A and AA rules, wide and at 375 px, where
 * nothing scrolls sideways. Someone not logged in who opens a ticket's page is sent to Tasklist's
 * login, told why in Spanish, and brought back after logging in.
 *
 * <p>Needs Debian's Chromium and chromedriver, as {@link TasklistBrowserTest} (the same driver set-up;
 * tagged {@code browser}, runs with {@code -Pci}, never skips). A screenshot of each step goes to
 * {@code target/screenshots/}. Alone: {@code mvn test -Pci -Dtest=MisTicketsBrowserTest}.
 */
@Tag("browser")
@ApplicationTest
class MisTicketsBrowserTest {

  private static final String CHROME_BINARY = System.getProperty("browser.chrome.binary", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String CODE = "MDS-\\d{4}-\\d{6}";
  /** The rules of WCAG 2.0 and 2.1, levels A and AA, as axe-core tags them. */
  private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
  private static final int NARROW = 375;

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  private WebDriver driver;
  private WebDriverWait wait;
  private Path userDataDir;
  private String testName;
  private int step;

  @RegisterExtension
  final AfterTestExecutionCallback screenshotOnFailure = context -> {
    if (context.getExecutionException().isPresent() && driver != null) screenshot("fallo");
  };

  @BeforeAll
  static void browserIsInstalled() {
    if (!Files.isExecutable(Path.of(CHROME_BINARY))) {
      fail("Chromium not found at " + CHROME_BINARY + ": install it (Debian: apt-get install chromium "
          + "chromium-driver) or pass -Dbrowser.chrome.binary=/path/to/chromium. The browser tests never skip.");
    }
    if (!Files.isExecutable(Path.of(CHROMEDRIVER))) {
      fail("chromedriver not found at " + CHROMEDRIVER + ": install it (Debian: apt-get install chromium-driver) "
          + "or pass -Dbrowser.chromedriver=/path/to/chromedriver. The browser tests never skip.");
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
  }

  @BeforeEach
  void openBrowser(TestInfo test) throws IOException {
    assertThat(ProcessEngines.getProcessEngines().get(engine.getName()))
        .as("engine «%s» seen by the webapps (another Spring context still open?)", engine.getName())
        .isSameAs(engine);
    testName = test.getTestMethod().orElseThrow().getName();
    step = 0;
    userDataDir = Files.createTempDirectory("mesa-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROME_BINARY);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=es-CO",
        "--user-data-dir=" + userDataDir.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(TIMEOUT);
    wait = new WebDriverWait(driver, TIMEOUT);
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (driver != null) driver.quit();
    driver = null;
    if (userDataDir != null) {
      try (var files = Files.walk(userDataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  // ------------------------------------------------------------------------------------ tests

  @Test
  void aRequesterOpensATicketReadsItsCodeAndFollowsItInMisTickets() {
    String subject = "La pantalla se apaga sola " + UUID.randomUUID().toString().substring(0, 8);

    // 1. usuario1 opens a ticket with Tasklist's start form.
    login("usuario1");
    try {
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header] a.mis-tickets-enlace")));
    } catch (TimeoutException notLoaded) {
      fail("Tasklist shows no «Mis tickets» in its header: its scripts/config.js must list the custom script, "
          + "customScripts: ['scripts/mis-tickets/mis-tickets'] (README, «Mis tickets»)");
    }
    screenshot("tasklist");
    openStartForm();
    chooseTopic("Solicitud de Soporte Técnico");
    type("Asunto", subject);
    type("Descripción", "La pantalla del equipo se apaga cada pocos minutos.");
    type("Ubicación", "Sede principal, piso 3");
    screenshot("formulario-de-inicio");
    click(By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']"));
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
    click(By.cssSelector("[cam-widget-header] a.mis-tickets-enlace"));
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
    click(By.linkText(code));
    wait.until(ExpectedConditions.urlToBe(base() + "/mis-tickets/" + code));
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains(code, subject);
    assertThat(driver.findElement(By.cssSelector("ol.historial")).getText())
        .contains("Registro del ticket", "Asignación");
    assertThat(driver.findElements(By.id("pendiente"))).as("nothing waits on him yet").isEmpty();
    screenshot("ticket");
    assertNoAccessibilityViolations("la página del ticket");

    // 5. The solution is ready: the page says what waits on him and links to his task in Tasklist.
    completeAs("tecnico", "tecnico-operativo", instance, "Task_ReviewTopic", Map.of("topicMatches", true));
    completeAs("tecnico", "tecnico-operativo", instance, "Task_EvaluateTechnicalSupport", Map.of("canResolve", true));
    completeAs("tecnico", "tecnico-operativo", instance, "Task_ResolveTechnicalSupport",
        Map.of("solution", "Se ajustó el cable de poder del monitor."));
    Task verify = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_VerifySolution")
        .singleResult();
    assertThat(verify.getAssignee()).isEqualTo("usuario1");
    driver.navigate().refresh();
    WebElement waiting = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.pendiente")));
    assertThat(waiting.getText()).contains("Pendiente de usted", "Verificar la solución");
    assertThat(driver.findElement(By.cssSelector("ol.historial")).getText())
        .contains("Solución", "Se ajustó el cable de poder del monitor.");
    screenshot("ticket-pendiente");
    scrollIntoView(driver.findElement(By.cssSelector("ol.historial")));
    screenshot("historial");
    assertNoAccessibilityViolations("la página del ticket con su tarea pendiente");
    atNarrowWidth(() -> {
      assertNothingScrollsSideways("la página del ticket");
      screenshot("ticket-375px");
      assertNoAccessibilityViolations("la página del ticket a 375 px");
    });

    WebElement taskLink = waiting.findElement(By.cssSelector("a.boton"));
    assertThat(taskLink.getAttribute("href")).endsWith("/camunda/app/tasklist/default/#/?task=" + verify.getId());
    click(By.cssSelector("section.pendiente a.boton"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("ol.tasks-list li.task.active a[href*='task=" + verify.getId() + "']")));
    screenshot("tarea-en-tasklist");

    // 6. He answers (the form itself is walked in TasklistBrowserTest's loan walk): his page shows the
    // ticket closed, with the whole timeline.
    completeAs("usuario1", "usuarios", instance, "Task_VerifySolution",
        Map.of("satisfied", true, "satisfactionScore", 5L));
    driver.get(base() + "/mis-tickets/" + code);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("span.estado"), "Cerrado"));
    assertThat(driver.findElement(By.cssSelector("ol.historial")).getText())
        .contains("Registro del ticket", "Asignación", "Solución", "Respuesta del solicitante", "Cierre");
    assertThat(driver.findElements(By.id("pendiente"))).as("nothing waits on him any more").isEmpty();
    screenshot("ticket-cerrado");
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
    return "http://localhost:" + port;
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

  private void completeAs(String user, String group, ProcessInstance instance, String taskKey,
      Map<String, Object> variables) {
    Task task = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("task %s of %s", taskKey, instance.getBusinessKey()).isNotNull();
    identity.setAuthentication(user, List.of(group));
    try {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
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

  private void login(String user) {
    driver.get(base() + "/camunda/app/tasklist/");
    WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("form[name=signinForm] input[type=text]")));
    username.sendKeys(user);
    driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".start-process-action a")));
  }

  private void openStartForm() {
    click(By.cssSelector(".start-process-action a"));
    click(By.xpath("//div[contains(@class,'modal-dialog')]//ul[contains(@class,'processes')]"
        + "//a[normalize-space()='Mesa de Servicios']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(fieldLabel("Tema de ayuda")));
  }

  private void chooseTopic(String optionLabel) {
    WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(formField("Tema de ayuda")));
    scrollIntoView(field);
    field.findElement(By.cssSelector(".fjs-select-display")).click();
    click(By.xpath("//div[contains(@class,'modal-dialog')]//div[contains(@class,'fjs-dropdownlist-item')]"
        + "[normalize-space()='" + optionLabel + "']"));
    wait.until(ExpectedConditions.textToBePresentInElement(field.findElement(By.cssSelector(".fjs-select-display")),
        optionLabel));
  }

  private void type(String label, String text) {
    WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(fieldLabel(label)));
    WebElement input = driver.findElement(By.id(labelElement.getAttribute("for")));
    scrollIntoView(input);
    input.clear();
    input.sendKeys(text);
    assertThat(input.getAttribute("value")).as("value of «%s»", label).isEqualTo(text);
  }

  private static By fieldLabel(String label) {
    return By.xpath("//div[contains(@class,'modal-dialog')]//label[contains(@class,'fjs-form-field-label')]"
        + "[starts-with(normalize-space(),'" + label + "')]");
  }

  private static By formField(String label) {
    return By.xpath("//div[contains(@class,'fjs-form-field')][./label[contains(@class,'fjs-form-field-label')]"
        + "[starts-with(normalize-space(),'" + label + "')]]");
  }

  /** Clicks once clickable, retrying while Angular re-renders the element. */
  private void click(By locator) {
    new WebDriverWait(driver, TIMEOUT)
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementClickInterceptedException.class)
        .until(d -> {
          WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
          if (element == null) return false;
          scrollIntoView(element);
          element.click();
          return true;
        });
  }

  private void scrollIntoView(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /** target/screenshots/{test}-{nn}-{what}.png: one per step, in order. */
  private void screenshot(String what) {
    try {
      Files.createDirectories(SCREENSHOTS);
      String stem = "%s-%02d-%s".formatted(testName, ++step, what);
      Files.write(SCREENSHOTS.resolve(stem + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      if (what.equals("fallo")) {
        Files.writeString(SCREENSHOTS.resolve(stem + ".html"), driver.getPageSource());
        System.err.println("Browser screenshot: " + SCREENSHOTS.resolve(stem + ".png").toAbsolutePath()
            + " (URL " + driver.getCurrentUrl() + ")");
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
