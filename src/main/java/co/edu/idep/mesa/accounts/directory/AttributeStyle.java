package co.edu.idep.mesa.accounts.directory;

import java.util.List;

/**
 * How accounts are written: Active Directory's attributes, or a plain LDAP server's inetOrgPerson
 * (OpenLDAP, 389 Directory Server, the embedded UnboundID server of the default profile).
 *
 * <ul>
 *   <li>AD: {@code cn=<login>} (unique in its OU, unlike people's names), sAMAccountName,
 *       userPrincipalName, the alternate e-mail in otherMailbox. Created disabled
 *       ({@code userAccountControl: 514}); the password hand-over sets unicodePwd, enables it and
 *       sets {@code pwdLastSet: 0}, which makes Windows ask for a new password at the first login.
 *   <li>LDAP: {@code uid=<login>}, inetOrgPerson, the alternate e-mail as the labeled URI
 *       {@code mailto:<address> Correo alterno (segundo factor)}: inetOrgPerson has no other place
 *       for an outside address, and no schema extension is needed. Created without a password, so
 *       nobody can log in with it; the hand-over sets it with the Password Modify operation (RFC
 *       3062, the server hashes it) and then {@code pwdReset: TRUE}, the password-policy attribute
 *       (draft-behera, OpenLDAP's ppolicy) that makes the server ask for a new one.
 * </ul>
 */
public enum AttributeStyle {
  AD("sAMAccountName", "cn", "otherMailbox", List.of("top", "person", "organizationalPerson", "user")),
  LDAP("uid", "uid", "labeledURI", List.of("top", "person", "organizationalPerson", "inetOrgPerson"));

  /** Active Directory: a normal account (512), disabled (+2). */
  static final int AD_NORMAL_ACCOUNT = 512;
  static final int AD_ACCOUNT_DISABLED = 2;

  final String loginAttribute;
  final String rdnAttribute;
  final String alternateEmailAttribute;
  final List<String> objectClasses;

  AttributeStyle(String loginAttribute, String rdnAttribute, String alternateEmailAttribute,
      List<String> objectClasses) {
    this.loginAttribute = loginAttribute;
    this.rdnAttribute = rdnAttribute;
    this.alternateEmailAttribute = alternateEmailAttribute;
    this.objectClasses = objectClasses;
  }

  String alternateEmailValue(String address) {
    return this == AD ? address : "mailto:" + address + " Correo alterno (segundo factor)";
  }
}
