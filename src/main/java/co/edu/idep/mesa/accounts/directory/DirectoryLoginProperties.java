package co.edu.idep.mesa.accounts.directory;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mesa.directory.login.*}: where the profile {@code ldap} looks for the people who log in and
 * for their roles (DirectoryLoginConfiguration). The connection is {@code mesa.directory.*}'s.
 *
 * @param usersDn the subtree of the accounts that may log in (application.yaml: {@code mesa.directory.users-dn})
 * @param groupsDn the subtree of the groups whose {@code cn} is a Camunda group id (security/Roles);
 *     their {@code member}s hold that role
 */
@Validated
@ConfigurationProperties("mesa.directory.login")
public record DirectoryLoginProperties(
    @NotBlank @DistinguishedName String usersDn,
    @NotBlank @DistinguishedName String groupsDn) {}
