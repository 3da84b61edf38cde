package co.edu.idep.mesa.accounts.directory;

import static co.edu.idep.mesa.accounts.directory.TestDirectory.CORREO;
import static co.edu.idep.mesa.accounts.directory.TestDirectory.RED;
import static co.edu.idep.mesa.accounts.directory.TestDirectory.USERS;
import static co.edu.idep.mesa.accounts.directory.TestDirectory.VPN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating accounts over LDAP, against an in-memory directory seeded like the embedded one. */
class DirectoryTest {

  private static final String TICKET = "MDS-2026-000001";

  private TestDirectory ldap;
  private Directory directory;

  @BeforeEach
  void startDirectory() {
    ldap = TestDirectory.start();
    directory = ldap.directory;
  }

  @AfterEach
  void stopDirectory() {
    ldap.close();
  }

  static AccountRequest request(String fullName, String idNumber, String... accesses) {
    return AccountRequest.of(fullName, "CC", idNumber, "persona@example.org", "300 123 4567", List.of(accesses));
  }

  @Test
  void theAccountExistsWithItsAttributesAndGroupsAfterCreation() throws Exception {
    DirectoryAccount account = directory.create(
        request("María Fernanda Pérez Ñáñez", "1.012.345.678", "RED", "VPN", "CORREO"), TICKET);

    assertThat(account.loginName()).isEqualTo("maria.perez");
    assertThat(account.dn()).isEqualToIgnoringCase("uid=maria.perez," + USERS);
    assertThat(account.mail()).isEqualTo("maria.perez@idep.edu.co");
    assertThat(account.accesses()).containsExactly(Access.RED, Access.VPN, Access.CORREO);

    List<SearchResultEntry> found = ldap.search(Filter.createEqualityFilter("uid", "maria.perez"));
    assertThat(found).hasSize(1);
    SearchResultEntry entry = found.get(0);
    assertThat(entry.getObjectClassValues()).contains("inetOrgPerson");
    assertThat(entry.getAttributeValue("cn")).isEqualTo("María Fernanda Pérez Ñáñez");
    assertThat(entry.getAttributeValue("displayName")).isEqualTo("María Fernanda Pérez Ñáñez");
    assertThat(entry.getAttributeValue("givenName")).isEqualTo("María Fernanda");
    assertThat(entry.getAttributeValue("sn")).isEqualTo("Pérez Ñáñez");
    assertThat(entry.getAttributeValue("employeeNumber")).isEqualTo("1012345678");
    assertThat(entry.getAttributeValue("mail")).isEqualTo("maria.perez@idep.edu.co");
    assertThat(entry.getAttributeValue("mobile")).isEqualTo("+57 3001234567");
    assertThat(entry.getAttributeValue("labeledURI")).isEqualTo("mailto:persona@example.org Correo alterno (segundo factor)");
    assertThat(entry.getAttributeValue("description")).isEqualTo("Creada por la Mesa de Servicios, ticket " + TICKET);
    // Nobody can log in with it before the hand-over sets a password.
    assertThat(entry.hasAttribute("userPassword")).isFalse();

    for (String group : List.of(RED, VPN, CORREO)) assertThat(ldap.members(group)).contains(entry.getDN());
    assertThat(directory.findByIdNumber("CC", "1012345678")).contains(account);
  }

  @Test
  void onlyTheRequestedGroupsAndNoMailboxWithoutCorreo() throws Exception {
    DirectoryAccount account = directory.create(request("Carlos Andrés Ruiz", "79111222", "RED"), TICKET);

    assertThat(account.accesses()).containsExactly(Access.RED);
    assertThat(account.mail()).isNull();
    assertThat(ldap.entry(account.dn()).hasAttribute("mail")).isFalse();
    assertThat(ldap.members(RED)).contains(account.dn());
    assertThat(ldap.members(VPN)).doesNotContain(account.dn());
    assertThat(ldap.members(CORREO)).doesNotContain(account.dn());
  }

