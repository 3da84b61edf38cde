package co.edu.idep.mesa.escalation.osticket;

import static co.edu.idep.mesa.security.ProductionSettings.blank;
import static co.edu.idep.mesa.security.ProductionSettings.resolved;
import co.edu.idep.mesa.security.ProductionSettings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The {@code prod} profile refuses to start, before touching the database, with a vendor help desk
 * (mesa.humano.osticket.url) but no key (MESA_HUMANO_OSTICKET_KEY), or reached over plain
 * {@code http://} on another machine: the key and the case, with the requester's contact, would
 * cross the network in clear text. Without a URL nothing is checked: the escalation to Humano's
 * vendor is then the manual step. Runs after security/ProductionSafetyCheck and
 * accounts/directory/DirectoryProductionCheck, like the latter (spring.factories lists it last).
 */
public class OsTicketProductionCheck implements EnvironmentPostProcessor, Ordered {

  static final String PROFILE = "prod";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    if (!Arrays.asList(env.getActiveProfiles()).contains(PROFILE)) return;
    String url = resolved(env, "mesa.humano.osticket.url");
    if (blank(url)) return;
    List<String> problems = new ArrayList<>();
    url(url.strip(), problems);
    if (blank(resolved(env, "mesa.humano.osticket.api-key"))) {
      problems.add("la mesa de ayuda del proveedor de Humano está configurada (mesa.humano.osticket.url) pero falta "
          + "el secreto " + OsTicketClient.KEY_VARIABLE);
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("La Mesa de Servicios no inicia con el perfil prod: "
          + String.join("; ", problems) + ".");
    }
  }

  /** https:// anywhere; http:// only to this very machine. */
  private static void url(String url, List<String> problems) {
    URI parsed;
    try {
      parsed = new URI(url);
    } catch (URISyntaxException e) {
      parsed = null;
    }
    String scheme = parsed == null || parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    if (parsed == null || parsed.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))
        || parsed.getRawUserInfo() != null || parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
      problems.add("mesa.humano.osticket.url no es una dirección válida de la mesa de ayuda del proveedor "
          + "(https://servidor[:puerto][/ruta])");
      return;
    }
    if (scheme.equals("http") && !ProductionSettings.loopback(parsed.getHost())) {
      problems.add("mesa.humano.osticket.url usa http:// sin cifrar hacia otro equipo: use https://");
    }
  }



  /** After the other production checks (unordered or lowest too; spring.factories lists it last). */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
