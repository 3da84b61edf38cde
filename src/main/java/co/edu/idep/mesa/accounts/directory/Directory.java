package co.edu.idep.mesa.accounts.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Accounts in the institute's directory, over LDAP: step 4's "the user exists in the Active
 * Directory, a VPN user and/or an institutional mailbox".
 *
 * <p>Every operation may be repeated: the provisioning runs in a Camunda job that retries after any
 * failure, so creating an account that a previous attempt of the same ticket left half done
 * completes it, and adding a group someone is already in changes nothing. The entry records the
 * ticket that created it ({@code description}), which tells that retry apart from a person who had
 * an account before.
 *
 * <p>Nothing a person typed reaches LDAP unescaped: filters are built by the SDK's
 * {@link Filter#createEqualityFilter}, DNs by {@link RDN} and {@link DN}, and login names are made
 * of [a-z0-9.] only. Passwords and personal data are never logged.
 */
@Service
public class Directory {

  private static final Logger log = LoggerFactory.getLogger(Directory.class);
  /** Collisions tried before giving up: juan.perez, juan.perez2, ... juan.perez99. */
  static final int MAX_CANDIDATES = 99;
  private static final Pattern TICKET_CODE = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final String MEMBER = "member";
  private static final String MAIL = "mail";
  private static final String USER_ACCOUNT_CONTROL = "userAccountControl";

  private final DirectoryProperties properties;
  private final DirectoryConnections connections;
  private final TemporaryPasswords passwords;
  private final AttributeStyle style;

  public Directory(DirectoryProperties properties, DirectoryConnections connections, TemporaryPasswords passwords) {
    this.properties = properties;
    this.connections = connections;
    this.passwords = passwords;
    this.style = properties.style();
  }

  /** The account of the person with that identification, wherever it is under the base DN. */
  public Optional<DirectoryAccount> findByIdNumber(String idType, String idNumber) {
    IdentityDocument document = new IdentityDocument(idType, idNumber);
    return connections.call(pool -> {
      List<SearchResultEntry> found = entriesByIdNumber(pool, document);
      return found.isEmpty() ? Optional.empty() : Optional.of(account(pool, found.get(0)));
    });
  }

  /** The account with that login name. */
  public Optional<DirectoryAccount> findByLoginName(String loginName) {
    return connections.call(pool -> {
      Optional<SearchResultEntry> entry = entryByLogin(pool, loginName);
      return entry.isEmpty() ? Optional.empty() : Optional.of(account(pool, entry.get()));
    });
  }

  /**
   * Creates the account of the request, or completes the one an earlier attempt of the same ticket
   * left (missing groups, missing mail), and returns it.
   *
   * @throws AccountAlreadyExistsException if the person already has an account that this ticket did
   *     not create
   * @throws DirectoryUnavailableException if the directory did not answer: retry later
   */
  public DirectoryAccount create(AccountRequest request, String ticketCode) {
    String marker = marker(ticketCode);
    String base = LoginNames.base(request.name());
    return connections.call(pool -> {
      Optional<SearchResultEntry> earlier = ownEntry(pool, request.document(), marker);
      if (earlier.isPresent()) {
        named(pool, earlier.get(), request.name());
        return complete(pool, earlier.get(), request.accesses(), "completed for " + ticketCode);
      }
      for (int n = 1; n <= MAX_CANDIDATES; n++) {
        String login = LoginNames.candidate(base, n);
        if (taken(pool, login)) continue;
        DN dn = new DN(new RDN(style.rdnAttribute, login), new DN(properties.usersDn()));
        try {
          pool.add(newEntry(dn, login, request, marker));
        } catch (LDAPException e) {
          if (e.getResultCode() != ResultCode.ENTRY_ALREADY_EXISTS) throw e;
          // Taken meanwhile: by someone else (next name), or by a parallel attempt of this ticket.
          Optional<SearchResultEntry> raced = ownEntry(pool, request.document(), marker);
          if (raced.isPresent()) return complete(pool, raced.get(), request.accesses(), "completed for " + ticketCode);
          continue;
        }
        return complete(pool, entry(pool, dn.toString()), request.accesses(), "created for " + ticketCode);
      }
      throw new DirectoryException("No hay un nombre de usuario libre para esta persona (se probaron " + base
          + " a " + LoginNames.candidate(base, MAX_CANDIDATES) + ").");
    });
  }

  /** Step 13's correction: the accesses the account still lacks (and its mail, with CORREO). */
  public DirectoryAccount addMissingAccess(String loginName, Collection<Access> accesses) {
    Set<Access> wanted = accesses.isEmpty() ? EnumSet.noneOf(Access.class) : EnumSet.copyOf(accesses);
    return connections.call(pool -> {
      SearchResultEntry entry = entryByLogin(pool, loginName).orElseThrow(AccountNotFoundException::new);
      return complete(pool, entry, wanted, "corrected");
    });
  }

  /**
   * Sets a new temporary password that the person must change at the first login, and returns it.
   * It is returned once, to be shown once: it is not kept or logged anywhere, and a second call sets
   * another one.
   */
  public String resetPassword(String loginName) {
    return connections.call(pool -> {
      SearchResultEntry entry = entryByLogin(pool, loginName).orElseThrow(AccountNotFoundException::new);
      String login = entry.getAttributeValue(style.loginAttribute);
      List<String> nameParts = new ArrayList<>(List.of(login.split("\\.")));
      for (String attribute : List.of("givenName", "sn", "displayName")) {
        String value = entry.getAttributeValue(attribute);
        if (value != null) nameParts.addAll(List.of(value.split("[\\s,.'-]+")));
      }
      String password = passwords.generate(nameParts);
      if (style == AttributeStyle.AD) {
        setActiveDirectoryPassword(pool, entry, password);
      } else {
        setLdapPassword(pool, entry.getDN(), password);
      }
      log.info("Directory account {}: a new temporary password was set", login);
      return password;
    });
  }

  // ------------------------------------------------------------------------------ creating

  private Entry newEntry(DN dn, String login, AccountRequest request, String marker) {
    PersonName name = request.name();
    Entry entry = new Entry(dn);
    entry.addAttribute("objectClass", style.objectClasses.toArray(String[]::new));
    entry.addAttribute(style.rdnAttribute, login);
    if (style == AttributeStyle.AD) {
      entry.addAttribute("sAMAccountName", login);
      entry.addAttribute("userPrincipalName", login + "@" + properties.mailDomain());
      // Disabled until the hand-over sets its password (resetPassword).
      entry.addAttribute(USER_ACCOUNT_CONTROL,
          Integer.toString(AttributeStyle.AD_NORMAL_ACCOUNT | AttributeStyle.AD_ACCOUNT_DISABLED));
    } else {
      entry.addAttribute("cn", name.displayName());
    }
    entry.addAttribute("displayName", name.displayName());
    entry.addAttribute("givenName", name.givenNames());
    entry.addAttribute("sn", name.surnameOrName());
    entry.addAttribute(properties.idNumberAttribute(), request.document().number());
    entry.addAttribute("mobile", request.mobilePhone());
    entry.addAttribute(style.alternateEmailAttribute, style.alternateEmailValue(request.alternateEmail()));
    entry.addAttribute(DirectoryProperties.TICKET_ATTRIBUTE, marker);
    if (request.accesses().contains(Access.CORREO)) entry.addAttribute(MAIL, mailOf(login));
    return entry;
  }

  /**
   * Step 13's "a wrong name": the names of the entry become the request's. The login name stays (it
   * is what the person logs in with, and his mailbox).
   */
  private void named(LDAPConnectionPool pool, SearchResultEntry entry, PersonName name) throws LDAPException {
    List<Modification> changes = new java.util.ArrayList<>();
    Map<String, String> wanted = new java.util.LinkedHashMap<>();
    wanted.put("displayName", name.displayName());
    wanted.put("givenName", name.givenNames());
    wanted.put("sn", name.surnameOrName());
    if (style != AttributeStyle.AD) wanted.put("cn", name.displayName());
    wanted.forEach((attribute, value) -> {
      if (!value.equals(entry.getAttributeValue(attribute))) {
        changes.add(new Modification(ModificationType.REPLACE, attribute, value));
      }
    });
    if (!changes.isEmpty()) {
      pool.modify(entry.getDN(), changes);
      log.info("Directory account {}: names corrected", entry.getAttributeValue(style.loginAttribute));
    }
  }

  /** Adds what {@code accesses} ask for and the entry lacks; what it has stays as it is. */
  private DirectoryAccount complete(LDAPConnectionPool pool, SearchResultEntry entry, Set<Access> accesses,
      String what) throws LDAPException {
    String login = entry.getAttributeValue(style.loginAttribute);
    if (accesses.contains(Access.CORREO) && !entry.hasAttribute(MAIL)) {
      pool.modify(entry.getDN(), new Modification(ModificationType.ADD, MAIL, mailOf(login)));
    }
    for (Access access : accesses) addMember(pool, access.groupDn(properties.groups()), entry.getDN());
    DirectoryAccount account = account(pool, entry(pool, entry.getDN()));
    log.info("Directory account {} {}: accesses {}", login, what, account.accesses());
    return account;
  }

  /** A member once: "already there" is success (LDAP says 20; Active Directory says 68). */
  private static void addMember(LDAPConnectionPool pool, String groupDn, String userDn) throws LDAPException {
    try {
      pool.modify(groupDn, new Modification(ModificationType.ADD, MEMBER, userDn));
    } catch (LDAPException e) {
      ResultCode code = e.getResultCode();
      if (code == ResultCode.ATTRIBUTE_OR_VALUE_EXISTS || code == ResultCode.ENTRY_ALREADY_EXISTS) return;
      if (code == ResultCode.NO_SUCH_OBJECT) {
        throw new DirectoryException(
            "El grupo " + groupDn + " no existe en el directorio: revise mesa.directory.groups.", e);
      }
      throw e;
    }
  }

  /** Whether another entry already answers to that login, as login name, address or UPN. */
  private boolean taken(LDAPConnectionPool pool, String login) throws LDAPException {
    List<Filter> uses = new ArrayList<>(List.of(
        Filter.createEqualityFilter(style.loginAttribute, login),
        Filter.createEqualityFilter(style.rdnAttribute, login),
        Filter.createEqualityFilter(MAIL, mailOf(login))));
    if (style == AttributeStyle.AD) uses.add(Filter.createEqualityFilter("userPrincipalName", mailOf(login)));
    SearchRequest search = new SearchRequest(properties.baseDn(), SearchScope.SUB, Filter.createORFilter(uses), "1.1");
    search.setSizeLimit(1);
    try {
      return pool.search(search).getEntryCount() > 0;
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) return true;
      throw e;
    }
  }

  /**
   * The entry of this person that this very ticket created, if any; an entry of the same person that
   * something else created means the person had an account already.
   */
  private Optional<SearchResultEntry> ownEntry(LDAPConnectionPool pool, IdentityDocument document, String marker)
      throws LDAPException {
    List<SearchResultEntry> found = entriesByIdNumber(pool, document);
    for (SearchResultEntry entry : found) {
      if (!entry.hasAttributeValue(DirectoryProperties.TICKET_ATTRIBUTE, marker)) {
        String login = entry.getAttributeValue(style.loginAttribute);
        throw new AccountAlreadyExistsException(login == null ? entry.getDN() : login);
      }
    }
    return found.stream().findFirst();
  }

  // ------------------------------------------------------------------------------ passwords

  /** Password Modify (RFC 3062): the server hashes it as its policy says; then "must change". */
  private void setLdapPassword(LDAPConnectionPool pool, String dn, String password) throws LDAPException {
    ExtendedResult result = pool.processExtendedOperation(new PasswordModifyExtendedRequest(dn, null, password));
    if (result.getResultCode() != ResultCode.SUCCESS) throw new LDAPException(result);
    if (!properties.mustChangeAttribute().isBlank()) {
      pool.modify(dn, new Modification(ModificationType.REPLACE, properties.mustChangeAttribute(), "TRUE"));
    }
  }

  /**
   * Active Directory: unicodePwd (the password in quotes, UTF-16LE; AD takes it only over an
   * encrypted connection), pwdLastSet 0 (change at next login), and the account enabled.
   */
  private static void setActiveDirectoryPassword(LDAPConnectionPool pool, SearchResultEntry entry, String password)
      throws LDAPException {
    byte[] quoted = ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE);
    Integer control = entry.getAttributeValueAsInteger(USER_ACCOUNT_CONTROL);
    int enabled = (control == null ? AttributeStyle.AD_NORMAL_ACCOUNT : control) & ~AttributeStyle.AD_ACCOUNT_DISABLED;
    pool.modify(entry.getDN(),
        new Modification(ModificationType.REPLACE, "unicodePwd", quoted),
        new Modification(ModificationType.REPLACE, "pwdLastSet", "0"),
        new Modification(ModificationType.REPLACE, USER_ACCOUNT_CONTROL, Integer.toString(enabled)));
  }

  // ------------------------------------------------------------------------------ reading

  private List<SearchResultEntry> entriesByIdNumber(LDAPConnectionPool pool, IdentityDocument document)
      throws LDAPException {
    Filter filter = Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "person"),
        Filter.createEqualityFilter(properties.idNumberAttribute(), document.number()));
    return pool.search(new SearchRequest(properties.baseDn(), SearchScope.SUB, filter, attributes()))
        .getSearchEntries();
  }

  private Optional<SearchResultEntry> entryByLogin(LDAPConnectionPool pool, String loginName) throws LDAPException {
    String login = loginName == null ? "" : loginName.strip();
    if (login.isEmpty()) return Optional.empty();
    Filter filter = Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "person"),
        Filter.createEqualityFilter(style.loginAttribute, login));
    List<SearchResultEntry> found =
        pool.search(new SearchRequest(properties.baseDn(), SearchScope.SUB, filter, attributes())).getSearchEntries();
    return found.stream().findFirst();
  }

  private SearchResultEntry entry(LDAPConnectionPool pool, String dn) throws LDAPException {
    SearchResultEntry entry = pool.getEntry(dn, attributes());
    if (entry == null) throw new AccountNotFoundException();
    return entry;
  }

  /** The account and the access groups it is a member of (compare: works alike everywhere, no memberOf). */
  private DirectoryAccount account(LDAPConnectionPool pool, SearchResultEntry entry) throws LDAPException {
    EnumSet<Access> accesses = EnumSet.noneOf(Access.class);
    for (Access access : Access.values()) {
      try {
        String group = access.groupDn(properties.groups());
        if (pool.compare(group, MEMBER, entry.getDN()).compareMatched()) accesses.add(access);
      } catch (LDAPException e) {
        if (e.getResultCode() != ResultCode.NO_SUCH_OBJECT) throw e;
      }
    }
    return new DirectoryAccount(entry.getDN(), entry.getAttributeValue(style.loginAttribute),
        entry.getAttributeValue("displayName"), entry.getAttributeValue(MAIL), accesses);
  }

  private String[] attributes() {
    return new String[] {style.loginAttribute, "cn", "displayName", "givenName", "sn", MAIL, properties.idNumberAttribute(),
        DirectoryProperties.TICKET_ATTRIBUTE, USER_ACCOUNT_CONTROL};
  }

  private String mailOf(String login) {
    return login + "@" + properties.mailDomain();
  }

  /** What the entry says about its origin; people read it in the directory's tools. */
  static String marker(String ticketCode) {
    String code = ticketCode == null ? "" : ticketCode.strip();
    if (!TICKET_CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("El código del ticket no es válido.");
    }
    return "Creada por la Mesa de Servicios, ticket " + code;
  }
}
