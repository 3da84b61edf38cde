package co.edu.idep.mesa.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import co.edu.idep.mesa.support.ApplicationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist shows dates in Bogotá time (scripts/zona-horaria/zona-horaria.js) while the browser is
 * in Tokyo (UTC+9): a task created at 19:30 UTC on 5 March 2026 reads 14:30 that day, not 04:30 on
 * the 6th. Chromium's time zone is set with DevTools' Emulation.setTimezoneOverride.
 * Alone: {@code mvn test -Pci -Dtest=ZonaHorariaBrowserTest}.
 */
@Tag("browser")
@ApplicationTest
class ZonaHorariaBrowserTest {

  private static final String CHROME_BINARY = System.getProperty("browser.chrome.binary", "/usr/bin/chromium");
  private static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Instant CREATED = Instant.parse("2026-03-05T19:30:00Z");

  @LocalServerPort int port;
  @Autowired TaskService tasks;

  private ChromeDriver driver;
  private WebDriverWait wait;
  private Path userDataDir;
  private String taskId;

  @BeforeAll
  static void browserIsInstalled() {
    if (!Files.isExecutable(Path.of(CHROME_BINARY)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
      fail("Chromium or chromedriver missing (" + CHROME_BINARY + ", " + CHROMEDRIVER + ")");
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
  }

  @BeforeEach
  void openBrowser() throws IOException {
    userDataDir = Files.createTempDirectory("mesa-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROME_BINARY);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=es-CO",
        "--user-data-dir=" + userDataDir.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, TIMEOUT);
    driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
  }

  @AfterEach
  void cleanUp() throws IOException {
    if (driver != null) driver.quit();
    if (taskId != null) tasks.deleteTask(taskId, true);
    if (userDataDir != null) {
      try (var files = Files.walk(userDataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void tasklistShowsATasksCreationInBogotaTimeWhileTheBrowserIsInTokyo() {
    ClockUtil.setCurrentTime(Date.from(CREATED));
    try {
      Task task = tasks.newTask();
      task.setName("Tarea de la zona horaria");
      task.setAssignee("tecnico");
      tasks.saveTask(task);
      taskId = task.getId();
    } finally {
      ClockUtil.reset();
    }

    driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
    WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("form[name=signinForm] input[type=text]")));
    username.sendKeys("tecnico");
    driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(90))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.task-filter")));

    // The browser is in Tokyo: its own clock and Tasklist's footer say so.
    assertThat(((JavascriptExecutor) driver).executeScript(
        "return Intl.DateTimeFormat().resolvedOptions().timeZone")).isEqualTo("Asia/Tokyo");
    assertThat(((JavascriptExecutor) driver).executeScript(
        "return new Date(Date.UTC(2026, 2, 5, 19, 30)).getHours()")).isEqualTo(4L);

    By filter = By.xpath("//div[contains(@class,'task-filter')][.//h4[contains(@class,'name')]/a[normalize-space(text())='Mis tareas']]");
    wait.until(ExpectedConditions.elementToBeClickable(filter)).click();
    By created = By.xpath("//ol[contains(@class,'tasks-list')]//li[.//a[contains(@href,'task=" + taskId
        + "')]]//span[contains(@class,'creation-date')]/span[@am-time-ago]");
    WebElement createdSpan = wait.until(ExpectedConditions.presenceOfElementLocated(created));
    wait.until(d -> createdSpan.getAttribute("uib-tooltip") != null && !createdSpan.getAttribute("uib-tooltip").isBlank());
    String tooltip = createdSpan.getAttribute("uib-tooltip");
    System.out.println("Creation tooltip shown in Tokyo: " + tooltip + " / relative: " + createdSpan.getText());
    assertThat(tooltip).isEqualTo("jueves, 5 de marzo de 2026, 14:30");

    // The same filter Tasklist uses everywhere (camDate): dates with an offset keep their instant,
    // a date and time without one is Bogotá's.
    Object shown = ((JavascriptExecutor) driver).executeScript("""
        const camDate = angular.element(document.body).injector().get('$filter')('camDate');
        return [camDate('2026-03-05T19:30:00.000+0000'), camDate('2026-07-01T00:00:00.000-0500'),
                camDate('2026-03-05T14:30:00'), camDate(Date.UTC(2026, 2, 5, 19, 30))];""");
    System.out.println("camDate in Tokyo: " + shown);
    assertThat(shown).asList().containsExactly("5 de marzo de 2026, 14:30", "1 de julio de 2026, 00:00",
        "5 de marzo de 2026, 14:30", "5 de marzo de 2026, 14:30");

    // Cockpit's and Admin's scripts import Tasklist's; loaded again here, it changes nothing.
    Object imported = ((JavascriptExecutor) driver).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        Promise.all(['cockpit', 'admin'].map(app => import('/camunda/app/' + app + '/scripts/zona-horaria/zona-horaria.js')))
          .then(() => done(angular.element(document.body).injector().get('$filter')('camDate')('2026-03-05T19:30:00.000+0000')))
          .catch(e => done('error: ' + e));""");
    assertThat(imported).isEqualTo("5 de marzo de 2026, 14:30");
  }
}
