package co.edu.idep.mesa.security;

import static co.edu.idep.mesa.security.ProductionSettings.blank;
import static co.edu.idep.mesa.security.ProductionSettings.resolved;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The {@code prod} profile refuses to start — before touching the database — with demo users,
 * with default or weak passwords, or without the secrets it needs or the institute's mail server, and
 * says what is missing. With the profile {@code ldap} the first administrator's password
 * (MESA_ADMIN_PASSWORD) is not needed: the directory's camunda-admin group holds the administrators.
 */
public class ProductionSafetyCheck implements EnvironmentPostProcessor {

  static final String PROFILE = "prod";
  /** Log in with the directory account (accounts/directory/DirectoryLoginConfiguration). */
  static final String DIRECTORY_LOGIN_PROFILE = "ldap";
  static final int MIN_PASSWORD_LENGTH = 12;
  static final Set<String> DEFAULT_PASSWORDS =
      Set.of("demo", "admin", "camunda", "password", "changeme", "mesa", "postgres", "123456");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (!Arrays.asList(env.getActiveProfiles()).contains(PROFILE)) return;
    List<String> problems = new ArrayList<>();
    if (env.getProperty("mesa.demo-users.enabled", Boolean.class, false)) {
      problems.add("los usuarios de demostración están activos (mesa.demo-users.enabled debe ser false)");
    }
    if (env.getProperty("mesa.inventory.seed", Boolean.class, false)) {
      problems.add("los equipos de demostración están activos (mesa.inventory.seed debe ser false)");
    }
    if (env.getProperty("mesa.providers.seed", Boolean.class, false)) {
      problems.add("los proveedores de demostración están activos (mesa.providers.seed debe ser false)");
    }
    secret(env, "spring.datasource.password", "MESA_DB_PASSWORD", problems);
    // With the directory (profile ldap) the administrators are its camunda-admin group's members, with
    // the directory's passwords; camunda.bpm.admin-user is not used (accounts/directory/DirectoryLoginConfiguration).
    if (!Arrays.asList(env.getActiveProfiles()).contains(DIRECTORY_LOGIN_PROFILE)) {
      secret(env, "camunda.bpm.admin-user.password", "MESA_ADMIN_PASSWORD", problems);
    }
    if (blank(env.getProperty("spring.datasource.url")) || env.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")) {
      problems.add("falta MESA_DB_URL: producción usa PostgreSQL, no la base embebida");
    }
    mail(env, problems);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("La Mesa de Servicios no inicia con el perfil prod: "
          + String.join("; ", problems) + ".");
    }
  }

  /** The notifications go through the institute's mail server, with links people can open. */
  private static void mail(ConfigurableEnvironment env, List<String> problems) {
    if (blank(resolved(env, "spring.mail.host"))) {
      problems.add("falta MESA_MAIL_HOST: el servidor de correo del instituto");
    }
    if (env.getProperty("mesa.mail.embedded-server.enabled", Boolean.class, false)) {
      problems.add("el servidor de correo embebido está activo (mesa.mail.embedded-server.enabled debe ser false)");
    }
    String publicUrl = resolved(env, "mesa.public-url");
    if (blank(publicUrl) || publicUrl.matches("(?i)https?://(localhost|127\\.0\\.0\\.1)([:/].*)?")) {
      problems.add("falta MESA_PUBLIC_URL: la dirección de la Mesa de Servicios a la que apuntan los enlaces de los correos");
    }
  }


  private static void secret(ConfigurableEnvironment env, String property, String variable, List<String> problems) {
    String value;
    try {
      value = env.getProperty(property);
    } catch (IllegalArgumentException unresolved) {
      value = null;
    }
    if (blank(value)) {
      problems.add("falta el secreto " + variable);
    } else if (DEFAULT_PASSWORDS.contains(value.toLowerCase()) || value.length() < MIN_PASSWORD_LENGTH) {
      problems.add(variable + " es una contraseña por defecto o tiene menos de " + MIN_PASSWORD_LENGTH + " caracteres");
    }
  }

}
