package co.edu.idep.mesa.accounts.directory;

import co.edu.idep.mesa.security.LoginThrottle;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.spring.boot.starter.configuration.impl.custom.CreateAdminUserConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code ldap}: the staff log in to Tasklist, Cockpit, Admin, {@code /engine-rest} and
 * {@code /api} with their directory account, and the directory's groups are their Camunda groups.
 * Camunda's LDAP identity plugin reads users, groups and memberships from the directory of
 * {@code mesa.directory.*} (the same connection, service account and password as the provisioning),
 * and checks passwords by binding as the person, behind the login throttle. The engine's identity is
 * then read-only; the authorizations (grants per group) stay in the database (security/AuthorizationSetup).
 *
 * <ul>
 *   <li>People: {@code inetOrgPerson} (LDAP style) or {@code user} (AD) under {@code mesa.directory.login.users-dn},
 *       the login name in the style's attribute ({@code uid} or {@code sAMAccountName}), names from
 *       {@code givenName} and {@code sn}, address from {@code mail}.
 *   <li>Roles: {@code groupOfNames} (LDAP) or {@code group} (AD) under {@code mesa.directory.login.groups-dn};
 *       the group's {@code cn} is the Camunda group id (security/Roles), its {@code member}s hold it.
 *   <li>Administrators: the members of the directory's {@code camunda-admin} group. The starter's
 *       first administrator ({@code camunda.bpm.admin-user}, set by the postgres profile) is not
 *       created: it would be written into the read-only directory.
 * </ul>
 *
 * With the default profile's embedded directory ({@code -Dspring-boot.run.profiles=ldap}) the demo
 * users log in with the password {@code demo}; the embedded server starts before the engine.
 */
@Configuration(proxyBeanMethods = false)
@Profile(DirectoryLoginConfiguration.PROFILE)
@EnableConfigurationProperties(DirectoryLoginProperties.class)
public class DirectoryLoginConfiguration {

  public static final String PROFILE = "ldap";

  @Bean
  DirectoryIdentityPlugin directoryIdentityPlugin(DirectoryProperties directory, DirectoryLoginProperties login,
      LoginThrottle throttle, ObjectProvider<EmbeddedDirectoryServer> embedded) {
    // The embedded directory (default profile) listens before the engine, and so before anybody
    // logs in; the plugin itself connects only at the first query.
    embedded.ifAvailable(server -> {});
    DirectoryIdentityPlugin plugin = new DirectoryIdentityPlugin(throttle);
    configure(plugin, directory, login);
    return plugin;
  }

  static void configure(DirectoryIdentityPlugin plugin, DirectoryProperties directory, DirectoryLoginProperties login) {
    plugin.setServerUrl(directory.url().strip());
    plugin.setManagerDn(directory.bindDn());
    plugin.setManagerPassword(directory.password());
    // The search bases are whole DNs: nothing is added to them.
    plugin.setBaseDn("");
    plugin.setUserSearchBase(login.usersDn());
    plugin.setGroupSearchBase(login.groupsDn());
    boolean ad = directory.style() == AttributeStyle.AD;
    plugin.setUserSearchFilter(ad ? "(&(objectCategory=person)(objectClass=user))" : "(objectclass=inetOrgPerson)");
    plugin.setUserIdAttribute(directory.style().loginAttribute);
    plugin.setUserFirstnameAttribute("givenName");
    plugin.setUserLastnameAttribute("sn");
    plugin.setUserEmailAttribute("mail");
    plugin.setUserPasswordAttribute("userPassword");
    plugin.setGroupSearchFilter(ad ? "(objectclass=group)" : "(objectclass=groupOfNames)");
    plugin.setGroupIdAttribute("cn");
    plugin.setGroupNameAttribute("cn");
    plugin.setGroupMemberAttribute("member");
    // As with the database's users: each person reads his own account and the groups he belongs to
    // (DirectoryIdentityProvider), administrators everything (their ALL grants); nobody else lists the
    // directory's names and addresses.
    plugin.setAuthorizationCheckEnabled(true);
    // An empty password would be an anonymous bind, which a directory accepts.
    plugin.setAllowAnonymousLogin(false);
    plugin.setAcceptUntrustedCertificates(false);
    // ldaps:// uses the JVM's trusted authorities and checks the host name, like DirectoryConnections;
    // a directory that does not answer costs a request at most these, never a thread for good.
    plugin.setContextProperties(new HashMap<>(Map.of(
        "com.sun.jndi.ldap.connect.timeout", Long.toString(directory.connectTimeout().toMillis()),
        "com.sun.jndi.ldap.read.timeout", Long.toString(directory.responseTimeout().toMillis()))));
  }

  /**
   * Without the starter's first administrator ({@code CreateAdminUserConfiguration}): it looks the
   * user up in the directory while the engine starts (no start while the directory is down) and
   * writes it there when missing, which the read-only identity refuses.
   */
  @Bean
  static BeanFactoryPostProcessor withoutTheStartersAdminUser() {
    return factory -> {
      for (String name : factory.getBeanNamesForType(CreateAdminUserConfiguration.class, true, false)) {
        ((BeanDefinitionRegistry) factory).removeBeanDefinition(name);
      }
    };
  }
}
