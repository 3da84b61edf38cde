package co.edu.idep.mesa.accounts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.TicketRequests;
import co.edu.idep.mesa.support.WebappSession;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.spring.boot.starter.configuration.impl.custom.CreateAdminUserConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Profile {@code ldap} (issue 10, point 5): the staff log in with their directory account, through
 * {@code /api}, {@code /engine-rest} and the webapps, and the directory's groups are their Camunda
 * groups. The directory is UnboundID's, seeded from directory/idep.ldif like the embedded one, on a
 * free port; it counts the binds of each DN, which are the password checks. Failed logins go through
 * the same login throttle as with the database's users; clients pose at their own addresses through
 * X-Forwarded-For (the test profile trusts the loopback as a proxy).
 *
 * <p>The starter's first administrator is configured as the postgres profile does: with the
 * directory it is not created (the application would not even start if it were written).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.admin-user.id=admin", "camunda.bpm.admin-user.password=no-se-usa-con-el-directorio"})
@ActiveProfiles({"test", DirectoryLoginConfiguration.PROFILE})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DirectoryLoginTest {

  static final String WRONG = "equivocada";
  static final String NEWCOMER = "nuevo.tecnico";
  static final String NEWCOMER_DN = "uid=" + NEWCOMER + "," + TestDirectory.USERS;
  static final String NEWCOMER_PASSWORD = "Clave-Del-Directorio-7";
  static final String TECNICO_DN = "uid=tecnico," + TestDirectory.USERS;

  /** Simple binds per DN (lower case): each one is a password checked by the directory. */
  static final Map<String, AtomicInteger> BINDS = new ConcurrentHashMap<>();

  static final TestDirectory DIRECTORY = TestDirectory.start(AttributeStyle.LDAP,
      config -> config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
        @Override
        public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
          BINDS.computeIfAbsent(request.getRequest().getBindDN().toLowerCase(), dn -> new AtomicInteger())
              .incrementAndGet();
        }
      }));

  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry registry) {
    registry.add("mesa.directory.url", () -> DIRECTORY.properties.url());
  }

  @AfterAll
  static void stopTheDirectory() {
    DIRECTORY.close();
  }

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void theApiTakesTheDirectoryPasswordAndNothingElse() {
    String office = "198.51.100.40";
    assertThat(api.sendFrom(office, "GET", "/api/tickets", "tecnico", "demo", null).status()).isEqualTo(200);
    assertThat(api.sendFrom("198.51.100.41", "GET", "/api/tickets", "tecnico", WRONG, null).status()).isEqualTo(401);
    // An empty password would be an anonymous bind, which the directory accepts.
    assertThat(api.sendFrom("198.51.100.42", "GET", "/api/tickets", "tecnico", "", null).status()).isEqualTo(401);
    // The directory compares names regardless of case, the engine does not: "Tecnico" is not tecnico.
    assertThat(api.sendFrom("198.51.100.43", "GET", "/api/tickets", "Tecnico", "demo", null).status()).isEqualTo(401);
    assertThat(api.sendFrom("198.51.100.44", "GET", "/api/tickets", "nadie", "demo", null).status()).isEqualTo(401);
    // Roles come from the directory's groups: the audit trail is the head of office's.
    assertThat(api.sendFrom(office, "GET", "/api/audit?ticket=MDS-2026-000001", "tecnico", "demo", null).status())
        .isEqualTo(403);
    assertThat(api.sendFrom(office, "GET", "/api/audit?ticket=MDS-2026-000001", "jefe", "demo", null).status())
        .isEqualTo(200);
  }

  @Test
  void engineRestTakesTheDirectoryAccountToo() {
    assertThat(api.sendFrom("198.51.100.50", "GET", "/engine-rest/task", "tecnico", "demo", null).status()).isEqualTo(200);
    assertThat(api.sendFrom("198.51.100.51", "GET", "/engine-rest/task", "tecnico", WRONG, null).status()).isEqualTo(401);
    // The deployments are the administrators' (the directory's camunda-admin group), not the agents'.
    Reply asAdmin = api.sendFrom("198.51.100.50", "GET", "/engine-rest/deployment", "admin", "demo", null);
    assertThat(asAdmin.status()).isEqualTo(200);
    assertThat(asAdmin.json()).isNotEmpty();
    Reply asAgent = api.sendFrom("198.51.100.50", "GET", "/engine-rest/deployment", "tecnico", "demo", null);
    assertThat(asAgent.status()).isEqualTo(200);
    assertThat(asAgent.json()).isEmpty();
  }

  @Test
  void eachPersonReadsHisOwnAccountAndGroupsOnlyAdministratorsTheDirectory() throws Exception {
    Reply users = api.sendFrom("198.51.100.52", "GET", "/engine-rest/user", "tecnico", "demo", null);
    assertThat(users.status()).isEqualTo(200);
    assertThat(users.json().findValuesAsText("id")).containsExactly("tecnico");
    Reply other = api.sendFrom("198.51.100.52", "GET", "/engine-rest/user/jefe/profile", "tecnico", "demo", null);
    assertThat(other.status()).isIn(403, 404);
    Reply groups = api.sendFrom("198.51.100.52", "GET", "/engine-rest/group", "tecnico", "demo", null);
    assertThat(groups.json().findValuesAsText("id")).containsExactly("tecnico-operativo");
    Reply asAdmin = api.sendFrom("198.51.100.53", "GET", "/engine-rest/user", "admin", "demo", null);
    assertThat(asAdmin.json().findValuesAsText("id")).contains("tecnico", "jefe", "usuario1");
  }

  @Test
  void theWebappsTakeTheDirectoryAccount() {
    assertThat(new WebappSession(port).login("tasklist", "tecnico", "demo")).isEqualTo(200);
    assertThat(new WebappSession(port).login("cockpit", "tecnico", "demo")).isEqualTo(403);
    assertThat(new WebappSession(port).login("cockpit", "jefe", "demo")).isEqualTo(200);
    assertThat(new WebappSession(port).login("admin", "admin", "demo")).isEqualTo(200);
    assertThat(new WebappSession(port).login("tasklist", "goobi", WRONG)).isEqualTo(401);
  }

  @Test
  void aPersonOnlyTheDirectoryKnowsLogsInWithTheRolesOfHisGroups() throws LDAPException {
    String office = "198.51.100.60";
    assertThat(api.sendFrom("198.51.100.61", "GET", "/api/tickets", NEWCOMER, NEWCOMER_PASSWORD, null).status())
        .isEqualTo(401);
    try (LDAPConnection directory = DIRECTORY.admin()) {
      directory.add(new Entry(NEWCOMER_DN,
          new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
          new com.unboundid.ldap.sdk.Attribute("uid", NEWCOMER),
          new com.unboundid.ldap.sdk.Attribute("cn", "Nuevo Técnico"),
          new com.unboundid.ldap.sdk.Attribute("givenName", "Nuevo"),
          new com.unboundid.ldap.sdk.Attribute("sn", "Técnico"),
          new com.unboundid.ldap.sdk.Attribute("mail", "nuevo.tecnico@idep.edu.co"),
          new com.unboundid.ldap.sdk.Attribute("userPassword", NEWCOMER_PASSWORD)));
      directory.modify("cn=" + Roles.TECHNICIAN + ",ou=grupos," + TestDirectory.BASE,
          new Modification(ModificationType.ADD, "member", NEWCOMER_DN));
    }

    assertThat(api.sendFrom(office, "GET", "/api/tickets", NEWCOMER, NEWCOMER_PASSWORD, null).status()).isEqualTo(200);
    assertThat(identity.createGroupQuery().groupMember(NEWCOMER).list()).extracting(Group::getId)
        .containsExactly(Roles.TECHNICIAN);
    User newcomer = identity.createUserQuery().userId(NEWCOMER).singleResult();
    assertThat(newcomer.getFirstName()).isEqualTo("Nuevo");
    assertThat(newcomer.getLastName()).isEqualTo("Técnico");
    assertThat(newcomer.getEmail()).isEqualTo("nuevo.tecnico@idep.edu.co");
    // Nothing of the identity was written to the database: users, groups and members are the directory's.
    assertThat(jdbc.sql("select count(*) from ACT_ID_USER").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from ACT_ID_GROUP").query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from ACT_ID_MEMBERSHIP").query(Long.class).single()).isZero();

    // His group is a candidate group of the technical support tickets: he sees the task and claims it.
    Reply opened = api.post("/api/tickets", "usuario1", TicketRequests.support());
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    String code = opened.json().get("code").asText();
    String byKey = "/engine-rest/task?processInstanceBusinessKey=" + code;
    Reply his = api.sendFrom(office, "GET", byKey, NEWCOMER, NEWCOMER_PASSWORD, null);
    assertThat(his.json()).hasSize(1);
    assertThat(api.get(byKey, "web").json()).isEmpty();
    String task = his.json().get(0).get("id").asText();
    assertThat(api.sendFrom(office, "POST", "/engine-rest/task/" + task + "/claim", NEWCOMER,
        NEWCOMER_PASSWORD, "{\"userId\": \"" + NEWCOMER + "\"}").status()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(NEWCOMER);
  }

  @Test
  void repeatedWrongPasswordsAreThrottledBeforeTheDirectoryIsAsked() {
    String stranger = "203.0.113.70";
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    ClockUtil.setCurrentTime(Date.from(now));
    try {
      assertThat(api.sendFrom(stranger, "GET", "/api/tickets", "tecnico", WRONG, null).status()).isEqualTo(401);
      int binds = binds(TECNICO_DN);
      assertThat(binds).as("the wrong password was the directory's to judge").isPositive();

      // Too soon: refused on every door, even with the right password, which never reaches the directory.
      Reply tooSoon = api.sendFrom(stranger, "GET", "/api/tickets", "tecnico", "demo", null);
      assertThat(tooSoon.status()).isEqualTo(429);
      assertThat(tooSoon.header("Retry-After")).contains("1");
      assertThat(tooSoon.body()).contains("Hubo demasiados intentos fallidos");
      assertThat(api.sendFrom(stranger, "GET", "/engine-rest/task", "tecnico", "demo", null).status()).isEqualTo(429);
      assertThat(binds(TECNICO_DN)).isEqualTo(binds);

      // The delays double as with the database's users: 1 s, then 2 s.
      ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofSeconds(1))));
      assertThat(api.sendFrom(stranger, "GET", "/engine-rest/task", "tecnico", WRONG, null).status()).isEqualTo(401);
      assertThat(api.sendFrom(stranger, "GET", "/api/tickets", "tecnico", "demo", null).header("Retry-After"))
          .contains("2");

      // Elsewhere the owner is not kept out; after the delay, neither is the stranger's address.
      assertThat(api.sendFrom("198.51.100.71", "GET", "/api/tickets", "tecnico", "demo", null).status()).isEqualTo(200);
      ClockUtil.setCurrentTime(Date.from(now.plus(Duration.ofSeconds(3))));
      assertThat(api.sendFrom(stranger, "GET", "/api/tickets", "tecnico", "demo", null).status()).isEqualTo(200);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void aDirectoryThatDoesNotAnswerIsNoWrongPassword() throws LDAPException {
    String office = "198.51.100.80";
    DIRECTORY.stop();
    try {
      Reply down = api.sendFrom(office, "GET", "/api/tickets", "jefe", "demo", null);
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.header("Retry-After")).isPresent();
      assertThat(down.body()).contains("No se pudo comprobar su contraseña");
    } finally {
      DIRECTORY.restart();
    }
    // The outage counted for nothing: no delay for the account at that address.
    assertThat(api.sendFrom(office, "GET", "/api/tickets", "jefe", "demo", null).status()).isEqualTo(200);
  }

  @Test
  void theStartUpWroteNothingIntoTheDirectoryAndKeptTheGrantsInTheDatabase() {
    assertThat(context.getBeanNamesForType(CreateAdminUserConfiguration.class)).isEmpty();
    assertThat(identity.isReadOnly()).isTrue();
    // The grants per group are the database's (security/AuthorizationSetup), for the directory's groups.
    assertThat(jdbc.sql("select count(*) from ACT_RU_AUTHORIZATION where GROUP_ID_ = ?").param(Roles.TECHNICIAN)
        .query(Long.class).single()).isPositive();
    assertThat(identity.createGroupQuery().list()).extracting(Group::getId).containsAll(Roles.NAMES.keySet());
  }

  private static int binds(String dn) {
    AtomicInteger count = BINDS.get(dn.toLowerCase());
    return count == null ? 0 : count.get();
  }
}
