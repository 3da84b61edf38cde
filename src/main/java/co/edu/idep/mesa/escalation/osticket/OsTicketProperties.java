package co.edu.idep.mesa.escalation.osticket;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mesa.humano.osticket.*}: the help desk (osTicket) of the vendor of Humano, where the
 * escalations of Humano open a case. See application.yaml and the README ("Humano: la mesa de ayuda
 * del proveedor (osTicket)").
 *
 * @param url the help desk's base address, e.g. {@code https://soporte.proveedor.com} (the client posts
 *     to {@code {url}/api/tickets.json}); empty or absent: not configured, and the escalation is the
 *     manual step. Only {@code http} or {@code https}, with a host, without user, query or fragment;
 *     in prod only {@code https} unless on this machine (OsTicketProductionCheck)
 * @param apiKey the API key the vendor issued for the institute's address: MESA_HUMANO_OSTICKET_KEY,
 *     never in a file and never in a log or a message
 * @param topicId the vendor's help topic for the cases, when the vendor asks for one
 * @param timeout waiting for the connection, and then for the answer; 10 s when absent
 */
@ConfigurationProperties("mesa.humano.osticket")
public record OsTicketProperties(URI url, String apiKey, Integer topicId, @DefaultValue("10s") Duration timeout) {

  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public OsTicketProperties {
    if (url != null && url.toString().isBlank()) url = null;
    if (url != null) checkUrl(url);
    apiKey = apiKey == null ? "" : apiKey.strip();
    if (!apiKey.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
      // the key itself is never quoted
      throw new IllegalArgumentException("MESA_HUMANO_OSTICKET_KEY tiene espacios o caracteres que no caben en una cabecera HTTP");
    }
    if (timeout == null) timeout = DEFAULT_TIMEOUT;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("mesa.humano.osticket.timeout debe ser mayor que cero");
    }
    if (topicId != null && topicId <= 0) {
      throw new IllegalArgumentException("mesa.humano.osticket.topic-id debe ser un número de tema del proveedor (mayor que cero)");
    }
  }

  /** Whether a help desk is named at all: without it the escalation falls back to the manual step. */
  public boolean configured() {
    return url != null;
  }

  private static void checkUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null
        || url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException("mesa.humano.osticket.url debe ser https://servidor[:puerto][/ruta], "
          + "sin usuario, consulta ni fragmento");
    }
  }

  /** Never the key: these properties may end in a log or an error message. */
  @Override
  public String toString() {
    return "OsTicketProperties[url=" + url + ", apiKey=" + (apiKey.isEmpty() ? "(vacía)" : "***") + ", topicId="
        + topicId + ", timeout=" + timeout + "]";
  }
}
