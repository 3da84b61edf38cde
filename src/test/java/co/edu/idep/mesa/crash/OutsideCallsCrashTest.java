package co.edu.idep.mesa.crash;

import static co.edu.idep.mesa.support.ApiClient.value;
import static org.assertj.core.api.Assertions.assertThat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.ApplicationProcess;
import co.edu.idep.mesa.support.TicketRequests;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFReader;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 14, point 3, for the outside calls: a node killed with SIGKILL in the middle of them sends
 * nothing twice and loses nothing, after a restart. Three calls: directory accounts (exactly one
 * account per ticket with exactly the groups asked for; no "juan.perez2" for a ticket whose job was
 * cut between the LDAP add and its commit, and ran again), Humano's vendor cases (each sent once),
 * and mail (each delivered, at most the one in flight twice).
 *
 * <p>The embedded directory would not do: it lives in the killed JVM, so the directory here is the test's own UnboundID server, seeded like the embedded one, and
 * the node (default profile, H2 file) points to it, as a node points to the institute's directory. It
 * answers every operation {@value #SLOW_MILLIS} ms late until the kill, so that each provisioning is
 * still in flight for a second after its entry appears.
 *
 * <p>A job locked by a dead node waits for its lock to expire (Camunda: 5 minutes) before another
 * acquisition takes it; the node here locks for {@value #LOCK_MILLIS} ms, so that the test takes about
 * a minute instead of six.
 */
@Tag("crash")
class OutsideCallsCrashTest {

  static final String BASE = "dc=idep,dc=edu,dc=co";
  static final String ADMIN = "cn=admin," + BASE;
  static final String USERS = "ou=usuarios," + BASE;
  static final Map<String, String> GROUPS = Map.of("RED", "cn=red,ou=grupos," + BASE, "VPN",
      "cn=vpn,ou=grupos," + BASE, "CORREO", "cn=correo,ou=grupos," + BASE);
  static final String MARKER = "Creada por la Mesa de Servicios, ticket ";
  static final int SLOW_MILLIS = 100;
  static final int LOCK_MILLIS = 15_000;
  static final int MAIL_TICKETS = 30;
  static final int VENDOR_TICKETS = 8;
  static final int VENDOR_DELAY_MILLIS = 4_000;
  static final java.util.regex.Pattern CODE_IN_SUBJECT = java.util.regex.Pattern.compile("\\[(MDS-\\d{4}-\\d+)\\]");
  static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile("<mesa\\.(\\d+)\\.[0-9a-f]+@.+>");
  /** Distinct first names and surnames: any "2"-suffixed login is a duplicate, never a namesake. */
  static final List<String> PEOPLE = List.of("Laura Gómez", "Carlos Pardo", "Diana Rincón", "Mateo Salazar",
      "Sofía Cárdenas", "Andrés Quiroga", "Valentina Osorio", "Felipe Ramírez", "Camila Betancur", "Jorge Moncada",
      "Paula Velandia", "Tomás Arbeláez");
  static final List<List<String>> ACCESSES = List.of(List.of("RED"), List.of("RED", "VPN"),
      List.of("RED", "CORREO"), List.of("RED", "VPN", "CORREO"));

  @Test
  void aNodeKilledWhileProvisioningAccountsLeavesOneAccountPerTicketWithItsGroups() throws Exception {
    int ldapPort = freePort();
    InMemoryDirectoryServer directory = directory(ldapPort);
    try (ApplicationProcess node = ApplicationProcess.defaultProfile("crash-outside")
        .property("mesa.directory.embedded-server.enabled", false)
        .property("mesa.directory.url", "ldap://127.0.0.1:" + ldapPort)
        .property("camunda.bpm.job-execution.lock-time-in-millis", LOCK_MILLIS)) {
      node.start();
      ApiClient api = new ApiClient(node.port());

      // Every request waits for the technician's review: tickets and their topic review first.
      Map<String, Request> requests = new LinkedHashMap<>();
      for (int i = 0; i < PEOPLE.size(); i++) {
        Request request = new Request(PEOPLE.get(i), String.valueOf(1_012_000_100L + i), ACCESSES.get(i % ACCESSES.size()));
        Map<String, Object> body = TicketRequests.account();
        body.put("fullName", request.name());
        body.put("idNumber", request.idNumber());
        body.put("accesses", request.accesses());
        Reply registered = api.post("/api/tickets", "usuario1", body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String code = registered.json().get("code").asText();
        api.complete(code, "Task_ReviewTopic", "tecnico", Map.of("topicMatches", value(true, "Boolean")));
        requests.put(code, request);
      }

      // The approvals make the provisioning jobs due; the slow directory keeps them in flight.
      directory.setProcessingDelayMillis(SLOW_MILLIS);
      // Contractors: the technician records when the contract ends.
      String contractEnd = java.time.LocalDate.now().plusMonths(6).toString();
      for (String code : requests.keySet()) {
        api.complete(code, "Task_ReviewAccountRequest", "tecnico", Map.of("accountApproved", value(true, "Boolean"),
            "contractEnd", value(contractEnd, "String")));
      }
      int atKill = awaitAccounts(directory, 1 + requests.size() / 4);
      int handedOverAtKill = handOverTasks(api).size();
      node.kill();
      directory.setProcessingDelayMillis(0);
      assertThat(handedOverAtKill).as("tickets provisioned before the kill: the kill landed mid-way")
          .isLessThan(requests.size());

      long restarted = System.nanoTime();
      node.restart();
      Map<String, String> handOver = awaitHandOver(api, requests.keySet());
      // Directory.create logs "completed for" when a job finds the entry an earlier attempt made.
      List<String> log = Files.readAllLines(node.log(), StandardCharsets.UTF_8);
      int lastStart = 0;
      for (int i = 0; i < log.size(); i++) if (log.get(i).contains("===== crash-outside start")) lastStart = i;
      long rerun = log.subList(lastStart, log.size()).stream().filter(line -> line.contains("completed for MDS-")).count();
      System.out.printf("crash-outside: %d of %d accounts in the directory and %d tickets provisioned at the kill;"
          + " after the restart %d jobs completed an account made before the kill, all %d at the hand-over in %d s%n",
          atKill, requests.size(), handedOverAtKill, rerun, requests.size(), (System.nanoTime() - restarted) / 1_000_000_000L);

      Map<String, List<String>> members = members(ldapPort);
      List<SearchResultEntry> created = search(ldapPort, Filter.createANDFilter(
          Filter.createEqualityFilter("objectClass", "person"), Filter.createSubInitialFilter("description", MARKER)));
      assertThat(created).as("accounts the help desk created: one per ticket").hasSize(requests.size());
      for (Map.Entry<String, Request> ticket : requests.entrySet()) {
        String code = ticket.getKey();
        Request request = ticket.getValue();
        List<SearchResultEntry> own = search(ldapPort, Filter.createEqualityFilter("employeeNumber", request.idNumber()));
        assertThat(own).as("entries of the person of " + code).hasSize(1);
        SearchResultEntry account = own.get(0);
        String login = account.getAttributeValue("uid");
        assertThat(login).as("login of " + code).isEqualTo(request.expectedLogin());
        assertThat(account.getAttributeValue("description")).isEqualTo(MARKER + code);
        assertThat(handOver.get(code)).as("the login the hand-over shows for " + code).isEqualTo(login);
        Set<String> groups = new TreeSet<>();
        members.forEach((access, dns) -> {
          if (dns.stream().anyMatch(dn -> sameDn(dn, account.getDN()))) groups.add(access);
        });
        assertThat(groups).as("groups of " + code).isEqualTo(new TreeSet<>(request.accesses()));
        assertThat(account.hasAttribute("mail")).as("mailbox of " + code).isEqualTo(request.accesses().contains("CORREO"));
      }
      members.forEach((access, dns) -> assertThat(dns).as("members of " + access).doesNotHaveDuplicates());
      assertThat(api.get("/engine-rest/incident/count", "admin").json().get("count").asInt())
          .as("incidents after the restart").isZero();
    } finally {
      directory.shutDown(true);
    }
  }

  /**
   * osTicket's API takes no idempotency key: a node killed while the vendor's help desk is opening a
   * case must not send that case again after the restart, for the vendor may well have opened it. The
   * vendor is the test's own HTTP server, answering each case with its own number
   * {@value #VENDOR_DELAY_MILLIS} ms late until the kill, so that the kill cuts requests in flight.
   * After the restart every ticket's case was sent exactly once: those answered go on to the
   * follow-up with their number; those whose answer the kill lost wait for the contractor, who is
   * told to look for the case on the vendor's desk.
   */
  @Test
  void aNodeKilledWhileOpeningVendorCasesSendsNoCaseTwice() throws Exception {
    WireMockServer vendor = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    vendor.start();
    try (ApplicationProcess node = ApplicationProcess.defaultProfile("crash-vendor")
        .property("mesa.humano.osticket.url", vendor.baseUrl())
        .property("mesa.humano.osticket.api-key", "clave-de-prueba")
        .property("mesa.humano.osticket.timeout", "30s")
        .property("camunda.bpm.job-execution.lock-time-in-millis", LOCK_MILLIS)) {
      node.start();
      ApiClient api = new ApiClient(node.port());
      Map<String, String> numbers = new LinkedHashMap<>();
      for (int i = 0; i < VENDOR_TICKETS; i++) {
        Map<String, Object> body = TicketRequests.support();
        body.remove("location");
        body.put("topic", "SOPORTE_HUMANO");
        body.put("module", "Nómina");
        Reply registered = api.post("/api/tickets", "usuario1", body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String code = registered.json().get("code").asText();
        numbers.put(code, String.valueOf(700_100 + i));
        vendor.stubFor(post(urlEqualTo("/api/tickets.json")).withRequestBody(containing("[" + code + "]"))
            .willReturn(aResponse().withStatus(201).withBody(numbers.get(code))));
        api.complete(code, "Task_ReviewTopic", "sistemas", Map.of("topicMatches", value(true, "Boolean")));
      }
      vendor.setGlobalFixedDelay(VENDOR_DELAY_MILLIS);
      // The contractor cannot solve any of them: each one's case falls due for the vendor.
      for (String code : numbers.keySet()) {
        api.complete(code, "Task_EvaluateInformationSystem", "sistemas", Map.of("canResolve", value(false, "Boolean"),
            "evaluationNote", value("Error al liquidar la nómina.", "String")));
      }
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (casesSent(vendor).size() < 2 && System.nanoTime() < deadline) Thread.sleep(20);
      node.kill();
      Set<String> inFlight = Set.copyOf(casesSent(vendor).keySet());
      vendor.setGlobalFixedDelay(0);
      assertThat(inFlight).as("cases sent before the kill").hasSizeGreaterThanOrEqualTo(2);

      node.restart();
      Map<String, String> followUp = awaitAtTask(api, "Task_RecordHumanoVendorSolution", "providerReference", Set.of());
      Map<String, String> byHand = awaitAtTask(api, "Task_EscalateToHumanoVendor", "vendorCaseByHand", followUp.keySet());
      Map<String, Integer> sent = casesSent(vendor);
      System.out.printf("crash-vendor: %d cases in flight at the kill, %d sent in all; after the restart %d followed up"
          + " with the vendor's number, %d handed to the contractor%n", inFlight.size(), sent.size(), followUp.size(),
          byHand.size());

      assertThat(sent).as("cases sent per ticket").containsOnlyKeys(numbers.keySet()).allSatisfy((code, times) ->
          assertThat(times).as("cases sent for " + code).isEqualTo(1));
      assertThat(byHand.keySet()).as("tickets handed to the contractor: those whose answer the kill lost")
          .isEqualTo(inFlight);
      byHand.values().forEach(reason -> assertThat(reason).contains("no se sabe si lo abrió", "No se envió de nuevo"));
      followUp.forEach((code, reference) -> assertThat(reference).as("vendor's number of " + code)
          .isEqualTo(numbers.get(code)));
      assertThat(followUp.size() + byHand.size()).isEqualTo(numbers.size());
      assertThat(api.get("/engine-rest/incident/count", "admin").json().get("count").asInt())
          .as("incidents after the restart").isZero();
    } finally {
      vendor.stop();
    }
  }

  /** Ticket code → how many cases the vendor received for it (its code is in the subject). */
  private static Map<String, Integer> casesSent(WireMockServer vendor) {
    Map<String, Integer> sent = new java.util.TreeMap<>();
    for (var request : vendor.findAll(postRequestedFor(urlEqualTo("/api/tickets.json")))) {
      java.util.regex.Matcher code = CODE_IN_SUBJECT.matcher(request.getBodyAsString());
      assertThat(code.find()).as(request.getBodyAsString()).isTrue();
      sent.merge(code.group(1), 1, Integer::sum);
    }
    return sent;
  }

  /**
   * Once no case is left to open (up to 90 s): ticket code → the variable {@code variable} of each
   * ticket waiting at {@code taskKey}; none of them may be among {@code elsewhere}.
   */
  private static Map<String, String> awaitAtTask(ApiClient api, String taskKey, String variable, Set<String> elsewhere)
      throws InterruptedException {
    long deadline = System.nanoTime() + 90_000_000_000L;
    while (System.nanoTime() < deadline) {
      Reply jobs = api.get("/engine-rest/job/count?activityId=Task_OpenVendorTicket", "admin");
      assertThat(jobs.status()).as(jobs.body()).isEqualTo(200);
      if (jobs.json().get("count").asInt() == 0) break;
      Thread.sleep(500);
    }
    Reply tasks = api.get("/engine-rest/task?taskDefinitionKey=" + taskKey + "&maxResults=1000", "admin");
    assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
    Map<String, String> values = new java.util.TreeMap<>();
    for (JsonNode task : tasks.json()) {
      Reply instance = api.get("/engine-rest/process-instance/" + task.get("processInstanceId").asText(), "admin");
      Reply value = api.get("/engine-rest/task/" + task.get("id").asText() + "/variables/" + variable, "admin");
      String code = instance.json().get("businessKey").asText();
      assertThat(elsewhere).as(code + " at two tasks").doesNotContain(code);
      values.put(code, value.status() == 200 ? value.json().get("value").asText() : null);
    }
    return values;
  }

  /**
   * Mail is the one outside call that cannot be made idempotent from here: SMTP has no "already
   * got it". A node killed between the server's acceptance and the ENVIADO of that row sends it again
   * once its claim ({@code mesa.mail.claim-timeout}) runs out, with the same Message-ID. The sender is
   * one thread that sends one message at a time, so a kill repeats at most one message; every row is
   * delivered, and none is lost. The mail server is the test's GreenMail, which outlives the node.
   */
  @Test
  void aNodeKilledWhileSendingMailDeliversEveryMessageAndRepeatsAtMostOne() throws Exception {
    int smtpPort = freePort();
    GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    // The kill cuts an SMTP exchange: GreenMail's thread of that connection ends with "Connection
    // reset", expected here; counted, not printed with its stack trace. Anything else goes on as before.
    Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    java.util.concurrent.atomic.AtomicInteger cut = new java.util.concurrent.atomic.AtomicInteger();
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      if (thread.getName().startsWith("smtp:") && e.getCause() instanceof java.net.SocketException) {
        cut.incrementAndGet();
      } else if (before != null) {
        before.uncaughtException(thread, e);
      } else {
        thread.getThreadGroup().uncaughtException(thread, e);
      }
    });
    mail.start();
    try (ApplicationProcess node = ApplicationProcess.defaultProfile("crash-mail")
        .property("mesa.mail.embedded-server.enabled", false)
        .property("spring.mail.port", smtpPort)
        .property("mesa.mail.claim-timeout", "10s")
        .property("mesa.mail.sender.interval", "3s")) {
      node.start();
      ApiClient api = new ApiClient(node.port());
      // Registered at once: their mails fall due together, a burst for the sender to work through.
      Map<String, Object> support = TicketRequests.support();
      for (int i = 0; i < MAIL_TICKETS; i++) {
        Reply registered = api.post("/api/tickets", i % 2 == 0 ? "usuario1" : "usuario2", support);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
      }
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (mail.getReceivedMessages().length == 0 && System.nanoTime() < deadline) Thread.sleep(5);
      node.kill();
      Map<Long, Integer> beforeKill = deliveries(mail);
      assertThat(beforeKill).as("messages delivered before the kill").isNotEmpty();

      node.restart();
      awaitEmptyQueue(api);
      node.stop();
      Map<Long, String> rows = new LinkedHashMap<>();
      JdbcClient.create(new DriverManagerDataSource(node.h2Url(), "sa", ""))
          .sql("select id, state from mail_outbox order by id").query((rs, n) -> rows.put(rs.getLong(1), rs.getString(2)))
          .list();
      Map<Long, Integer> delivered = deliveries(mail);
      long twice = delivered.values().stream().filter(copies -> copies > 1).count();
      System.out.printf("crash-mail: %d outbox rows; %d delivered before the kill, %d SMTP exchanges cut by it;"
          + " after the restart %d delivered, %d of them twice: %s%n", rows.size(), beforeKill.size(), cut.get(),
          delivered.size(), twice, delivered.entrySet().stream().filter(e -> e.getValue() > 1).toList());

      assertThat(rows).as("outbox rows").isNotEmpty();
      assertThat(Set.copyOf(rows.values())).as("states of the outbox rows").containsOnly("ENVIADO");
      assertThat(delivered.keySet()).as("rows delivered").isEqualTo(rows.keySet());
      assertThat(delivered.values()).as("deliveries per row").allMatch(copies -> copies <= 2);
      assertThat(twice).as("rows delivered twice: at most the one in flight at the kill").isLessThanOrEqualTo(1);
    } finally {
      mail.stop();
      Thread.setDefaultUncaughtExceptionHandler(before);
    }
  }

  /**
   * Outbox row id → how often the mail server accepted it. GreenMail keeps one copy per recipient
   * of each delivery: the copies of a Message-ID divided by its recipients are its deliveries.
   */
  private static Map<Long, Integer> deliveries(GreenMail mail) throws Exception {
    Map<Long, Integer> copies = new java.util.TreeMap<>();
    Map<Long, Integer> recipients = new java.util.HashMap<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      java.util.regex.Matcher id = MESSAGE_ID.matcher(message.getMessageID());
      assertThat(id.matches()).as(message.getMessageID()).isTrue();
      long row = Long.parseLong(id.group(1));
      copies.merge(row, 1, Integer::sum);
      recipients.put(row, message.getAllRecipients().length);
    }
    copies.replaceAll((row, count) -> count / recipients.get(row));
    return copies;
  }

  private static void awaitEmptyQueue(ApiClient api) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      Reply pending = api.get("/api/outbox?state=PENDIENTE", "admin");
      Reply sending = api.get("/api/outbox?state=ENVIANDO", "admin");
      assertThat(pending.status()).as(pending.body()).isEqualTo(200);
      if (pending.json().isEmpty() && sending.json().isEmpty()) return;
      Thread.sleep(500);
    }
    throw new AssertionError("the outbox was not empty after 60 s");
  }

  /**
   * A directory like the embedded one (EmbeddedDirectoryServer): base, service account, schema and
   * seed of {@code src/main/resources/directory}.
   */
  private static InMemoryDirectoryServer directory(int port) throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.addAdditionalBindCredentials(ADMIN, "demo");
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), port, null));
    try (InputStream addition = new ClassPathResource("directory/schema.ldif").getInputStream()) {
      config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(addition)));
    }
    InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
    try (InputStream seed = new ClassPathResource("directory/idep.ldif").getInputStream()) {
      server.importFromLDIF(true, new LDIFReader(seed));
    }
    server.startListening();
    return server;
  }

  /** Waits until {@code count} accounts of the help desk are in the directory; how many there are then. */
  private static int awaitAccounts(InMemoryDirectoryServer directory, int count) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      // In the server's own memory, no connection to open: the kill must follow the add closely.
      int found = directory.search(USERS, SearchScope.ONE, Filter.createSubInitialFilter("description", MARKER))
          .getEntryCount();
      if (found >= count) return found;
      Thread.sleep(20);
    }
    throw new AssertionError("fewer than " + count + " accounts after 60 s");
  }

  /** Ticket code → the login its hand-over task shows, of every ticket waiting at the hand-over. */
  private static Map<String, String> handOverTasks(ApiClient api) {
    Reply tasks = api.get("/engine-rest/task?taskDefinitionKey=Task_HandOverCredentials&maxResults=1000", "admin");
    assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
    Map<String, String> logins = new LinkedHashMap<>();
    for (JsonNode task : tasks.json()) {
      String id = task.get("id").asText();
      Reply instance = api.get("/engine-rest/process-instance/" + task.get("processInstanceId").asText(), "admin");
      Reply login = api.get("/engine-rest/task/" + id + "/variables/accountUsername", "admin");
      logins.put(instance.json().get("businessKey").asText(), login.status() == 200 ? login.json().get("value").asText() : null);
    }
    return logins;
  }

  private static Map<String, String> awaitHandOver(ApiClient api, Set<String> codes) throws InterruptedException {
    long deadline = System.nanoTime() + 90_000_000_000L;
    Map<String, String> logins = Map.of();
    while (System.nanoTime() < deadline) {
      logins = handOverTasks(api);
      if (logins.keySet().containsAll(codes)) return logins;
      Thread.sleep(500);
    }
    Set<String> missing = new TreeSet<>(codes);
    missing.removeAll(logins.keySet());
    throw new AssertionError("not at the hand-over after 90 s: " + missing);
  }

  /** Over LDAP, bound as the service account the node uses. */
  private static List<SearchResultEntry> search(int port, Filter filter) throws Exception {
    try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port, ADMIN, "demo")) {
      return connection.search(BASE, SearchScope.SUB, filter, "*").getSearchEntries();
    }
  }

  /** Access → the values of its group's {@code member}, as stored, over LDAP. */
  private static Map<String, List<String>> members(int port) throws Exception {
    Map<String, List<String>> members = new java.util.TreeMap<>();
    try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port, ADMIN, "demo")) {
      for (Map.Entry<String, String> group : GROUPS.entrySet()) {
        members.put(group.getKey(), List.of(connection.getEntry(group.getValue(), "member").getAttributeValues("member")));
      }
    }
    return members;
  }

  private static boolean sameDn(String one, String other) {
    try {
      return new com.unboundid.ldap.sdk.DN(one).equals(new com.unboundid.ldap.sdk.DN(other));
    } catch (com.unboundid.ldap.sdk.LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** An account request: who, and what he asks for. */
  record Request(String name, String idNumber, List<String> accesses) {
    /** First name and surname, folded: the login of a person whose name nobody else has. */
    String expectedLogin() {
      String folded = java.text.Normalizer.normalize(name.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
          .replaceAll("\\p{M}", "");
      return folded.replace(' ', '.');
    }
  }
}
