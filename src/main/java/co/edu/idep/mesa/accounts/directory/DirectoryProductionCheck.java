package co.edu.idep.mesa.accounts.directory;

import static co.edu.idep.mesa.security.ProductionSettings.blank;
import static co.edu.idep.mesa.security.ProductionSettings.resolved;
import co.edu.idep.mesa.security.ProductionSettings;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The {@code prod} profile refuses to start, before touching the database, without the institute's
 * directory: its URL, service account and base from the environment, the password from
 * MESA_DIRECTORY_PASSWORD, and an encrypted connection ({@code ldaps://}) unless the directory runs
 * on the same machine. Plain LDAP would send that password and every temporary password in clear
 * text across the network. Runs after security/ProductionSafetyCheck, which reports the other secrets.
 */
public class DirectoryProductionCheck implements EnvironmentPostProcessor, Ordered {

  static final String PROFILE = "prod";
  static final int MIN_PASSWORD_LENGTH = 12;
  static final Set<String> DEFAULT_PASSWORDS =
      Set.of("demo", "admin", "password", "changeme", "secret", "ldap", "directorio", "123456");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (!Arrays.asList(env.getActiveProfiles()).contains(PROFILE)) return;
    List<String> problems = new ArrayList<>();
    url(resolved(env, "mesa.directory.url"), problems);
    if (blank(resolved(env, "mesa.directory.bind-dn"))) {
      problems.add("falta MESA_DIRECTORY_BIND_DN: la cuenta de servicio que crea las cuentas en el directorio");
    }
    if (blank(resolved(env, "mesa.directory.base-dn"))) {
      problems.add("falta MESA_DIRECTORY_BASE: la base del directorio (por ejemplo dc=idep,dc=edu,dc=co)");
    }
    String password = resolved(env, "mesa.directory.password");
    if (blank(password)) {
      problems.add("falta el secreto MESA_DIRECTORY_PASSWORD");
    } else if (DEFAULT_PASSWORDS.contains(password.toLowerCase(Locale.ROOT))
        || password.length() < MIN_PASSWORD_LENGTH) {
      problems.add("MESA_DIRECTORY_PASSWORD es una contraseña por defecto o tiene menos de " + MIN_PASSWORD_LENGTH
          + " caracteres");
    }
    if (env.getProperty("mesa.directory.embedded-server.enabled", Boolean.class, false)) {
      problems.add("el directorio embebido está activo (mesa.directory.embedded-server.enabled debe ser false)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("La Mesa de Servicios no inicia con el perfil prod: "
          + String.join("; ", problems) + ".");
    }
  }

  /** ldaps:// anywhere; ldap:// only to this very machine. */
  private static void url(String url, List<String> problems) {
    if (blank(url)) {
      problems.add("falta MESA_DIRECTORY_URL: el directorio del instituto (ldaps://servidor)");
      return;
    }
    LDAPURL parsed;
    try {
      parsed = new LDAPURL(url.strip());
    } catch (LDAPException e) {
      problems.add("MESA_DIRECTORY_URL no es una dirección LDAP válida (ldaps://servidor[:puerto])");
      return;
    }
    if ("ldap".equalsIgnoreCase(parsed.getScheme()) && !ProductionSettings.loopback(parsed.getHost())) {
      problems.add("MESA_DIRECTORY_URL usa ldap:// sin cifrar hacia otro equipo: use ldaps://");
    }
  }



  /** After ProductionSafetyCheck (unordered, so last too; spring.factories lists it first). */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
