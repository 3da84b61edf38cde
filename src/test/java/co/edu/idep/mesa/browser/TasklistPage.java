package co.edu.idep.mesa.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist (and the pages it links to) in headless Chromium, as the browser tests drive it:
 * the driver's set-up and teardown, login and logout, the start form, filters, the search box, a
 * task's claim, its form-js fields (text, select, radio, checkbox, checklist, date) and completion,
 * and screenshots. One per test, built by {@link #open}; {@link #close} quits the browser.
 *
 * <p>Needs Chromium and chromedriver ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver};
 * override with {@code -Dbrowser.chrome.binary=…} and {@code -Dbrowser.chromedriver=…}); see
 * {@link #requireBrowser()}. Tasklist's own labels are Spanish (its {@code locales/es.json}).
 */
final class TasklistPage implements AutoCloseable {

  static final String CHROME_BINARY = System.getProperty("browser.chrome.binary", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  /**
   * Tasklist's first load after a login fetches every script and the locale again: on a busy CI
   * machine that took over 30 s once, so the login's wait is longer than the others.
   */
  static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(90);
  static final String PROCESS_NAME = "Mesa de Servicios";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final String base;
  private final Path userDataDir;

  private TasklistPage(WebDriver driver, String base, Path userDataDir) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, TIMEOUT);
    this.base = base;
    this.userDataDir = userDataDir;
  }

  /** Fails (never skips) when Chromium or chromedriver is missing; points Selenium at the driver. */
  static void requireBrowser() {
    if (!Files.isExecutable(Path.of(CHROME_BINARY))) {
      fail("Chromium not found at " + CHROME_BINARY + ": install it (Debian: apt-get install chromium "
          + "chromium-driver) or pass -Dbrowser.chrome.binary=/path/to/chromium. The browser tests never skip.");
    }
    if (!Files.isExecutable(Path.of(CHROMEDRIVER))) {
      fail("chromedriver not found at " + CHROMEDRIVER + ": install it (Debian: apt-get install chromium-driver) "
          + "or pass -Dbrowser.chromedriver=/path/to/chromedriver. The browser tests never skip.");
    }
    // Both paths are given, so Selenium Manager never looks for (or downloads) a browser or driver.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
  }

  /**
   * A fresh headless Chromium (its own profile, Spanish) for the application at {@code base}
   * ({@code http://localhost:PORT}). With {@code networkLog}, Chromium's network log is kept, for
   * {@link #submitFormResponses()}.
   */
  static TasklistPage open(String base, boolean networkLog) throws IOException {
    Path userDataDir = Files.createTempDirectory("mesa-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROME_BINARY);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-dev-shm-usage", "--window-size=1400,1000", "--lang=es-CO",
        "--user-data-dir=" + userDataDir.toAbsolutePath());
    if (networkLog) {
      LoggingPreferences logging = new LoggingPreferences();
      logging.enable(LogType.PERFORMANCE, Level.ALL);
      options.setCapability("goog:loggingPrefs", logging);
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(TIMEOUT);
    return new TasklistPage(driver, base, userDataDir);
  }

  /** Quits the browser and deletes its profile. */
  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(userDataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  WebDriver driver() {
    return driver;
  }

  WebDriverWait await() {
    return wait;
  }

  /** The application's root, {@code http://localhost:PORT}. */
  String base() {
    return base;
  }

  String tasklistUrl() {
    return base + "/camunda/app/tasklist/";
  }

  // ------------------------------------------------------------------------------ page steps

  void login(String user) {
    driver.get(tasklistUrl());
    WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("form[name=signinForm] input[type=text]")));
    username.clear();
    username.sendKeys(user);
    driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
    driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
    // Logged in: the filter list is there («Iniciar proceso» only for whom may start a process).
    new WebDriverWait(driver, LOGIN_TIMEOUT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("div.task-filter")));
  }

  void logout() {
    click(By.xpath("//*[@cam-widget-header]//a[contains(@class,'dropdown-toggle')][.//span[contains(@class,'glyphicon-user')]]"));
    click(By.cssSelector("[cam-widget-header] li.logout a"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm] input[type=text]")));
  }

  void openStartForm() {
    click(By.cssSelector(".start-process-action a"));
    click(By.xpath("//div[contains(@class,'modal-dialog')]//ul[contains(@class,'processes')]//a[normalize-space()='"
        + PROCESS_NAME + "']"));
    // The Camunda Form is rendered by form-js inside the dialog.
    wait.until(ExpectedConditions.visibilityOfElementLocated(fieldLabel("Tema de ayuda")));
  }

  void chooseTopic(String optionLabel) {
    WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(formField("Tema de ayuda")));
    scrollIntoView(field);
    field.findElement(By.cssSelector(".fjs-select-display")).click();
    click(By.xpath("//div[contains(@class,'modal-dialog')]//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='"
        + optionLabel + "']"));
    wait.until(ExpectedConditions.textToBePresentInElement(field.findElement(By.cssSelector(".fjs-select-display")),
        optionLabel));
  }

  void clickStart() {
    click(By.cssSelector(".modal-footer button[ng-click='startProcessInstance()']"));
  }

  void openFilter(String name) {
    By filter = By.xpath("//div[contains(@class,'task-filter')][.//h4[contains(@class,'name')]/a[normalize-space(text())='"
        + name + "']]");
    click(filter);
    wait.until(ExpectedConditions.attributeContains(filter, "class", "active"));
  }

  /**
   * Types {@code text} in Tasklist's search box and presses Enter. A ticket's code becomes a search
   * by business key (the custom script {@code scripts/mesa-lista/}).
   */
  void search(String text) {
    WebElement search = wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("[cam-widget-search] input.main-field")));
    search.sendKeys(text, Keys.ENTER);
  }

  /** Waits until the list shows exactly one entry, task {@code taskId}'s, and its text contains {@code code}. */
  WebElement onlyEntry(String taskId, String code) {
    By entries = By.cssSelector("ol.tasks-list li.task");
    wait.until(d -> d.findElements(entries).size() == 1 && !d.findElements(taskLink(taskId)).isEmpty());
    WebElement entry = driver.findElement(entries);
    wait.until(d -> entry.getText().contains(code));
    return entry;
  }

  void openTask(String taskId) {
    click(taskLink(taskId));
    waitForActiveTask(taskId);
  }

  /** Waits until task {@code taskId} is the one open (the list's active entry). */
  void waitForActiveTask(String taskId) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("ol.tasks-list li.task.active a[href*='task=" + taskId + "']")));
  }

  void claim() {
    click(By.cssSelector("button.claim"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.unclaim")));
    // The form becomes editable once the task is ours.
    wait.until(ExpectedConditions.elementToBeClickable(completeButton()));
  }

  void complete(String taskId) {
    click(completeButton());
    // Tasklist 7.24 shows no notification on success: it closes the task and reloads the list.
    wait.until(ExpectedConditions.invisibilityOfElementLocated(completeButton()));
    wait.until(ExpectedConditions.numberOfElementsToBe(taskLink(taskId), 0));
    assertThat(driver.findElements(By.cssSelector(".notifications .alert-danger")))
        .as("error notifications after completing the task").isEmpty();
  }

  /** The visible notification (Tasklist's growl or the dialog's panel) containing {@code text}. */
  WebElement waitForNotification(String text) {
    By notification = By.xpath("//*[contains(@class,'notifications')]//*[contains(@class,'alert')][contains(normalize-space(.),'"
        + text + "')]");
    return wait.until(ExpectedConditions.visibilityOfElementLocated(notification));
  }

  static By taskLink(String taskId) {
    return By.cssSelector("ol.tasks-list a[href*='task=" + taskId + "']");
  }

  static By taskInList(String taskName) {
    return By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[normalize-space()='"
        + taskName + "']");
  }

  static By completeButton() {
    return By.cssSelector(".form-actions button[ng-click='complete()']");
  }

  // ------------------------------------------------------------------------------ form fields

  /** Types into the form-js text field or text area whose label starts with {@code label}. */
  void type(String label, String text) {
    WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(fieldLabel(label)));
    WebElement input = driver.findElement(By.id(labelElement.getAttribute("for")));
    scrollIntoView(input);
    input.clear();
    input.sendKeys(text);
    assertThat(input.getAttribute("value")).as("value of «%s»", label).isEqualTo(text);
  }

  String fieldValue(String label) {
    WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(fieldLabel(label)));
    return driver.findElement(By.id(labelElement.getAttribute("for"))).getAttribute("value");
  }

  /** Chooses {@code optionLabel} in the form-js select whose label starts with {@code label}. */
  void choose(String label, String optionLabel) {
    WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(formField(label)));
    scrollIntoView(field);
    field.findElement(By.cssSelector(".fjs-select-display")).click();
    wait.until(d -> {
      List<WebElement> items = field.findElements(By.xpath(".//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='"
          + optionLabel + "']"));
      if (items.isEmpty()) return false;
      items.get(0).click();
      return true;
    });
    wait.until(ExpectedConditions.textToBePresentInElement(field.findElement(By.cssSelector(".fjs-select-display")),
        optionLabel));
  }

  void chooseRadio(String question, String optionLabel) {
    WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(formField(question)));
    String optionId = field.findElement(By.xpath(".//label[normalize-space()='" + optionLabel + "']")).getAttribute("for");
    click(By.id(optionId));
    wait.until(ExpectedConditions.elementSelectionStateToBe(By.id(optionId), true));
  }

  /** Ticks the form-js checkbox whose label starts with {@code label}. */
  void tick(String label) {
    WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(fieldLabel(label)));
    String id = labelElement.getAttribute("for");
    click(By.id(id));
    wait.until(ExpectedConditions.elementSelectionStateToBe(By.id(id), true));
  }

  /** Ticks option {@code optionLabel} of the form-js checklist {@code question}. */
  void tick(String question, String optionLabel) {
    chooseRadio(question, optionLabel); // found and clicked as a radio button's option
  }

  /** The labels of the ticked options of the form-js checklist {@code question}. */
  List<String> checked(String question) {
    WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(formField(question)));
    List<String> labels = new ArrayList<>();
    for (WebElement box : field.findElements(By.cssSelector("input[type=checkbox]"))) {
      if (box.isSelected()) {
        labels.add(field.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).getText().strip());
      }
    }
    return labels;
  }

  /** The labels of every option of the form-js checklist {@code question}, in the order shown. */
  List<String> optionLabels(String question) {
    WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(formField(question)));
    List<String> labels = new ArrayList<>();
    for (WebElement box : field.findElements(By.cssSelector("input[type=checkbox]"))) {
      labels.add(field.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).getText().strip());
    }
    return labels;
  }

  /**
   * Types {@code date} into the form-js date field whose label starts with {@code label}, as Tasklist
   * shows dates: form-js writes them in the browser's short numeric format (en-US: «12/2/2026», no
   * leading zeros), so a fixed «MM/dd/yyyy» would be reformatted for days and months below 10.
   */
  void typeDate(String label, LocalDate date) {
    WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(fieldLabel(label)));
    WebElement input = driver.findElement(By.id(labelElement.getAttribute("for")));
    scrollIntoView(input);
    String shown = date.format(DateTimeFormatter.ofPattern(browserDatePattern()));
    input.click();
    input.sendKeys(shown, Keys.ENTER);
    wait.until(ExpectedConditions.attributeToBe(input, "value", shown));
  }

  /** The date pattern form-js derives from the browser's locale (its datetime field, {@code Intl.DateTimeFormat}). */
  private String browserDatePattern() {
    return (String) ((JavascriptExecutor) driver).executeScript("""
        return new Intl.DateTimeFormat().formatToParts(new Date(Date.UTC(2020, 5, 5))).map(p =>
            p.type === 'day' ? 'd'.repeat(p.value.length) : p.type === 'month' ? 'M'.repeat(p.value.length)
            : p.type === 'year' ? 'y'.repeat(p.value.length) : p.value.replace(/[A-Za-z']+/g, "'$&'")).join('');""");
  }

  /** A wait that reads the form again while form-js re-renders it (after a claim, for one). */
  WebDriverWait rerendering() {
    WebDriverWait rerendering = new WebDriverWait(driver, TIMEOUT);
    rerendering.ignoring(StaleElementReferenceException.class);
    return rerendering;
  }

  /** The label of the form-js field {@code label} (its start) in the start dialog or the open task's form. */
  static By fieldLabel(String label) {
    return By.xpath("//div[contains(@class,'modal-dialog') or contains(@class,'task-details') or @cam-tasklist-form]"
        + "//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(),'" + label + "')]");
  }

  static By formField(String label) {
    return By.xpath("//div[contains(@class,'fjs-form-field')][./label[contains(@class,'fjs-form-field-label')]"
        + "[starts-with(normalize-space(),'" + label + "')]]");
  }

  // -------------------------------------------------------------------------------- browser

  /**
   * Scrolls the element to the middle of the window (Tasklist's fixed footer covers the bottom
   * edge), waits until it is clickable and clicks it; retries while Angular re-renders it.
   */
  void click(By locator) {
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

  void scrollIntoView(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /** HTTP statuses of the form submissions since the last call, from Chromium's network log (see {@link #open}). */
  List<Integer> submitFormResponses() {
    List<Integer> statuses = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      JsonNode message;
      try {
        message = JSON.readTree(entry.getMessage()).path("message");
      } catch (IOException notJson) {
        continue;
      }
      JsonNode response = message.path("params").path("response");
      if ("Network.responseReceived".equals(message.path("method").asText())
          && response.path("url").asText().endsWith("/submit-form")) {
        statuses.add(response.path("status").asInt());
      }
    }
    return statuses;
  }

  /**
   * Saves the window as {@code dir/stem.png} and, with {@code withSource}, the page's source as
   * {@code dir/stem.html}, and names the screenshot on stderr. Returns the screenshot's path.
   */
  Path screenshot(Path dir, String stem, boolean withSource) throws IOException {
    Files.createDirectories(dir);
    Path png = dir.resolve(stem + ".png");
    Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    if (withSource) {
      Files.writeString(dir.resolve(stem + ".html"), driver.getPageSource());
      System.err.println("Browser screenshot: " + png.toAbsolutePath() + " (URL " + driver.getCurrentUrl() + ")");
    }
    return png;
  }
}
