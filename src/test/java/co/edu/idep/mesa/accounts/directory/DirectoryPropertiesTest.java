package co.edu.idep.mesa.accounts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import co.edu.idep.mesa.support.ProfileYaml;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code mesa.directory.*} as application.yaml sets it, the mistakes that stop the start, and the
 * directory's beans wired as the application wires them (only those: no engine, no database).
 */
class DirectoryPropertiesTest {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
      .withUserConfiguration(DirectoryConfiguration.class, DirectoryConnections.class, TemporaryPasswords.class,
          Directory.class, EmbeddedDirectoryServer.class);

  private ApplicationContextRunner withYaml(String... files) {
    return ProfileYaml.with(context, files);
  }

  @Test
  void theDefaultProfilePointsToTheEmbeddedDirectory() throws Exception {
    withYaml("application.yaml").withPropertyValues("MESA_DIRECTORY_PASSWORD=demo",
        "mesa.directory.embedded-server.enabled=false").run(c -> {
      DirectoryProperties properties = c.getBean(DirectoryProperties.class);
      assertThat(properties.url()).isEqualTo("ldap://127.0.0.1:3389");
      assertThat(properties.bindDn()).isEqualTo("cn=admin,dc=idep,dc=edu,dc=co");
      assertThat(properties.password()).isEqualTo("demo");
      assertThat(properties.usersDn()).isEqualTo("ou=usuarios,dc=idep,dc=edu,dc=co");
      assertThat(properties.groups().vpn()).isEqualTo("cn=vpn,ou=grupos,dc=idep,dc=edu,dc=co");
      assertThat(properties.style()).isEqualTo(AttributeStyle.LDAP);
      assertThat(properties.idNumberAttribute()).isEqualTo("employeeNumber");
      assertThat(properties.mustChangeAttribute()).isEqualTo("pwdReset");
      assertThat(properties.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
      assertThat(properties.embeddedServer().host()).isEqualTo("127.0.0.1");
      assertThat(properties.embeddedServer().port()).isEqualTo(3389);
      assertThat(properties.embeddedServer().dataFile()).isEqualTo("./data/directorio.ldif");
      // The properties may be logged; the password never is.
      assertThat(properties.toString()).doesNotContain("demo");
    });
  }

  @Test
  void theEmbeddedServerStartsWithTheContextAndTheDirectoryReachesIt() throws Exception {
    int port = TestDirectory.freePort();
    withYaml("application.yaml").withPropertyValues("MESA_DIRECTORY_PASSWORD=demo",
        "mesa.directory.embedded-server.port=" + port, "mesa.directory.embedded-server.data-file=",
        "mesa.directory.url=ldap://127.0.0.1:" + port).run(c -> {
      assertThat(c).hasSingleBean(EmbeddedDirectoryServer.class);
      assertThat(c.getBean(Directory.class).findByLoginName("tecnico")).get()
          .extracting(DirectoryAccount::displayName).isEqualTo("Técnico Operativo");
    });
  }

  @Test
  void theTestProfileStartsItsOwnDirectoryOnAFreePortInMemory() throws Exception {
    withYaml("application.yaml", "application-test.yaml").withPropertyValues("MESA_DIRECTORY_PASSWORD=demo").run(c -> {
      assertThat(c).hasNotFailed().hasSingleBean(EmbeddedDirectoryServer.class).hasSingleBean(Directory.class);
      assertThat(c.getBean(EmbeddedDirectoryServer.class).url()).get().asString()
          .startsWith("ldap://127.0.0.1:").doesNotEndWith(":3389");
      // The client reaches it where it listens, not at the configured default port.
      assertThat(c.getBean(Directory.class).findByLoginName("tecnico")).isPresent();
    });
  }

  @Test
  void prodTakesTheInstitutesDirectoryFromTheEnvironment() throws Exception {
    withYaml("application.yaml", "application-postgres.yaml", "application-prod.yaml").withPropertyValues(
        "MESA_DIRECTORY_URL=ldaps://dc01.idep.edu.co", "MESA_DIRECTORY_BIND_DN=CN=svc-mesa,OU=Servicios,DC=idep,DC=edu,DC=co",
        "MESA_DIRECTORY_BASE=DC=idep,DC=edu,DC=co", "MESA_DIRECTORY_PASSWORD=una-clave-larga-del-directorio",
        "MESA_DIRECTORY_GROUP_VPN=CN=VPN-Usuarios,OU=Grupos,DC=idep,DC=edu,DC=co").run(c -> {
      DirectoryProperties properties = c.getBean(DirectoryProperties.class);
      assertThat(c).doesNotHaveBean(EmbeddedDirectoryServer.class);
      assertThat(properties.url()).isEqualTo("ldaps://dc01.idep.edu.co");
      assertThat(properties.password()).isEqualTo("una-clave-larga-del-directorio");
      assertThat(properties.style()).isEqualTo(AttributeStyle.AD);
      assertThat(properties.usersDn()).isEqualTo("ou=usuarios,DC=idep,DC=edu,DC=co");
      assertThat(properties.groups().red()).isEqualTo("cn=red,ou=grupos,DC=idep,DC=edu,DC=co");
      assertThat(properties.groups().vpn()).isEqualTo("CN=VPN-Usuarios,OU=Grupos,DC=idep,DC=edu,DC=co");
    });
  }

  @Test
  void aWrongUrlOrDnStopsTheStartAndSaysWhich() throws Exception {
    withYaml("application.yaml")
        .withPropertyValues("mesa.directory.embedded-server.enabled=false", "mesa.directory.url=http://dc01.idep.edu.co",
            "mesa.directory.groups.red=esto no es un DN")
        .run(c -> assertThat(c).hasFailed().getFailure()
            .hasStackTraceContaining("debe ser ldaps://servidor[:puerto] o ldap://servidor[:puerto]")
            .hasStackTraceContaining("no es un DN de LDAP válido"));
  }
}
