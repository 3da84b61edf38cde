package co.edu.idep.mesa.accounts.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.edu.idep.mesa.security.Roles;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded directory of the default profile, started as the application starts it, on free ports. */
class EmbeddedDirectoryServerTest {

  /** security/DemoUsers: id → the Camunda group it belongs to. */
  private static final Map<String, String> DEMO_USERS = Map.of("usuario1", Roles.REQUESTERS, "usuario2", Roles.REQUESTERS,
      "tecnico", Roles.TECHNICIAN, "sistemas", Roles.INFORMATION_SYSTEMS, "goobi", Roles.GOOBI_ENGINEER,
      "web", Roles.WEB_ENGINEER, "jefe", Roles.HEAD_OF_OFFICE, "admin", Roles.ADMIN);

  @TempDir
  Path data;

  private static EmbeddedDirectoryServer embedded(int port, String dataFile) throws Exception {
    DirectoryProperties defaults = TestDirectory.properties(AttributeStyle.LDAP, port);
    DirectoryProperties properties = new DirectoryProperties(defaults.url(), defaults.bindDn(), defaults.password(),
        defaults.baseDn(), defaults.usersDn(), defaults.groups(), defaults.style(), defaults.idNumberAttribute(),
        defaults.mustChangeAttribute(), defaults.mailDomain(), defaults.connectTimeout(), defaults.responseTimeout(),
        defaults.poolSize(), new DirectoryProperties.EmbeddedServer(true, "127.0.0.1", port, dataFile));
    EmbeddedDirectoryServer server = new EmbeddedDirectoryServer(properties);
    server.afterPropertiesSet();
    return server;
  }

  @Test
  void itHoldsTheDemoUsersWithTheDemoPasswordTheCamundaGroupsAndTheAccessGroups() throws Exception {
    EmbeddedDirectoryServer embedded = embedded(TestDirectory.freePort(), "");
    int port = embedded.server().getListenPort();
    try (LDAPConnection admin = new LDAPConnection("127.0.0.1", port, TestDirectory.ADMIN, "demo")) {
      for (Map.Entry<String, String> demo : DEMO_USERS.entrySet()) {
        String dn = "uid=" + demo.getKey() + "," + TestDirectory.USERS;
        SearchResultEntry user = admin.getEntry(dn);
        assertThat(user).as(dn).isNotNull();
        assertThat(user.getAttributeValue("mail")).isEqualTo(demo.getKey() + "@idep.edu.co");
        assertThat(admin.getEntry("cn=" + demo.getValue() + ",ou=grupos," + TestDirectory.BASE).getAttributeValues("member"))
            .as(demo.getValue()).contains(dn);
        try (LDAPConnection login = new LDAPConnection("127.0.0.1", port)) {
          assertThat(login.bind(dn, "demo").getResultCode()).isEqualTo(ResultCode.SUCCESS);
        }
      }
      assertThat(admin.getEntry("uid=usuario1," + TestDirectory.USERS).getAttributeValue("cn")).isEqualTo("Ana Rodríguez");
      for (Map.Entry<String, String> role : Roles.NAMES.entrySet()) {
        SearchResultEntry group = admin.getEntry("cn=" + role.getKey() + ",ou=grupos," + TestDirectory.BASE);
        assertThat(group).as(role.getKey()).isNotNull();
        assertThat(group.getAttributeValue("description")).isEqualTo(role.getValue());
      }
      for (String access : List.of(TestDirectory.RED, TestDirectory.VPN, TestDirectory.CORREO)) {
        assertThat(admin.getEntry(access).getObjectClassValues()).as(access).contains("groupOfNames");
      }
      assertThat(admin.getEntry(TestDirectory.USERS)).isNotNull();
    } finally {
      embedded.destroy();
    }
  }

