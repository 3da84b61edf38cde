package co.edu.idep.mesa.accounts.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names with LDAP's special characters, stray spaces and Spanish letters become exactly what was
 * written (trimmed) in the entry, and never change a filter or a DN.
 */
class HostileNamesTest {

  private TestDirectory ldap;
  private Directory directory;
  private int peopleBefore;

  @BeforeEach
  void startDirectory() throws Exception {
    ldap = TestDirectory.start();
    directory = ldap.directory;
    peopleBefore = people().size();
  }

  @AfterEach
  void stopDirectory() {
    ldap.close();
  }

  private List<SearchResultEntry> people() throws Exception {
    return ldap.search(Filter.createEqualityFilter("objectClass", "person"));
  }

  private static AccountRequest request(PersonName name, String idNumber) {
    return new AccountRequest(new IdentityDocument("CC", idNumber), name, "alguien@example.org", "3001234567",
        Set.of(Access.RED, Access.CORREO));
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "(", ")", "\\", ",", "=", "+", "<", ">", "#", ";", "\"", "\\2a"})
  void eachSpecialCharacterIsStoredAsWrittenAndLeftOutOfTheLoginName(String special) throws Exception {
    String given = "Ju" + special + "an";
    String surname = special + "Pé" + special + "rez" + special;

    DirectoryAccount account = directory.create(request(new PersonName(given, surname), "10203040"), "MDS-2026-000010");

    SearchResultEntry entry = ldap.entry(account.dn());
    // "\\2a" is how a filter escapes "*": here it is only a backslash, a 2 and an a.
    assertThat(account.loginName()).isEqualTo(special.equals("\\2a") ? "ju2aan.2ape2arez2a" : "juan.perez");
    assertThat(account.dn()).isEqualToIgnoringCase("uid=" + account.loginName() + "," + TestDirectory.USERS);
    assertThat(entry.getAttributeValue("givenName")).isEqualTo(given);
    assertThat(entry.getAttributeValue("sn")).isEqualTo(surname);
    assertThat(entry.getAttributeValue("cn")).isEqualTo(given + " " + surname);
    // Found by its exact name through an escaped filter; one more person, nothing else touched.
    assertThat(ldap.search(Filter.createEqualityFilter("cn", given + " " + surname)))
        .singleElement().extracting(SearchResultEntry::getDN).isEqualTo(entry.getDN());
    assertThat(people()).hasSize(peopleBefore + 1);
    assertThat(ldap.members(TestDirectory.RED)).containsExactlyInAnyOrder(TestDirectory.ADMIN, entry.getDN());
  }

  @Test
  void controlCharactersBecomeSpaces() throws Exception {
    DirectoryAccount account = directory.create(request(new PersonName("Ju\u0000an", "Pé\nrez\tRuiz"), "10203041"),
        "MDS-2026-000014");

    assertThat(ldap.entry(account.dn()).getAttributeValue("cn")).isEqualTo("Ju an Pé rez Ruiz");
    assertThat(account.loginName()).isEqualTo("ju.pe");
  }

  @Test
  void leadingTrailingAndRepeatedSpacesAreTrimmedAndAccentsKept() throws Exception {
    DirectoryAccount account = directory.create(
        request(PersonName.parse("   José   Ángel  Núñez\tÑústez   "), "20304050"), "MDS-2026-000011");

    SearchResultEntry entry = ldap.entry(account.dn());
    assertThat(account.loginName()).isEqualTo("jose.nunez");
    assertThat(entry.getAttributeValue("cn")).isEqualTo("José Ángel Núñez Ñústez");
    assertThat(entry.getAttributeValue("givenName")).isEqualTo("José Ángel");
    assertThat(entry.getAttributeValue("sn")).isEqualTo("Núñez Ñústez");
    assertThat(account.mail()).isEqualTo("jose.nunez@idep.edu.co");
  }

  @Test
  void aFilterLikeNameMatchesNoOtherEntry() throws Exception {
    // Everything an unescaped (uid=...) or (cn=...) filter would let it match is already there.
    DirectoryAccount account = directory.create(request(new PersonName("*)(uid=*", "*)(|(cn=*"), "30405060"),
        "MDS-2026-000012");

    assertThat(account.loginName()).isEqualTo("uid.cn");
    assertThat(account.accesses()).containsExactly(Access.RED, Access.CORREO);
    assertThat(people()).hasSize(peopleBefore + 1);
    assertThat(ldap.entry(account.dn()).getAttributeValue("cn")).isEqualTo("*)(uid=* *)(|(cn=*");
  }

  @Test
  void aLoginNameWithFilterCharactersFindsNobodyAndChangesNoPassword() throws Exception {
    for (String hostile : List.of("*", "*)(uid=*", "tecnico)(|(uid=*", "*)(objectClass=*")) {
      assertThat(directory.findByLoginName(hostile)).isEmpty();
      assertThatThrownBy(() -> directory.resetPassword(hostile)).isInstanceOf(AccountNotFoundException.class);
      assertThatThrownBy(() -> directory.addMissingAccess(hostile, Set.of(Access.VPN)))
          .isInstanceOf(AccountNotFoundException.class);
    }
    assertThat(ldap.members(TestDirectory.VPN)).containsExactly(TestDirectory.ADMIN);
    try (LDAPConnection user = new LDAPConnection("127.0.0.1", ldap.port)) {
      // The demo users still log in with their own password.
      assertThat(user.bind("uid=tecnico," + TestDirectory.USERS, "demo").getResultCode()).isEqualTo(ResultCode.SUCCESS);
    }
  }

  @Test
  void aNameWithoutAnyLetterCannotMakeALoginName() {
    assertThatThrownBy(() -> directory.create(request(new PersonName("*()", "\\,=+"), "40506070"), "MDS-2026-000013"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("El nombre de la persona no tiene letras con las que formar el usuario.");
  }
}
