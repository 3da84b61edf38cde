package co.edu.idep.mesa.accounts.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.unboundid.ldap.sdk.LDAPBindException;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.ResultCode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The hand-over's temporary password: strong, set with "must change", new at every reveal, never logged. */
class PasswordResetTest {

  private TestDirectory ldap;
  private Directory directory;
  private DirectoryAccount account;
  private ListAppender<ILoggingEvent> logs;
  private Logger root;
  private Level rootLevel;

  @BeforeEach
  void createAnAccountAndWatchTheLogs() {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    ldap = TestDirectory.start();
    directory = ldap.directory;
    account = directory.create(AccountRequest.of("Andrea Salazar Paz", "CC", "52000111", "andrea@example.org",
        "3157778899", List.of("RED", "CORREO")), "MDS-2026-000030");
  }

  @AfterEach
  void stop() {
    ldap.close();
    root.detachAppender(logs);
    root.setLevel(rootLevel);
  }

  @Test
  void theTemporaryPasswordIsStrongAndTheDirectoryTakesItWithMustChange() throws Exception {
    assertThat(bind(account.dn(), "demo")).isEqualTo(ResultCode.INVALID_CREDENTIALS);

    String password = directory.resetPassword(account.loginName());

    assertThat(password).hasSizeGreaterThanOrEqualTo(14)
        .containsPattern("[A-Z]").containsPattern("[a-z]").containsPattern("[0-9]").containsPattern("[^A-Za-z0-9]")
        .doesNotContainPattern("[IlO0o1\\s\"'\\\\]");
    assertThat(bind(account.dn(), password)).isEqualTo(ResultCode.SUCCESS);
    assertThat(ldap.entry(account.dn()).getAttributeValue("pwdReset")).isEqualTo("TRUE");
    // Stored hashed, as a directory does.
    assertThat(ldap.entry(account.dn()).getAttributeValue("userPassword")).startsWith("{SSHA256}").doesNotContain(password);
  }

  @Test
  void aSecondRevealSetsAnotherPasswordAndTheFirstStopsWorking() throws Exception {
    String first = directory.resetPassword(account.loginName());
    String second = directory.resetPassword(" " + account.loginName() + " ");

    assertThat(second).isNotEqualTo(first);
    assertThat(bind(account.dn(), first)).isEqualTo(ResultCode.INVALID_CREDENTIALS);
    assertThat(bind(account.dn(), second)).isEqualTo(ResultCode.SUCCESS);
  }

  @Test
  void thePasswordIsInNoLogLine() {
    String password = directory.resetPassword(account.loginName());

    // The reset itself is logged (so the capture works), without the password.
    assertThat(logs.list).anySatisfy(event ->
        assertThat(event.getFormattedMessage()).contains(account.loginName()).contains("temporary password was set"));
    assertThat(logs.list).allSatisfy(event -> {
      assertThat(event.getFormattedMessage()).doesNotContain(password);
      assertThat(Arrays.toString(event.getArgumentArray())).doesNotContain(password);
      if (event.getThrowableProxy() != null) {
        assertThat(ThrowableProxyUtil.asString(event.getThrowableProxy())).doesNotContain(password);
      }
    });
    // Nor the personal data of the request.
    assertThat(logs.list).noneSatisfy(event -> assertThat(event.getFormattedMessage()).contains("52000111"));
  }

  @Test
  void anUnknownAccountGetsNoPassword() {
    assertThatThrownBy(() -> directory.resetPassword("no.existe"))
        .isInstanceOf(AccountNotFoundException.class)
        .hasMessage("No existe en el directorio una cuenta con ese nombre de usuario.");
    assertThatThrownBy(() -> directory.resetPassword("  ")).isInstanceOf(AccountNotFoundException.class);
  }

  private ResultCode bind(String dn, String password) throws Exception {
    try (LDAPConnection connection = new LDAPConnection("127.0.0.1", ldap.port)) {
      return connection.bind(dn, password).getResultCode();
    } catch (LDAPBindException e) {
      return e.getResultCode();
    }
  }
}
