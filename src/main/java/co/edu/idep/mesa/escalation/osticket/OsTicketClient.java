package co.edu.idep.mesa.escalation.osticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Opens a case on the vendor's osTicket help desk (issue 12, Humano): {@code POST
 * {url}/api/tickets.json} with the key in {@code X-API-Key} and the JSON fields {@code name},
 * {@code email}, {@code subject}, {@code message} and, when configured, {@code topicId}. osTicket
 * answers 201 with the new case's number as plain text; anything else is an {@link OsTicketException}
 * whose Spanish message an operator reads in Cockpit and that says whether a retry can help.
 *
 * <p>What each answer means, as osTicket's API gives it (include/api.tickets.php, class.api.php):
 * 401 is a key that is wrong, inactive, not allowed to create cases or not issued for this client's
 * address; 403 is a case osTicket denied (a banned sender, too many open cases); 400 a case it
 * refused (a missing or unexpected field, a topic's required field); 500 a case it could not create.
 *
 * <p>osTicket's API has no idempotency key. A retry after a timeout or a cut connection may open a
 * second case if the first request did arrive; those failures say so ({@link OsTicketException#mayHaveOpened()}),
 * and the caller sends no case twice for one escalation (ProviderEscalations).
 *
 * <p>Nothing personal is logged (the case's text may hold the requester's contact), and the key
 * never appears in a log or a message: one INFO line per call, with the status and the duration.
 */
@Component
public class OsTicketClient {

  private static final Logger log = LoggerFactory.getLogger(OsTicketClient.class);

  static final String PATH = "/api/tickets.json";
  static final String KEY_HEADER = "X-API-Key";
  static final String KEY_VARIABLE = "MESA_HUMANO_OSTICKET_KEY";
  /** osTicket's numbers: digits (six by default), or a configured format with letters and hyphens. */
  private static final Pattern TICKET_NUMBER = Pattern.compile("(?=[A-Za-z-]*[0-9])[A-Za-z0-9-]{1,20}");
  /** An answer is read up to this many bytes: a number, or an error worth quoting. */
  private static final int MAX_BODY_BYTES = 8 * 1024;
  /** Characters of the vendor's answer quoted in a message. */
  static final int MAX_QUOTED = 200;
  private static final String USER_AGENT = "Mesa-de-Servicios-IDEP";
  private static final String DESK = "La mesa de ayuda del proveedor";
  private static final String CHECK_BEFORE_RETRY =
      "puede haber creado el caso; revise la mesa del proveedor antes de reintentar, para no abrirlo dos veces.";
  /** For the failures after which the request may have arrived: retried, but not blindly by hand. */
  private static final String MAY_HAVE_ARRIVED = "Se puede reintentar; si el error persiste, revise la mesa del "
      + "proveedor antes de reintentar a mano: pudo haber recibido la solicitud y creado el caso.";

  private final OsTicketProperties properties;
  private final URI endpoint;
  private final RestClient http;
  private final ObjectMapper json = new ObjectMapper();

  public OsTicketClient(OsTicketProperties properties) {
    this.properties = properties;
    this.endpoint = properties.configured() ? endpoint(properties.url()) : null;
    // Without a help desk there is nothing to call (and no idle HttpClient thread).
    this.http = properties.configured() ? restClient(properties.timeout()) : null;
  }

  private static RestClient restClient(Duration timeout) {
    HttpClient.Builder client = HttpClient.newBuilder()
        .connectTimeout(timeout)
        // A redirect is reported, never followed: it would resend the key and the case elsewhere.
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1);
    // The JVM's proxy settings (-Dhttps.proxyHost=...), should the institute reach the Internet through one.
    ProxySelector proxies = ProxySelector.getDefault();
    if (proxies != null) client.proxy(proxies);
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client.build());
    requests.setReadTimeout(timeout);
    return RestClient.builder().requestFactory(requests).build();
  }

  /** Whether a help desk is configured ({@code mesa.humano.osticket.url}); otherwise the escalation is manual. */
  public boolean isConfigured() {
    return properties.configured();
  }

  /**
   * Opens the case and returns the vendor's case number.
   *
   * @throws IllegalStateException when no help desk is configured (see {@link #isConfigured()})
   * @throws OsTicketException when the help desk did not open the case, or may have opened it without
   *     saying its number
   */
  public String open(OsTicketRequest request) {
    if (!isConfigured()) {
      throw new IllegalStateException(DESK + " (osTicket) no está configurada: mesa.humano.osticket.url está vacía.");
    }
    if (properties.apiKey().isEmpty()) {
      throw new OsTicketException("La Mesa de Servicios no tiene la clave de API de la mesa de ayuda del proveedor: "
          + "defina " + KEY_VARIABLE + ".", false);
    }
    byte[] body = body(request);
    long start = System.nanoTime();
    Answer answer;
    try {
      answer = http.post().uri(endpoint)
          .contentType(MediaType.APPLICATION_JSON)
          .header(KEY_HEADER, properties.apiKey())
          .header(HttpHeaders.USER_AGENT, USER_AGENT)
          .body(body)
          .exchange((sent, response) -> read(response), true);
    } catch (ResourceAccessException e) {
      OsTicketException failure = unreachable(e);
      log.info("osTicket {}: no answer after {} ms ({})", endpoint.getAuthority(), millisSince(start),
          e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
      throw failure;
    } catch (RestClientException e) {
      log.info("osTicket {}: request failed after {} ms ({})", endpoint.getAuthority(), millisSince(start),
          e.getClass().getSimpleName());
      String what = "Falló la comunicación con " + desk() + " (" + e.getClass().getSimpleName() + ").";
      throw new OsTicketException(what, what + " " + MAY_HAVE_ARRIVED, true, e);
    }
    String number = answer.status() == 201 && answer.failure() == null ? ticketNumber(answer.body()) : null;
    log.info("osTicket {}: HTTP {} in {} ms{}", endpoint.getAuthority(), answer.status(), millisSince(start),
        number != null ? ", case " + number : answer.status() / 100 == 2 ? ", no case number in the answer" : "");
    if (number != null) return number;
    throw refused(answer);
  }

  private byte[] body(OsTicketRequest request) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", request.name());
    fields.put("email", request.email());
    fields.put("subject", request.subject());
    fields.put("message", request.message());
    if (properties.topicId() != null) fields.put("topicId", properties.topicId());
    try {
      return json.writeValueAsBytes(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("No se pudo escribir el caso para la mesa de ayuda del proveedor", e);
    }
  }

  /** The status and the first bytes of the answer; a body cut short is kept as such. */
  private static Answer read(ClientHttpResponse response) throws IOException {
    int status = response.getStatusCode().value();
    String location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
    Charset charset = charset(response.getHeaders());
    try {
      byte[] bytes = response.getBody().readNBytes(MAX_BODY_BYTES);
      return new Answer(status, new String(bytes, charset), location, null);
    } catch (IOException e) {
      return new Answer(status, "", location, e);
    }
  }

  private static Charset charset(HttpHeaders headers) {
    try {
      MediaType type = headers.getContentType();
      if (type != null && type.getCharset() != null) return type.getCharset();
    } catch (RuntimeException unknown) {
      // an invalid Content-Type or an unknown charset: osTicket writes UTF-8
    }
    return StandardCharsets.UTF_8;
  }

  /** The trimmed number, or null when the body is not one. */
  private static String ticketNumber(String body) {
    String number = body.replace("\uFEFF", "").strip();
    return TICKET_NUMBER.matcher(number).matches() ? number : null;
  }

  private OsTicketException refused(Answer answer) {
    int status = answer.status();
    String quoted = quote(answer.body());
    if (status >= 200 && status < 300) {
      if (answer.failure() != null) {
        String what = DESK + " respondió HTTP " + status + " pero la respuesta se cortó antes del número del caso";
        return new OsTicketException(what + ".", what + ": " + CHECK_BEFORE_RETRY, false, answer.failure());
      }
      String created = status == 201 ? "HTTP 201 (caso creado)" : "HTTP " + status + " en lugar de 201 (caso creado)";
      String what = DESK + " respondió " + created + " sin un número de caso válido ("
          + (quoted.isEmpty() ? "respuesta vacía" : "«" + quoted + "»") + ")";
      return new OsTicketException(what + ".", what + ": " + CHECK_BEFORE_RETRY, false, null);
    }
    if (status >= 300 && status < 400) {
      String target = answer.location() == null ? "" : " hacia «" + quote(answer.location()) + "»";
      return new OsTicketException(DESK + " respondió con una redirección (HTTP " + status + target
          + "): revise mesa.humano.osticket.url (¿https:// en lugar de http://, u otra ruta?).", false);
    }
    if (status == 401) {
      return new OsTicketException(DESK + " rechazó la clave de API (HTTP 401): revise " + KEY_VARIABLE + ". osTicket "
          + "también la rechaza si no está activa o no fue emitida para la dirección IP desde la que sale la Mesa de "
          + "Servicios" + said(quoted) + ".", false);
    }
    if (status == 403) {
      return new OsTicketException(DESK + " negó el caso (HTTP 403" + said(quoted) + "): osTicket lo hace cuando el "
          + "remitente del caso está bloqueado o tiene demasiados casos abiertos, y un filtro del proveedor cuando no "
          + "admite la dirección de la Mesa de Servicios; revíselo con el proveedor.", false);
    }
    if (status == 404) {
      return new OsTicketException(DESK + " no encontró su API en " + PATH + " (HTTP 404): revise "
          + "mesa.humano.osticket.url.", false);
    }
    if (status == 408 || status == 425 || status == 429) {
      return new OsTicketException(DESK + " pidió esperar (HTTP " + status + said(quoted) + "): se puede reintentar "
          + "más tarde.", true);
    }
    if (status == 502 || status == 504) {
      // A gateway before the help desk: it may have passed the case on and lost the answer.
      String what = DESK + " no respondió a través de su pasarela (HTTP " + status + said(quoted) + ").";
      return new OsTicketException(what, what + " " + MAY_HAVE_ARRIVED, true, null);
    }
    if (status >= 500) {
      return new OsTicketException(DESK + " falló o no está disponible (HTTP " + status + said(quoted) + "): un error "
          + "del proveedor; se puede reintentar.", true);
    }
    return new OsTicketException(DESK + " rechazó el caso (HTTP " + status + said(quoted) + "): reintentar no lo "
        + "cambia; revise los datos del caso y la configuración (mesa.humano.osticket.topic-id) con el proveedor.", false);
  }

  private OsTicketException unreachable(ResourceAccessException e) {
    String wait = duration(properties.timeout());
    Throwable cause = e.getCause() == null ? e : e.getCause();
    if (find(e, HttpConnectTimeoutException.class) != null) {
      return new OsTicketException("No se pudo conectar con " + desk() + " en " + wait + ": se puede reintentar.", true, cause);
    }
    if (find(e, HttpTimeoutException.class) != null) {
      String what = capitalized(desk()) + " no respondió en " + wait + " (tiempo de espera agotado).";
      return new OsTicketException(what, what + " " + MAY_HAVE_ARRIVED, true, cause);
    }
    if (find(e, ConnectException.class) != null) {
      return new OsTicketException(capitalized(desk()) + " rechazó la conexión o no está en línea: se puede reintentar.", true, cause);
    }
    if (find(e, UnknownHostException.class) != null) {
      return new OsTicketException("No se encontró el servidor de " + desk() + ": revise mesa.humano.osticket.url "
          + "o el DNS; se puede reintentar.", true, cause);
    }
    if (find(e, SSLException.class) != null) {
      return new OsTicketException("No se pudo establecer una conexión segura (TLS) con " + desk() + ": revise su "
          + "certificado; se puede reintentar.", true, cause);
    }
    String what = "Se cortó la comunicación con " + desk() + " (" + cause.getClass().getSimpleName() + ").";
    return new OsTicketException(what, what + " " + MAY_HAVE_ARRIVED, true, cause);
  }

  private String desk() {
    return "la mesa de ayuda del proveedor (" + endpoint.getAuthority() + ")";
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) return type.cast(t);
    }
    return null;
  }

  /** ": «text»" when the vendor said something, nothing otherwise. */
  private static String said(String quoted) {
    return quoted.isEmpty() ? "" : ": «" + quoted + "»";
  }

  /**
   * The vendor's answer as one short line: tags and control characters out, spaces collapsed, at
   * most {@value #MAX_QUOTED} characters, and the key masked should the vendor ever echo it.
   */
  String quote(String text) {
    String line = text.replace("\uFEFF", "")
        .replaceAll("(?is)<(script|style)\\b[^>]*>.*?</\\1\\s*>", " ")
        .replaceAll("(?s)<[^>]*>", " ")
        .replaceAll("[\\p{Cntrl}\\s]+", " ")
        .strip();
    if (!properties.apiKey().isEmpty()) line = line.replace(properties.apiKey(), "***");
    if (line.codePointCount(0, line.length()) > MAX_QUOTED) {
      line = line.substring(0, line.offsetByCodePoints(0, MAX_QUOTED)).strip() + "…";
    }
    return line;
  }

  private static String duration(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static URI endpoint(URI base) {
    String url = base.toString();
    while (url.endsWith("/")) url = url.substring(0, url.length() - 1);
    return URI.create(url + PATH);
  }

  private record Answer(int status, String body, String location, IOException failure) {}
}
