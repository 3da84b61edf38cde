package co.edu.idep.mesa.accounts.directory;

import java.util.Locale;

/**
 * The accesses an account request asks for (the codes of the form's "Accesos solicitados"). Each
 * one is a membership in a directory group, whose DN is configured ({@code mesa.directory.groups}).
 */
public enum Access {
  RED, VPN, CORREO;

  /** The access of a form code, as the ticket stores it. */
  public static Access of(String code) {
    if (code != null) {
      for (Access access : values()) {
        if (access.name().equals(code.strip().toUpperCase(Locale.ROOT))) return access;
      }
    }
    throw new IllegalArgumentException("Acceso desconocido: debe ser RED, VPN o CORREO.");
  }

  String groupDn(DirectoryProperties.Groups groups) {
    return switch (this) {
      case RED -> groups.red();
      case VPN -> groups.vpn();
      case CORREO -> groups.correo();
    };
  }
}
