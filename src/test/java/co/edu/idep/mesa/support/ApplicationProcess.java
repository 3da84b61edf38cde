package co.edu.idep.mesa.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application in a JVM of its own, started from the test JVM's class path, as a node that a
 * test can kill for real: {@link #kill()} is SIGKILL (on Linux, {@link Process#destroyForcibly()}),
 * so nothing of the application's runs after it, no shutdown hook, no pool close, no last flush.
 *
 * <p>It runs in a working directory of its own, so the default profile's relative paths (the H2 file
 * {@code ./data/mesa-de-servicios}, the directory's {@code ./data/directorio.ldif}) land there, as
 * they do for a newcomer who runs the jar. Its ports (HTTP, the embedded mail and directory servers)
 * are free ones, chosen once: a restarted node answers where it did. Its console goes to a file
 * under {@code target/application-process/}, appended at every start, not into the test's log.
 *
 * <pre>
 * try (ApplicationProcess node = ApplicationProcess.defaultProfile("crash-h2").start()) {
 *   new ApiClient(node.port())...; node.kill(); node.start();
 * }
 * </pre>
 */
public final class ApplicationProcess implements AutoCloseable {

  static final String MAIN_CLASS = "co.edu.idep.mesa.MesaDeServiciosApplication";
  static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("mesa.test.node-start-seconds", 180));

  private final String name;
  private final Path workDir;
  private final Path log;
  private final int port;
  private final Map<String, String> properties = new LinkedHashMap<>();
  // Several nodes and the test JVM share a small machine: a bounded heap, and no parallel GC threads.
  private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx768m", "-XX:+UseSerialGC"));
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;

  private ApplicationProcess(String name, Path workDir) {
    this.name = name;
    this.workDir = workDir;
    this.log = Paths.get("target", "application-process", name + ".log").toAbsolutePath();
    this.port = freePort();
    property("server.port", port);
  }

  /**
   * The embedded default, as a newcomer runs it: no profile, the H2 file in the working directory (a
   * fresh temporary one), demo users, the job executor and the mail sender on, the embedded mail
   * server and directory on free ports. Only the ports differ from {@code application.yaml}.
   */
  public static ApplicationProcess defaultProfile(String name) {
    ApplicationProcess node = new ApplicationProcess(name, temporaryDirectory(name));
    int smtp = freePort();
    node.property("mesa.mail.embedded-server.smtp-port", smtp)
        .property("mesa.mail.embedded-server.imap-port", freePort())
        .property("spring.mail.port", smtp);
    int ldap = freePort();
    node.property("mesa.directory.embedded-server.port", ldap)
        .property("mesa.directory.url", "ldap://127.0.0.1:" + ldap);
    return node;
  }

  /**
   * The production profile's database settings ({@code postgres}) on {@code database}, with the demo
   * users (password {@code demo}, administrator {@code admin}), the job executor and the mail sender
   * on; mail goes to an embedded mail server of the node's own on free ports (no directory).
   */
  public static ApplicationProcess postgres(String name, PostgresDatabase database) {
    ApplicationProcess node = new ApplicationProcess(name, temporaryDirectory(name));
    int smtp = freePort();
    return node.property("spring.profiles.active", "postgres")
        .property("spring.datasource.url", database.url())
        .property("spring.datasource.username", PostgresDatabase.USER)
        .property("spring.datasource.password", "")
        .property("MESA_ADMIN_PASSWORD", "demo")
        .property("mesa.demo-users.enabled", true)
        .property("mesa.demo-users.password", "demo")
        .property("mesa.mail.embedded-server.enabled", true)
        .property("mesa.mail.embedded-server.smtp-port", smtp)
        .property("mesa.mail.embedded-server.imap-port", freePort())
        .property("spring.mail.host", "127.0.0.1")
        .property("spring.mail.port", smtp)
        .property("spring.mail.properties.mail.smtp.auth", false)
        .property("spring.mail.properties.mail.smtp.starttls.enable", false)
        .property("spring.mail.properties.mail.smtp.starttls.required", false);
  }

  /** A Spring property for every start from now on (passed as {@code --key=value}). */
  public ApplicationProcess property(String key, Object value) {
    properties.put(key, String.valueOf(value));
    return this;
  }

  public ApplicationProcess jvmOption(String option) {
    jvmOptions.add(option);
    return this;
  }

  /** Starts the node and waits until {@code /actuator/health} says UP; fails with the log's tail if it dies first. */
  public ApplicationProcess start() {
    if (isAlive()) throw new IllegalStateException(name + " is running already");
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(applicationClassPath());
    command.add(MAIN_CLASS);
    properties.forEach((key, value) -> command.add("--" + key + "=" + value));
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "%n===== %s start: %s%n".formatted(name, java.time.Instant.now()), StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
      process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitHealthy();
    return this;
  }

  /** SIGKILL, and waits until the process is gone (its port and files are free again). */
  public void kill() {
    if (process == null) return;
    process.destroyForcibly();
    waitForEnd();
  }

  /** SIGTERM: Spring's orderly shutdown (pools closed, H2 compacted and closed). */
  public void stop() {
    if (process == null) return;
    process.destroy();
    waitForEnd();
  }

  /** After a {@link #kill()} or {@link #stop()}: the same node, same directory and ports, again. */
  public ApplicationProcess restart() {
    if (isAlive()) kill();
    return start();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** The node's working directory: the default profile keeps its H2 file under {@code data/} here. */
  public Path workDir() {
    return workDir;
  }

  /** A JDBC URL that opens the default profile's H2 file while the node is down. */
  public String h2Url() {
    return "jdbc:h2:file:" + workDir.resolve("data").resolve("mesa-de-servicios").toAbsolutePath();
  }

  public Path log() {
    return log;
  }

  /** Kills the node and removes its working folder (its H2 file, the demo directory's LDIF); the log stays. */
  @Override
  public void close() {
    kill();
    try {
      org.springframework.util.FileSystemUtils.deleteRecursively(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void waitForEnd() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) throw new IllegalStateException(name + " did not end in 60 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitHealthy() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
        .timeout(Duration.ofSeconds(5)).GET().build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " ended with " + process.exitValue() + " while starting:\n" + logTail());
      }
      try {
        HttpResponse<String> reply = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() == 200 && reply.body().contains("\"UP\"")) return;
      } catch (IOException notYet) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(250);
    }
    kill();
    throw new IllegalStateException(name + " was not UP after " + START_TIMEOUT + ":\n" + logTail());
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  /**
   * The test JVM's class path without the test classes: the application's main class scans its
   * packages, and would pick up the tests' own configurations there.
   */
  static String applicationClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.replace('\\', '/').endsWith("target/test-classes"))
        .map(entry -> Paths.get(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporaryDirectory(String name) {
    try {
      return Files.createTempDirectory("mesa-" + name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