  @Test
  void nothingIsReadWithoutLoggingIn() throws Exception {
    EmbeddedDirectoryServer embedded = embedded(0, "");
    try (LDAPConnection anonymous = new LDAPConnection("127.0.0.1", embedded.server().getListenPort())) {
      assertThatThrownBy(() -> anonymous.search(TestDirectory.BASE, SearchScope.SUB, "(uid=*)"))
          .isInstanceOf(LDAPSearchException.class)
          .satisfies(e -> assertThat(((LDAPSearchException) e).getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
    } finally {
      embedded.destroy();
    }
  }

  @Test
  void theAccountsCreatedAreKeptInTheDataFileBetweenRuns() throws Exception {
    Path file = data.resolve("sub/directorio.ldif");
    int port = TestDirectory.freePort();
    EmbeddedDirectoryServer first = embedded(port, file.toString());
    DirectoryProperties properties = TestDirectory.properties(AttributeStyle.LDAP, port);
    DirectoryConnections connections = new DirectoryConnections(properties);
    Directory directory = new Directory(properties, connections, new TemporaryPasswords());
    DirectoryAccount account = directory.create(AccountRequest.of("Laura Méndez", "CC", "1030507090",
        "laura@example.org", "3001112233", List.of("RED", "VPN")), "MDS-2026-000050");
    String password = directory.resetPassword(account.loginName());
    connections.destroy();
    first.destroy();

    assertThat(file).exists();
    // What the file keeps is hashed: neither the temporary password nor the demo one in clear text.
    assertThat(Files.readString(file)).doesNotContain(password).doesNotContainPattern("(?m)^userPassword: demo$");

    EmbeddedDirectoryServer second = embedded(port, file.toString());
    try (LDAPConnection admin = new LDAPConnection("127.0.0.1", port, TestDirectory.ADMIN, "demo")) {
      assertThat(admin.search(TestDirectory.BASE, SearchScope.SUB, Filter.createEqualityFilter("employeeNumber", "1030507090"))
          .getEntryCount()).isEqualTo(1);
      assertThat(admin.getEntry(TestDirectory.VPN).getAttributeValues("member")).contains(account.dn());
      try (LDAPConnection login = new LDAPConnection("127.0.0.1", port)) {
        assertThat(login.bind(account.dn(), password).getResultCode()).isEqualTo(ResultCode.SUCCESS);
        assertThat(login.bind("uid=tecnico," + TestDirectory.USERS, "demo").getResultCode()).isEqualTo(ResultCode.SUCCESS);
      }
    } finally {
      second.destroy();
    }
  }

  @Test
  void anAccountIsInTheDataFileAsSoonAsItIsCreatedWithoutAnOrderlyStop() throws Exception {
    Path file = data.resolve("directorio.ldif");
    int port = TestDirectory.freePort();
    EmbeddedDirectoryServer running = embedded(port, file.toString());
    DirectoryProperties properties = TestDirectory.properties(AttributeStyle.LDAP, port);
    DirectoryConnections connections = new DirectoryConnections(properties);
    try {
      DirectoryAccount account = new Directory(properties, connections, new TemporaryPasswords()).create(
          AccountRequest.of("Tomás Rincón", "CC", "1020304050", "tomas@example.org", "3004445566", List.of("RED")),
          "MDS-2026-000051");
      // No destroy(): as after a SIGKILL, what the next start reads is the file as it is now.
      InMemoryDirectoryServer next = EmbeddedDirectoryServer.start(properties, "127.0.0.1", 0, file);
      try {
        assertThat(next.getEntry(account.dn())).isNotNull();
        assertThat(next.getEntry(TestDirectory.RED).getAttributeValues("member")).contains(account.dn());
      } finally {
        next.shutDown(true);
      }
    } finally {
      connections.destroy();
      running.destroy();
    }
  }

  @Test
  void aTakenPortLeavesTheApplicationRunningWithoutIt() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      EmbeddedDirectoryServer embedded = embedded(taken.getLocalPort(), "");

      assertThat(embedded.server()).isNull();
      embedded.destroy();
    }
  }
}
