package co.edu.idep.mesa.accounts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.SearchResultEntry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AD style writes Active Directory's attributes, checked against a server that knows just those
 * (src/test/resources/directory/ad-schema.ldif): created disabled, enabled with "must change" at the
 * hand-over.
 */
class ActiveDirectoryStyleTest {

  private TestDirectory ldap;
  private Directory directory;

  @BeforeEach
  void startDirectory() {
    ldap = TestDirectory.start(AttributeStyle.AD, config -> {});
    directory = ldap.directory;
  }

  @AfterEach
  void stopDirectory() {
    ldap.close();
  }

  private static AccountRequest request(String name, String idNumber, String... accesses) {
    return AccountRequest.of(name, "CE", idNumber, "otra@example.org", "+57 320 111 2233", List.of(accesses));
  }

  @Test
  void anAccountIsCreatedDisabledWithActiveDirectoryAttributes() throws Exception {
    DirectoryAccount account = directory.create(request("Julián Ñungo", "987654", "RED", "VPN", "CORREO"), "MDS-2026-000040");

    SearchResultEntry entry = ldap.entry(account.dn());
    assertThat(account.dn()).isEqualToIgnoringCase("cn=julian.nungo," + TestDirectory.USERS);
    assertThat(entry.getObjectClassValues()).contains("user").doesNotContain("inetOrgPerson");
    assertThat(entry.getAttributeValue("sAMAccountName")).isEqualTo("julian.nungo");
    assertThat(entry.getAttributeValue("userPrincipalName")).isEqualTo("julian.nungo@idep.edu.co");
    assertThat(entry.getAttributeValue("userAccountControl")).isEqualTo("514");
    assertThat(entry.getAttributeValue("displayName")).isEqualTo("Julián Ñungo");
    assertThat(entry.getAttributeValue("employeeNumber")).isEqualTo("987654");
    assertThat(entry.getAttributeValue("otherMailbox")).isEqualTo("otra@example.org");
    assertThat(entry.getAttributeValue("mobile")).isEqualTo("+57 3201112233");
    assertThat(entry.getAttributeValue("mail")).isEqualTo("julian.nungo@idep.edu.co");
    assertThat(entry.hasAttribute("uid")).isFalse();
    assertThat(entry.hasAttribute("unicodePwd")).isFalse();
    assertThat(account.accesses()).containsExactly(Access.RED, Access.VPN, Access.CORREO);
  }

  @Test
  void collisionsAreCheckedOnTheAccountNameToo() {
    assertThat(directory.create(request("Julián Ñungo", "111111", "RED"), "MDS-2026-000041").loginName())
        .isEqualTo("julian.nungo");
    assertThat(directory.create(request("Julian Nungo", "222222", "RED"), "MDS-2026-000042").loginName())
        .isEqualTo("julian.nungo2");
  }

  @Test
  void theHandOverSetsUnicodePwdEnablesTheAccountAndAsksForANewPassword() throws Exception {
    DirectoryAccount account = directory.create(request("Julián Ñungo", "987654", "RED"), "MDS-2026-000040");

    String password = directory.resetPassword(account.loginName());

    SearchResultEntry entry = ldap.entry(account.dn());
    assertThat(entry.getAttributeValueBytes("unicodePwd"))
        .isEqualTo(("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE));
    assertThat(entry.getAttributeValue("pwdLastSet")).isEqualTo("0");
    assertThat(entry.getAttributeValue("userAccountControl")).isEqualTo("512");
  }
}
