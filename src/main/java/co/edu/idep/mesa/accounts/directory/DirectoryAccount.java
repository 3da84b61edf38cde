package co.edu.idep.mesa.accounts.directory;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * An account as the directory has it, what a ticket records once it is created.
 *
 * @param dn its distinguished name
 * @param loginName "juan.perez2"
 * @param displayName "Juan Pérez Gómez"
 * @param mail the institutional address, or null without the CORREO access
 * @param accesses the access groups it belongs to
 */
public record DirectoryAccount(String dn, String loginName, String displayName, String mail, Set<Access> accesses) {

  public DirectoryAccount {
    accesses = Collections.unmodifiableSet(
        accesses.isEmpty() ? EnumSet.noneOf(Access.class) : EnumSet.copyOf(accesses));
  }
}
