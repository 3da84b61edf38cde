package co.edu.idep.mesa.cluster;

import co.edu.idep.mesa.MesaDeServiciosApplication;
import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.PostgresDatabase;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * One application node of a cluster in the test JVM: the whole application (its own Spring
 * context, web server on a free port, engine, job executor, connection pool and mail sender) on
 * the profiles {@code postgres,test}, on a database that other nodes share. Its engine calls itself
 * {@code name} in Camunda's job log ({@code ACT_HI_JOB_LOG.HOSTNAME_}), so a job shows which node
 * ran it. Demo users (password {@code demo}) as the other PostgreSQL tests have them.
 *
 * <p>The settings are command-line arguments, which outrank {@code application-test.yaml} (that
 * switches the job executor and the mail sender off for the other tests).
 */
final class ClusterNode implements AutoCloseable {

  final String name;
  final ConfigurableApplicationContext context;
  final int port;

  private ClusterNode(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /**
   * Starts node {@code name} on {@code database}; mail goes to 127.0.0.1:{@code smtpPort} every
   * {@code mailInterval}, or not at all when it is null. Nodes are started one after the other
   * (README "Two or more nodes").
   */
  static ClusterNode start(String name, PostgresDatabase database, int smtpPort, String mailInterval) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--spring.datasource.url=" + database.url(),
        "--spring.datasource.username=" + System.getProperty("mesa.test.postgres.user", "postgres"),
        "--spring.datasource.password=",
        "--mesa.demo-users.enabled=true",
        "--mesa.demo-users.password=demo",
        "--MESA_ADMIN_PASSWORD=demo",
        "--camunda.bpm.job-execution.enabled=true",
        // An idle job executor polls at most every second (60 s by default), so a test waits little.
        "--camunda.bpm.job-execution.wait-time-in-millis=200",
        "--camunda.bpm.job-execution.max-wait=1000",
        "--camunda.bpm.generic-properties.properties.hostname=" + name,
        "--mesa.mail.sender.enabled=" + (mailInterval != null),
        "--mesa.mail.sender.interval=" + (mailInterval == null ? "10s" : mailInterval),
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort,
        "--spring.mail.properties.mail.smtp.auth=false",
        "--spring.mail.properties.mail.smtp.starttls.enable=false",
        "--spring.mail.properties.mail.smtp.starttls.required=false",
        // The node greets the SMTP server with its name: the received message tells who sent it.
        "--spring.mail.properties.mail.smtp.localhost=" + name));
    ConfigurableApplicationContext context = new SpringApplicationBuilder(MesaDeServiciosApplication.class)
        .profiles("postgres", "test")
        .run(args.toArray(String[]::new));
    return new ClusterNode(name, context);
  }

  /** Stops the node's scheduled duties (the mail sender): what they would still do is no test's subject. */
  void stopScheduledDuties() {
    context.getBeanProvider(ScheduledTaskHolder.class).orderedStream()
        .forEach(holder -> holder.getScheduledTasks().forEach(ScheduledTask::cancel));
  }

  ApiClient api() {
    return new ApiClient(port);
  }

  ProcessEngine engine() {
    return context.getBean(ProcessEngine.class);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