  @Test
  void aSecondPersonWithTheSameNameGetsAnotherLoginName() throws Exception {
    DirectoryAccount first = directory.create(request("Juan Pérez", "10101010", "RED", "CORREO"), "MDS-2026-000001");
    DirectoryAccount second = directory.create(request("Juan Pérez", "20202020", "RED", "CORREO"), "MDS-2026-000002");
    DirectoryAccount third = directory.create(request("Juan Perez", "30303030", "RED"), "MDS-2026-000003");

    assertThat(first.loginName()).isEqualTo("juan.perez");
    assertThat(second.loginName()).isEqualTo("juan.perez2");
    assertThat(second.mail()).isEqualTo("juan.perez2@idep.edu.co");
    assertThat(third.loginName()).isEqualTo("juan.perez3");
    assertThat(ldap.people("10101010")).singleElement().extracting(e -> e.getAttributeValue("uid")).isEqualTo("juan.perez");
    assertThat(ldap.people("20202020")).singleElement().extracting(e -> e.getAttributeValue("uid")).isEqualTo("juan.perez2");
  }

  @Test
  void aLoginNameUsedAsSomeonesAddressIsTakenToo() throws Exception {
    try (LDAPConnection admin = ldap.admin()) {
      admin.add(new Entry("cn=Lista Ana Ruiz,ou=grupos,dc=idep,dc=edu,dc=co",
          new Attribute("objectClass", "top", "groupOfNames", "extensibleObject"),
          new Attribute("member", TestDirectory.ADMIN),
          new Attribute("mail", "ana.ruiz@idep.edu.co")));
    }

    assertThat(directory.create(request("Ana Ruiz", "40404040", "CORREO"), TICKET).loginName()).isEqualTo("ana.ruiz2");
  }

  @Test
  void aPersonWhoAlreadyHadAnAccountIsRefusedInSpanishAndNothingIsAdded() throws Exception {
    directory.create(request("Luisa Gómez", "55555555", "RED"), "MDS-2026-000001");

    assertThatThrownBy(() -> directory.create(request("Luisa Fernanda Gómez Díaz", "55.555.555", "RED", "VPN"),
        "MDS-2026-000002"))
        .isInstanceOf(AccountAlreadyExistsException.class)
        .hasMessageContaining("Ya existe una cuenta en el directorio con ese número de identificación")
        .hasMessageContaining("luisa.gomez")
        .satisfies(e -> assertThat(((AccountAlreadyExistsException) e).loginName()).isEqualTo("luisa.gomez"));
    assertThat(ldap.people("55555555")).hasSize(1);
    assertThat(ldap.members(VPN)).noneMatch(dn -> dn.contains("luisa"));
  }

  @Test
  void anAccountMadeOutsideTheHelpDeskCountsAsExisting() throws Exception {
    try (LDAPConnection admin = ldap.admin()) {
      admin.add(new Entry("uid=pedro.lopez," + USERS,
          new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
          new Attribute("cn", "Pedro López"), new Attribute("sn", "López"),
          new Attribute("employeeNumber", "66666666")));
    }

    assertThatThrownBy(() -> directory.create(request("Pedro López", "66666666", "RED"), TICKET))
        .isInstanceOf(AccountAlreadyExistsException.class)
        .hasMessageContaining("pedro.lopez");
    assertThat(ldap.people("66666666")).hasSize(1);
    assertThat(ldap.members(RED)).doesNotContain("uid=pedro.lopez," + USERS);
  }

  @Test
  void creatingTwiceForTheSameTicketGivesOneAccountInEachGroupOnce() throws Exception {
    AccountRequest request = request("Sofía Castro", "77777777", "RED", "VPN", "CORREO");
    DirectoryAccount first = directory.create(request, TICKET);
    DirectoryAccount again = directory.create(request, TICKET);

    assertThat(again).isEqualTo(first);
    assertThat(ldap.people("77777777")).hasSize(1);
    for (String group : List.of(RED, VPN, CORREO)) {
      assertThat(ldap.members(group)).filteredOn(first.dn()::equalsIgnoreCase).hasSize(1);
    }
  }

