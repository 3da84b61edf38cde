package co.edu.idep.mesa.accounts.directory;

import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.security.GeneralSecurityException;
import java.util.Set;
import javax.net.SocketFactory;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A small pool of connections to the directory, bound as the service account. It is opened at the
 * first use, not at startup: the help desk starts and works while the directory is down, and only
 * the provisioning waits (its job retries). Connections that broke meanwhile (the directory
 * restarted) are replaced and the operation tried once more.
 */
@Component
public class DirectoryConnections implements DisposableBean {

  /** Answers that mean "not now" rather than "no": the job retries. */
  private static final Set<ResultCode> UNAVAILABLE = Set.of(ResultCode.SERVER_DOWN, ResultCode.CONNECT_ERROR,
      ResultCode.TIMEOUT, ResultCode.BUSY, ResultCode.UNAVAILABLE);

  /** One operation on the pool; it may handle some LDAP answers itself and let the others through. */
  @FunctionalInterface
  public interface Work<T> {
    T on(LDAPConnectionPool pool) throws LDAPException;
  }

  private final DirectoryProperties properties;
  private final Supplier<String> url;
  private LDAPConnectionPool pool;

  public DirectoryConnections(DirectoryProperties properties) {
    this(properties, properties::url);
  }

  /** The embedded directory, where it runs, is reached where it listens (tests: a free port). */
  @Autowired
  public DirectoryConnections(DirectoryProperties properties, ObjectProvider<EmbeddedDirectoryServer> embedded) {
    this(properties, () -> Optional.ofNullable(embedded.getIfAvailable()).flatMap(EmbeddedDirectoryServer::url)
        .orElse(properties.url()));
  }

  private DirectoryConnections(DirectoryProperties properties, Supplier<String> url) {
    this.properties = properties;
    this.url = url;
  }

  /**
   * Runs {@code work}; what the directory answered that it did not handle becomes a
   * {@link DirectoryUnavailableException} (retry later) or a {@link DirectoryException}.
   */
  public <T> T call(Work<T> work) {
    try {
      return work.on(pool());
    } catch (LDAPException e) {
      throw translate(e);
    }
  }

  private synchronized LDAPConnectionPool pool() throws LDAPException {
    if (pool == null || pool.isClosed()) pool = open();
    return pool;
  }

  private LDAPConnectionPool open() throws LDAPException {
    LDAPURL url = new LDAPURL(this.url.get().strip());
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis(Math.toIntExact(properties.connectTimeout().toMillis()));
    options.setResponseTimeoutMillis(properties.responseTimeout().toMillis());
    SocketFactory sockets = SocketFactory.getDefault();
    if ("ldaps".equalsIgnoreCase(url.getScheme())) {
      // The JVM's trusted authorities, and the certificate must name the host.
      options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
      try {
        sockets = new SSLUtil(JVMDefaultTrustManager.getInstance()).createSSLSocketFactory();
      } catch (GeneralSecurityException e) {
        throw new DirectoryException("No se pudo preparar la conexión cifrada (ldaps) con el directorio.", e);
      }
    }
    SingleServerSet server = new SingleServerSet(url.getHost(), url.getPort(), sockets, options);
    LDAPConnectionPool opened = new LDAPConnectionPool(server,
        new SimpleBindRequest(properties.bindDn(), properties.password()), 1, properties.poolSize());
    opened.setConnectionPoolName("mesa-directory");
    opened.setRetryFailedOperationsDueToInvalidConnections(true);
    opened.setMaxWaitTimeMillis(properties.responseTimeout().toMillis());
    return opened;
  }

  private RuntimeException translate(LDAPException e) {
    ResultCode code = e.getResultCode();
    if (UNAVAILABLE.contains(code) || !code.isConnectionUsable()) {
      return new DirectoryUnavailableException("El directorio no responde (" + url.get()
          + "): se reintentará. Detalle: " + code, e);
    }
    if (code == ResultCode.INVALID_CREDENTIALS) {
      return new DirectoryException("El directorio rechazó la cuenta de servicio (mesa.directory.bind-dn y "
          + "MESA_DIRECTORY_PASSWORD).", e);
    }
    return new DirectoryException("El directorio rechazó la operación: " + code
        + (e.getDiagnosticMessage() == null ? "" : " (" + e.getDiagnosticMessage() + ")") + ".", e);
  }

  @Override
  public synchronized void destroy() {
    if (pool != null) pool.close();
  }
}
