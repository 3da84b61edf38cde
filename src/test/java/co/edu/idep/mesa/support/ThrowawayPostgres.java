package co.edu.idep.mesa.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A PostgreSQL server of the test's own, on a free port, that the test may stop and start: Debian's
 * cluster tools ({@code pg_createcluster}, {@code pg_ctlcluster}, {@code pg_dropcluster}), run as root
 * as CI runs. The shared server on 5432, which other builds use, is never touched. Without the tools
 * (or not as root) the test fails and says why: it is no test that may skip.
 */
public final class ThrowawayPostgres {

  private static final String USER = "postgres";

  private final String version;
  private final String name;
  private final int port;

  private ThrowawayPostgres(String version, String name, int port) {
    this.version = version;
    this.name = name;
    this.port = port;
  }

  /** Creates and starts a cluster named after {@code prefix} and this JVM, with an empty database {@code mesa}. */
  public static ThrowawayPostgres start(String prefix) {
    for (String tool : List.of("pg_createcluster", "pg_ctlcluster", "pg_dropcluster")) {
      if (!new File("/usr/bin/" + tool).canExecute()) {
        throw new IllegalStateException("This test stops a PostgreSQL server of its own and needs Debian's cluster "
            + "tools (/usr/bin/" + tool + " is missing): apt-get install postgresql-common postgresql");
      }
    }
    String[] versions = new File("/etc/postgresql").list();
    if (versions == null || versions.length == 0) {
      throw new IllegalStateException("No PostgreSQL server installed (/etc/postgresql is empty): apt-get install postgresql");
    }
    ThrowawayPostgres cluster = new ThrowawayPostgres(versions[0],
        prefix + "_" + ProcessHandle.current().pid(), freePort());
    cluster.run("pg_createcluster", cluster.version, cluster.name, "-p", Integer.toString(cluster.port), "--",
        "--auth=trust");
    // Should the JVM end without the test's own clean-up, no server is left running behind it.
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::dropQuietly));
    cluster.startServer();
    try (Connection c = DriverManager.getConnection(cluster.url("postgres"), USER, "");
        Statement s = c.createStatement()) {
      s.execute("create database mesa");
    } catch (SQLException e) {
      throw new IllegalStateException("The throw-away PostgreSQL on port " + cluster.port + " does not answer", e);
    }
    return cluster;
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  public void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> url("mesa"));
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> "");
  }

  /** Stops the server (fast shutdown: open sessions are ended, as in a restart or a fail-over). */
  public void stopServer() {
    run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "stop", "-m", "fast");
  }

  public void startServer() {
    run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start");
  }

  /** Stops the server if it runs and removes the cluster with its files. */
  public void drop() {
    run("pg_dropcluster", "--stop", version, name);
  }

  private void dropQuietly() {
    if (new File("/etc/postgresql/" + version + "/" + name).exists()) {
      try {
        drop();
      } catch (RuntimeException ignored) {
        // Best effort at JVM exit; drop() already ran when the test ended normally.
      }
    }
  }

  private void run(String... command) {
    List<String> line = new ArrayList<>(List.of(command));
    line.set(0, "/usr/bin/" + command[0]);
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
            + "; the cluster tools need root, as CI runs):\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not run " + command[0], e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command[0], e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port for a PostgreSQL server", e);
    }
  }
}
