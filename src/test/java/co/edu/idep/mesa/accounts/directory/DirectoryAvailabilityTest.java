package co.edu.idep.mesa.accounts.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A directory that is down, or goes down half-way, makes the provisioning fail in a way the job
 * retries; once it is back, the retry leaves exactly one account with each group once.
 */
class DirectoryAvailabilityTest {

  private static final String TICKET = "MDS-2026-000020";
  private static final AccountRequest REQUEST = AccountRequest.of("Valentina Mora Díaz", "CC", "1020304050",
      "vmora@example.org", "310 555 0000", List.of("RED", "VPN", "CORREO"));

  @Test
  void theApplicationSideStartsWithoutADirectoryAndEachCallSaysItIsUnavailable() {
    DirectoryProperties nowhere = TestDirectory.properties(AttributeStyle.LDAP, TestDirectory.freePort());
    // Nothing connects until the first call: the application starts with the directory down.
    Directory directory = new Directory(nowhere, new DirectoryConnections(nowhere), new TemporaryPasswords());

    assertThatThrownBy(() -> directory.create(REQUEST, TICKET))
        .isInstanceOf(DirectoryUnavailableException.class)
        .hasMessageStartingWith("El directorio no responde (ldap://127.0.0.1:");
    assertThatThrownBy(() -> directory.resetPassword("tecnico")).isInstanceOf(DirectoryUnavailableException.class);
    assertThatThrownBy(() -> directory.findByIdNumber("CC", "1020304050")).isInstanceOf(DirectoryUnavailableException.class);
  }

  @Test
  void downBeforeTheFirstCallThenBackTheRetryCreatesOneAccount() throws Exception {
    try (TestDirectory ldap = TestDirectory.start()) {
      ldap.stop();
      assertThatThrownBy(() -> ldap.directory.create(REQUEST, TICKET)).isInstanceOf(DirectoryUnavailableException.class);

      ldap.restart();
      DirectoryAccount account = ldap.directory.create(REQUEST, TICKET);

      assertThat(account.loginName()).isEqualTo("valentina.mora");
      assertThat(ldap.people("1020304050")).hasSize(1);
    }
  }

  @Test
  void downWhileInUseThenBackTheRetryCreatesOneAccount() throws Exception {
    try (TestDirectory ldap = TestDirectory.start()) {
      // The pool is open and holds connections that the restart breaks.
      assertThat(ldap.directory.findByIdNumber("CC", "1020304050")).isEmpty();
      ldap.stop();
      assertThatThrownBy(() -> ldap.directory.create(REQUEST, TICKET))
          .isInstanceOf(DirectoryUnavailableException.class)
          .hasMessageContaining("se reintentará");

      ldap.restart();
      assertThat(ldap.people("1020304050")).isEmpty();
      DirectoryAccount account = ldap.directory.create(REQUEST, TICKET);
      DirectoryAccount retriedAgain = ldap.directory.create(REQUEST, TICKET);

      assertThat(retriedAgain).isEqualTo(account);
      assertThat(ldap.people("1020304050")).hasSize(1);
      for (String group : List.of(TestDirectory.RED, TestDirectory.VPN, TestDirectory.CORREO)) {
        assertThat(ldap.members(group)).filteredOn(account.dn()::equalsIgnoreCase).hasSize(1);
      }
    }
  }

  @Test
  void aFailureAfterTheEntryWasAddedIsCompletedByTheRetry() throws Exception {
    // The directory stops answering group changes: the entry is added, its groups are not.
    AtomicBoolean outage = new AtomicBoolean(true);
    InMemoryOperationInterceptor groupsUnavailable = new InMemoryOperationInterceptor() {
      @Override
      public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        if (outage.get() && request.getRequest().getDN().startsWith("cn=")) {
          throw new LDAPException(ResultCode.UNAVAILABLE, "simulated outage");
        }
      }
    };
    try (TestDirectory ldap =
        TestDirectory.start(AttributeStyle.LDAP, config -> config.addInMemoryOperationInterceptor(groupsUnavailable))) {
      assertThatThrownBy(() -> ldap.directory.create(REQUEST, TICKET)).isInstanceOf(DirectoryUnavailableException.class);
      assertThat(ldap.people("1020304050")).hasSize(1);
      assertThat(ldap.members(TestDirectory.RED)).containsExactly(TestDirectory.ADMIN);

      outage.set(false);
      DirectoryAccount account = ldap.directory.create(REQUEST, TICKET);

      assertThat(account.loginName()).isEqualTo("valentina.mora");
      assertThat(account.accesses()).containsExactly(Access.RED, Access.VPN, Access.CORREO);
      assertThat(ldap.people("1020304050")).hasSize(1);
      assertThat(ldap.members(TestDirectory.RED)).filteredOn(account.dn()::equalsIgnoreCase).hasSize(1);
    }
  }
}
