package co.edu.idep.mesa.accounts.directory;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.core.io.ClassPathResource;

/**
 * A directory for one test: UnboundID's in-memory server, seeded like the embedded one, on a free
 * loopback port (never 3389), reached over LDAP by a {@link Directory} built by hand.
 */
final class TestDirectory implements AutoCloseable {

  static final String BASE = "dc=idep,dc=edu,dc=co";
  static final String ADMIN = "cn=admin," + BASE;
  static final String PASSWORD = "demo";
  static final String USERS = "ou=usuarios," + BASE;
  static final String RED = "cn=red,ou=grupos," + BASE;
  static final String VPN = "cn=vpn,ou=grupos," + BASE;
  static final String CORREO = "cn=correo,ou=grupos," + BASE;

  final InMemoryDirectoryServer server;
  final int port;
  final DirectoryProperties properties;
  final Directory directory;
  private final DirectoryConnections connections;

  private TestDirectory(InMemoryDirectoryServer server, int port, DirectoryProperties properties) {
    this.server = server;
    this.port = port;
    this.properties = properties;
    this.connections = new DirectoryConnections(properties);
    this.directory = new Directory(properties, connections, new TemporaryPasswords());
  }

  /** The LDAP style, as on the default profile. */
  static TestDirectory start() {
    return start(AttributeStyle.LDAP, config -> {});
  }

  static TestDirectory start(AttributeStyle style, Consumer<InMemoryDirectoryServerConfig> customizer) {
    // A fixed free port, not 0: a test may stop the server and start it again on the same port.
    int port = freePort();
    DirectoryProperties properties = properties(style, port);
    try {
      Consumer<InMemoryDirectoryServerConfig> withSchema = config -> {
        if (style == AttributeStyle.AD) config.setSchema(activeDirectorySchema());
        customizer.accept(config);
      };
      return new TestDirectory(EmbeddedDirectoryServer.start(properties, "127.0.0.1", port, null, withSchema), port,
          properties);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static DirectoryProperties properties(AttributeStyle style, int port) {
    return new DirectoryProperties("ldap://127.0.0.1:" + port, ADMIN, PASSWORD, BASE, USERS,
        new DirectoryProperties.Groups(RED, VPN, CORREO), style, "employeeNumber", "pwdReset", "idep.edu.co",
        Duration.ofSeconds(2), Duration.ofSeconds(5), 2, new DirectoryProperties.EmbeddedServer(false, "127.0.0.1", 0, ""));
  }

  /** A new connection bound as the service account, for looking at what the directory holds. */
  LDAPConnection admin() throws LDAPException {
    return new LDAPConnection("127.0.0.1", port, ADMIN, PASSWORD);
  }

  List<SearchResultEntry> search(Filter filter) throws LDAPException {
    try (LDAPConnection connection = admin()) {
      return connection.search(BASE, SearchScope.SUB, filter, "*", "+").getSearchEntries();
    }
  }

  /** The person entries whose identification number is {@code idNumber}. */
  List<SearchResultEntry> people(String idNumber) throws LDAPException {
    return search(Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "person"),
        Filter.createEqualityFilter("employeeNumber", idNumber)));
  }

  SearchResultEntry entry(String dn) throws LDAPException {
    try (LDAPConnection connection = admin()) {
      return connection.getEntry(dn, "*", "+");
    }
  }

  /** The values of the group's member attribute, as stored. */
  List<String> members(String groupDn) throws LDAPException {
    return List.of(entry(groupDn).getAttributeValues("member"));
  }

  /** Stops answering, keeping the data, as a directory that went down. */
  void stop() {
    server.shutDown(true);
  }

  /** Answers again on the same port with the same data. */
  void restart() throws LDAPException {
    server.startListening();
  }

  @Override
  public void close() {
    connections.destroy();
    server.shutDown(true);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema activeDirectorySchema() {
    try (InputStream addition = new ClassPathResource("directory/ad-schema.ldif").getInputStream()) {
      return Schema.mergeSchemas(EmbeddedDirectoryServer.schema(), Schema.getSchema(addition));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
