package co.edu.idep.mesa.accounts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.security.LoginThrottle;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import co.edu.idep.mesa.support.ProfileYaml;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * How the profile {@code ldap} reads the directory (DirectoryLoginConfiguration), from the YAML files
 * as the application loads them: the connection of {@code mesa.directory.*}, people and roles of
 * {@code mesa.directory.login.*}, attributes after the directory's style. No engine, no directory.
 */
class DirectoryLoginConfigurationTest {

  private static final String[] PROD_ENVIRONMENT = {"MESA_DIRECTORY_URL=ldaps://dc01.idep.edu.co",
      "MESA_DIRECTORY_BIND_DN=CN=svc-mesa,OU=Servicios,DC=idep,DC=edu,DC=co", "MESA_DIRECTORY_BASE=DC=idep,DC=edu,DC=co",
      "MESA_DIRECTORY_PASSWORD=una-clave-larga-del-directorio",
      "MESA_DIRECTORY_LOGIN_GROUPS_DN=OU=Mesa de Servicios,OU=Grupos,DC=idep,DC=edu,DC=co"};

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
      .withUserConfiguration(DirectoryConfiguration.class)
      .withBean(LoginThrottle.class, () -> new LoginThrottle(Instant::now))
      .withPropertyValues("spring.profiles.active=" + DirectoryLoginConfiguration.PROFILE)
      .withUserConfiguration(DirectoryLoginConfiguration.class);

  private ApplicationContextRunner withYaml(String... files) {
    return ProfileYaml.with(context, files);
  }

  @Test
  void theEmbeddedDirectoryIsReadAsPlainLdap() throws Exception {
    withYaml("application.yaml").withPropertyValues("MESA_DIRECTORY_PASSWORD=demo",
        "mesa.directory.embedded-server.enabled=false").run(c -> {
      DirectoryIdentityPlugin plugin = c.getBean(DirectoryIdentityPlugin.class);
      assertThat(plugin.getServerUrl()).isEqualTo("ldap://127.0.0.1:3389");
      assertThat(plugin.getManagerDn()).isEqualTo("cn=admin,dc=idep,dc=edu,dc=co");
      assertThat(plugin.getManagerPassword()).isEqualTo("demo");
      assertThat(plugin.getUserSearchBase()).isEqualTo("ou=usuarios,dc=idep,dc=edu,dc=co");
      assertThat(plugin.getUserSearchFilter()).isEqualTo("(objectclass=inetOrgPerson)");
      assertThat(plugin.getUserIdAttribute()).isEqualTo("uid");
      assertThat(plugin.getGroupSearchBase()).isEqualTo("ou=grupos,dc=idep,dc=edu,dc=co");
      assertThat(plugin.getGroupSearchFilter()).isEqualTo("(objectclass=groupOfNames)");
      assertThat(plugin.getGroupIdAttribute()).isEqualTo("cn");
      assertThat(plugin.getGroupMemberAttribute()).isEqualTo("member");
      assertThat(plugin.isAllowAnonymousLogin()).isFalse();
      assertThat(plugin.isAcceptUntrustedCertificates()).isFalse();
      assertThat(plugin.getContextProperties()).containsEntry("com.sun.jndi.ldap.connect.timeout", "5000")
          .containsEntry("com.sun.jndi.ldap.read.timeout", "10000");
    });
  }

  @Test
  void prodReadsTheInstitutesActiveDirectoryFromTheEnvironment() throws Exception {
    withYaml("application.yaml", "application-postgres.yaml", "application-prod.yaml")
        .withPropertyValues(PROD_ENVIRONMENT).run(c -> {
          DirectoryIdentityPlugin plugin = c.getBean(DirectoryIdentityPlugin.class);
          assertThat(plugin.getServerUrl()).isEqualTo("ldaps://dc01.idep.edu.co");
          assertThat(plugin.getManagerPassword()).isEqualTo("una-clave-larga-del-directorio");
          assertThat(plugin.getUserSearchBase()).isEqualTo("ou=usuarios,DC=idep,DC=edu,DC=co");
          assertThat(plugin.getUserSearchFilter()).isEqualTo("(&(objectCategory=person)(objectClass=user))");
          assertThat(plugin.getUserIdAttribute()).isEqualTo("sAMAccountName");
          assertThat(plugin.getGroupSearchBase()).isEqualTo("OU=Mesa de Servicios,OU=Grupos,DC=idep,DC=edu,DC=co");
          assertThat(plugin.getGroupSearchFilter()).isEqualTo("(objectclass=group)");
        });
  }

  @Test
  void aWrongSearchBaseStopsTheStart() throws Exception {
    withYaml("application.yaml").withPropertyValues("MESA_DIRECTORY_PASSWORD=demo",
        "mesa.directory.login.groups-dn=grupos").run(c -> assertThat(c).hasFailed().getFailure()
        .hasStackTraceContaining("no es un DN de LDAP válido"));
  }

  @Test
  void withoutTheProfileNothingChanges() throws Exception {
    new ApplicationContextRunner().withUserConfiguration(DirectoryLoginConfiguration.class)
        .run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(DirectoryIdentityPlugin.class));
  }
}