  @Test
  void aWrongNameIsCorrectedOnTheSameAccountAndTheLoginNameStays() throws Exception {
    DirectoryAccount first = directory.create(request("Sofia Kastro", "78787878", "RED"), TICKET);

    DirectoryAccount corrected = directory.create(request("Sofía Castro Díaz", "78787878", "RED"), TICKET);

    assertThat(corrected.loginName()).isEqualTo(first.loginName());
    assertThat(ldap.people("78787878")).hasSize(1);
    SearchResultEntry entry = ldap.search(Filter.createEqualityFilter("uid", first.loginName())).get(0);
    assertThat(entry.getAttributeValue("displayName")).isEqualTo("Sofía Castro Díaz");
    assertThat(entry.getAttributeValue("cn")).isEqualTo("Sofía Castro Díaz");
    assertThat(entry.getAttributeValue("givenName")).isEqualTo("Sofía");
    assertThat(entry.getAttributeValue("sn")).isEqualTo("Castro Díaz");
  }

  @Test
  void aCreationThatStoppedAfterTheEntryIsCompletedByTheRetry() throws Exception {
    // What an attempt leaves when the directory went away after adding the entry: no groups yet,
    // no mailbox yet.
    String dn = "uid=camila.rojas," + USERS;
    try (LDAPConnection admin = ldap.admin()) {
      admin.add(new Entry(dn,
          new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
          new Attribute("uid", "camila.rojas"), new Attribute("cn", "Camila Rojas"),
          new Attribute("sn", "Rojas"), new Attribute("employeeNumber", "88888888"),
          new Attribute("description", Directory.marker(TICKET))));
      admin.modify(RED, new Modification(ModificationType.ADD, "member", dn));
    }

    DirectoryAccount account = directory.create(request("Camila Rojas", "88888888", "RED", "VPN", "CORREO"), TICKET);

    assertThat(account.loginName()).isEqualTo("camila.rojas");
    assertThat(account.accesses()).containsExactly(Access.RED, Access.VPN, Access.CORREO);
    assertThat(account.mail()).isEqualTo("camila.rojas@idep.edu.co");
    assertThat(ldap.people("88888888")).hasSize(1);
    for (String group : List.of(RED, VPN, CORREO)) {
      assertThat(ldap.members(group)).filteredOn(dn::equalsIgnoreCase).hasSize(1);
    }
  }

  @Test
  void aMissingAccessIsAddedToTheExistingAccountOnly() throws Exception {
    DirectoryAccount created = directory.create(request("Diego Torres", "12121212", "RED"), TICKET);

    DirectoryAccount corrected = directory.addMissingAccess(created.loginName(), EnumSet.of(Access.VPN, Access.CORREO));
    DirectoryAccount again = directory.addMissingAccess(" " + created.loginName() + " ", Set.of(Access.VPN));

    assertThat(corrected.dn()).isEqualTo(created.dn());
    assertThat(corrected.accesses()).containsExactly(Access.RED, Access.VPN, Access.CORREO);
    assertThat(corrected.mail()).isEqualTo("diego.torres@idep.edu.co");
    assertThat(again).isEqualTo(corrected);
    assertThat(ldap.people("12121212")).hasSize(1);
    assertThat(ldap.members(VPN)).filteredOn(created.dn()::equalsIgnoreCase).hasSize(1);
    assertThatThrownBy(() -> directory.addMissingAccess("nadie.nunca", Set.of(Access.VPN)))
        .isInstanceOf(AccountNotFoundException.class)
        .hasMessage("No existe en el directorio una cuenta con ese nombre de usuario.");
  }

  @Test
  void lookupsByIdentificationCheckTheNumberFirst() throws Exception {
    assertThat(directory.findByIdNumber("CC", "99999999")).isEmpty();
    assertThat(directory.findByIdNumber("PA", "AB123456")).isEmpty();
    assertThatThrownBy(() -> directory.findByIdNumber("CC", "12AB5678"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("El número de identificación debe tener entre 5 y 10 dígitos, sin letras.");
    assertThatThrownBy(() -> directory.findByIdNumber("PA", "*"))
        .hasMessage("El número de identificación debe tener entre 5 y 15 letras o dígitos.");
    assertThatThrownBy(() -> directory.findByIdNumber("XX", "12345678"))
        .hasMessage("El tipo de identificación debe ser CC, CE, TI, PA o PPT.");
    assertThatThrownBy(() -> directory.create(request("Ana Ruiz", "12345678", "RED"), "MDS*)(uid=*"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("El código del ticket no es válido.");
    assertThat(ldap.people("12345678")).isEmpty();
  }
}
