package co.edu.idep.mesa.accounts.directory;

import com.unboundid.ldap.listener.Base64PasswordEncoderOutputFormatter;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.listener.SaltedMessageDigestInMemoryPasswordEncoder;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The directory of the embedded default profile, so that account requests become accounts with
 * nothing else installed: UnboundID's in-memory LDAP server on the loopback address, with the base
 * DN, service account and groups of {@code mesa.directory.*}, seeded from {@code directory/idep.ldif}
 * (demo users and groups). It keeps its entries in {@code embedded-server.data-file} after every
 * change, before answering it, as H2 keeps the tickets: a node killed mid-provisioning keeps the
 * accounts its tickets say exist. Passwords are stored salted and hashed. Started with the application
 * context, before any job could provision an account; off in every other profile, which points
 * {@code mesa.directory.url} to the institute's directory.
 */
@Component
@ConditionalOnProperty(name = "mesa.directory.embedded-server.enabled", havingValue = "true")
public class EmbeddedDirectoryServer implements InitializingBean, DisposableBean {

  static final String SEED = "directory/idep.ldif";
  static final String SCHEMA = "directory/schema.ldif";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDirectoryServer.class);

  private final DirectoryProperties properties;
  private final DirectoryProperties.EmbeddedServer setup;
  private InMemoryDirectoryServer server;

  public EmbeddedDirectoryServer(DirectoryProperties properties) {
    this.properties = properties;
    this.setup = properties.embeddedServer();
  }

  /**
   * Makes every answer wait {@code delay}: longer than {@code mesa.directory.response-timeout}, the
   * directory "does not answer", as a real one that is down or overloaded, and the provisioning job
   * retries and then shows an incident. Zero answers at once again.
   */
  public void setResponseDelay(java.time.Duration delay) {
    if (server != null) server.setProcessingDelayMillis(delay.toMillis());
  }

  /** Where it listens, once started: with {@code port: 0} (tests), a free port of its own. */
  public Optional<String> url() {
    return server == null ? Optional.empty() : Optional.of("ldap://" + setup.host() + ":" + server.getListenPort());
  }

  @Override
  public void afterPropertiesSet() throws Exception {
    // A second instance on this machine, say: the help desk runs on, the provisioning waits.
    if (!free(setup.host(), setup.port())) {
      log.warn("The embedded directory did not start: {}:{} is taken (another instance?)", setup.host(), setup.port());
      return;
    }
    Path data = dataFile();
    server = start(properties, setup.host(), setup.port(), data,
        data == null ? config -> {} : config -> config.addInMemoryOperationInterceptor(new KeepEntries()));
    log.info("Embedded directory: ldap://{}:{}, base {}, {} entries (bind: {}, password: the demo one)", setup.host(),
        server.getListenPort(), properties.baseDn(), server.countEntries(), properties.bindDn());
  }

  /**
   * An in-memory directory listening on {@code host:port} (0: any free port), loaded from {@code data}
   * when it exists, else from the seed LDIF.
   */
  static InMemoryDirectoryServer start(DirectoryProperties properties, String host, int port, Path data)
      throws LDAPException, IOException, LDIFException, NoSuchAlgorithmException {
    return start(properties, host, port, data, config -> {});
  }

  /** The same, with {@code customizer} changing the configuration first (tests: schema, interceptors). */
  static InMemoryDirectoryServer start(DirectoryProperties properties, String host, int port, Path data,
      Consumer<InMemoryDirectoryServerConfig> customizer)
      throws LDAPException, IOException, LDIFException, NoSuchAlgorithmException {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(properties.baseDn());
    config.addAdditionalBindCredentials(properties.bindDn(), properties.password());
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName(host), port, null));
    config.setSchema(schema());
    // Like a real directory: nothing to read or change without logging in first.
    config.setAuthenticationRequiredOperationTypes(OperationType.ADD, OperationType.COMPARE, OperationType.DELETE,
        OperationType.EXTENDED, OperationType.MODIFY, OperationType.MODIFY_DN, OperationType.SEARCH);
    // Salted SHA-256 for every password set, in the export file too; "demo" of the seed is clear text.
    config.setPasswordEncoders(new SaltedMessageDigestInMemoryPasswordEncoder("{SSHA256}",
        Base64PasswordEncoderOutputFormatter.getInstance(), MessageDigest.getInstance("SHA-256"), 8, true, true));
    customizer.accept(config);
    InMemoryDirectoryServer directory = new InMemoryDirectoryServer(config);
    if (data != null && Files.isRegularFile(data)) {
      directory.importFromLDIF(true, data.toFile());
    } else {
      try (InputStream seed = new ClassPathResource(SEED).getInputStream()) {
        directory.importFromLDIF(true, new LDIFReader(seed));
      }
    }
    directory.startListening();
    return directory;
  }

  /** UnboundID's standard schema, plus what the seed and the LDAP style write beyond it. */
  static Schema schema() throws IOException, LDIFException, LDAPException {
    try (InputStream addition = new ClassPathResource(SCHEMA).getInputStream()) {
      return Schema.mergeSchemas(Schema.getDefaultStandardSchema(), Schema.getSchema(addition));
    }
  }

  private Path dataFile() {
    return setup.dataFile() == null || setup.dataFile().isBlank() ? null : Path.of(setup.dataFile());
  }

  private static boolean free(String host, int port) {
    if (port == 0) return true;
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  /** The running server, or null if it did not start. */
  InMemoryDirectoryServer server() {
    return server;
  }

  @Override
  public void destroy() {
    if (server == null) return;
    keepEntries();
    server.shutDown(true);
  }

  /**
   * Writes every entry to the data file: to a file beside it first, then moved over it, so that a
   * node killed while writing leaves the previous version whole.
   */
  private synchronized void keepEntries() {
    Path data = dataFile();
    if (data == null || server == null) return;
    try {
      Path folder = data.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Path next = Files.createTempFile(folder, data.getFileName().toString(), ".tmp");
      server.exportToLDIF(next.toString(), true, true);
      Files.move(next, data, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | LDAPException e) {
      log.warn("The embedded directory could not keep its entries in {}: {}", data, e.getMessage());
    }
  }

  /** After each change that succeeded, and before its answer leaves: the entries go to the data file. */
  private class KeepEntries extends InMemoryOperationInterceptor {

    @Override
    public void processAddResult(InMemoryInterceptedAddResult result) {
      keptIfDone(result.getResult());
    }

    @Override
    public void processModifyResult(InMemoryInterceptedModifyResult result) {
      keptIfDone(result.getResult());
    }

    @Override
    public void processDeleteResult(InMemoryInterceptedDeleteResult result) {
      keptIfDone(result.getResult());
    }

    @Override
    public void processModifyDNResult(InMemoryInterceptedModifyDNResult result) {
      keptIfDone(result.getResult());
    }

    private void keptIfDone(LDAPResult result) {
      if (result.getResultCode() == ResultCode.SUCCESS) keepEntries();
    }
  }
}
