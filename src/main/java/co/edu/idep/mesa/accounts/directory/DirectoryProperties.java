package co.edu.idep.mesa.accounts.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mesa.directory.*}: the directory where account requests become accounts. See
 * application.yaml (the embedded directory) and application-prod.yaml (the institute's, from the
 * environment) for the values; the README explains them.
 *
 * @param url {@code ldaps://host[:port]}; plain {@code ldap://} only on the loopback address in prod
 *     (DirectoryProductionCheck)
 * @param bindDn the service account that creates accounts
 * @param password its password: MESA_DIRECTORY_PASSWORD, never in a file
 * @param baseDn where existing accounts and taken login names are looked for
 * @param usersDn the OU where new accounts are created
 * @param groups the group of each access
 * @param style Active Directory or plain LDAP attributes (see {@link AttributeStyle})
 * @param idNumberAttribute the attribute that holds the identification number
 * @param mustChangeAttribute LDAP style: the attribute set to TRUE after a password hand-over so
 *     that the server asks for a new one (the ppolicy {@code pwdReset}); empty if the server has no
 *     password policy
 * @param mailDomain the institutional mail domain: {@code mail} and {@code userPrincipalName}
 * @param connectTimeout waiting for a connection to the directory
 * @param responseTimeout waiting for any answer from it
 * @param poolSize connections kept open at most
 * @param embeddedServer the in-memory directory of the default profile
 */
@Validated
@ConfigurationProperties("mesa.directory")
public record DirectoryProperties(
    @NotBlank
    @Pattern(regexp = "(?i)ldaps?://[^\\s/?#]+/?", message = "debe ser ldaps://servidor[:puerto] o ldap://servidor[:puerto]")
    String url,
    @NotBlank @DistinguishedName String bindDn,
    @NotBlank String password,
    @NotBlank @DistinguishedName String baseDn,
    @NotBlank @DistinguishedName String usersDn,
    @Valid @NotNull Groups groups,
    @DefaultValue("LDAP") @NotNull AttributeStyle style,
    @DefaultValue("employeeNumber") @NotBlank @Pattern(regexp = "[A-Za-z][A-Za-z0-9-]*") String idNumberAttribute,
    @DefaultValue("pwdReset") @Pattern(regexp = "([A-Za-z][A-Za-z0-9-]*)?") String mustChangeAttribute,
    @DefaultValue("idep.edu.co") @NotBlank @Pattern(regexp = "[a-z0-9.-]+\\.[a-z]{2,}") String mailDomain,
    @DefaultValue("5s") @NotNull Duration connectTimeout,
    @DefaultValue("10s") @NotNull Duration responseTimeout,
    @DefaultValue("4") @Min(1) @Max(50) int poolSize,
    @DefaultValue @Valid @NotNull EmbeddedServer embeddedServer) {

  /** The attribute that records which ticket created an account; people read it in the directory. */
  static final String TICKET_ATTRIBUTE = "description";

  /** The group DN of each access: {@code member} of that group is the access. */
  public record Groups(
      @NotBlank @DistinguishedName String red,
      @NotBlank @DistinguishedName String vpn,
      @NotBlank @DistinguishedName String correo) {}

  /**
   * UnboundID's in-memory server, on the default profile only.
   *
   * @param dataFile where it keeps its entries between runs (next to the H2 database); empty: only
   *     in memory, seeded again at every start
   */
  public record EmbeddedServer(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("127.0.0.1") String host,
      @DefaultValue("3389") @Min(0) @Max(65535) int port,
      @DefaultValue("") String dataFile) {}

  /** Never the password: these properties may end in a log or an error message. */
  @Override
  public String toString() {
    return "DirectoryProperties[url=" + url + ", bindDn=" + bindDn + ", baseDn=" + baseDn + ", usersDn=" + usersDn
        + ", groups=" + groups + ", style=" + style + "]";
  }
}
