package co.edu.idep.mesa.security;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.ApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The login throttle through the three doors people and programs use — {@code /api},
 * {@code /engine-rest} and the webapps' login — with clients at several addresses: the test
 * profile trusts the loopback as a proxy, so each request names its client in X-Forwarded-For.
 * Time is the engine's clock, which the tests stand still and move.
 */
@ApplicationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleApiTest {

  static final String WRONG = "equivocada";
  static final String ADMIN_ADDRESS = "192.0.2.250";

  /** The three ways to log in. */
  enum Door { API, ENGINE_REST, WEBAPP }

  /** What a login attempt got back. */
  record Answer(int status, String retryAfter, String body) {}

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  ApiClient api;
  Instant now;

  @BeforeEach
  void standTheClockStill() {
    api = new ApiClient(port);
    now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  @AfterEach
  void resetTheClock() {
    ClockUtil.reset();
  }

  @Test
  void fiftyFailuresFromOneAddressNeverKeepTheOwnerOutAtAnother(CapturedOutput output) {
    String stranger = "203.0.113.10";
    String office = "198.51.100.20";
    int failures = 0;
    for (int i = 0; failures < 50; i++) {
      Door door = Door.values()[i % 3];
      Answer answer = attempt(door, stranger, "jefe", WRONG);
      if (answer.status() == 429) {
        move(Duration.ofSeconds(Long.parseLong(answer.retryAfter())));
        answer = attempt(door, stranger, "jefe", WRONG);
      }
      assertThat(answer.status()).as("%s, intento %d", door, i).isEqualTo(401);
      failures++;
    }

    // At once, from his office, through every door.
    assertThat(attempt(Door.API, office, "jefe", "demo").status()).isEqualTo(200);
    assertThat(attempt(Door.ENGINE_REST, office, "jefe", "demo").status()).isEqualTo(200);
    assertThat(attempt(Door.WEBAPP, office, "jefe", "demo").status()).isEqualTo(200);
    // Camunda's own per-user lock is off: the engine itself still takes his password.
    assertThat(identity.checkPassword("jefe", "demo")).isTrue();

    // The stranger waits a minute, even with the right password, which is not even checked.
    Answer refused = attempt(Door.API, stranger, "jefe", "demo");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.retryAfter()).isEqualTo("60");
    assertThat(refused.body()).contains("\"message\":\"Hubo demasiados intentos fallidos", "Espere 60 segundos");

    // Expected refusals are not errors, and the log names neither the account nor the addresses.
    assertThat(output.getAll()).doesNotContain(" ERROR ", stranger, office, "'jefe'")
        .doesNotContain("servlet filter accessing the request parameters");
  }

  @Test
  void theStrangersDelaysDoubleFromOneSecondToAMinuteOnEveryDoor() {
    String stranger = "203.0.113.11";
    assertThat(attempt(Door.API, stranger, "jefe", WRONG).status()).isEqualTo(401);
    List<String> delays = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Door door = Door.values()[i % 3];
      Answer refused = attempt(door, stranger, "jefe", WRONG);
      assertThat(refused.status()).as("%s, inmediatamente", door).isEqualTo(429);
      assertThat(refused.body()).contains("Espere");
      delays.add(refused.retryAfter());
      move(Duration.ofSeconds(Long.parseLong(refused.retryAfter())).minusMillis(1));
      Answer early = attempt(door, stranger, "jefe", WRONG);
      assertThat(early.status()).as("%s, 1 ms antes", door).isEqualTo(429);
      assertThat(early.retryAfter()).isEqualTo("1");
      move(Duration.ofMillis(1));
      assertThat(attempt(door, stranger, "jefe", WRONG).status()).as("%s, a tiempo", door).isEqualTo(401);
    }
    assertThat(delays).containsExactly("1", "2", "4", "8", "16", "32", "60", "60");

    // After the last delay the right password opens, and the count starts again.
    move(Duration.ofSeconds(60));
    assertThat(attempt(Door.API, stranger, "jefe", "demo").status()).isEqualTo(200);
    assertThat(attempt(Door.API, stranger, "jefe", WRONG).status()).isEqualTo(401);
    assertThat(attempt(Door.API, stranger, "jefe", WRONG).retryAfter()).isEqualTo("1");
  }

  @Test
  void oneAddressAgainstTwentyAccountsIsSlowedAsAWhole() {
    String stranger = "203.0.113.12";
    for (int i = 1; i <= 11; i++) {
      assertThat(attempt(Door.API, stranger, account(i), WRONG).status()).as(account(i)).isEqualTo(401);
    }
    List<String> delays = new ArrayList<>();
    for (int i = 12; i <= 20; i++) {
      Door door = Door.values()[i % 3];
      Answer refused = attempt(door, stranger, account(i), WRONG);
      assertThat(refused.status()).as("%s, primera vez", account(i)).isEqualTo(429);
      delays.add(refused.retryAfter());
      // Everyone at that address waits, even with a right password.
      assertThat(attempt(Door.API, stranger, "usuario1", "demo").status()).isEqualTo(429);
      move(Duration.ofSeconds(Long.parseLong(refused.retryAfter())));
      assertThat(attempt(door, stranger, account(i), WRONG).status()).isEqualTo(401);
    }
    assertThat(delays).containsExactly("1", "2", "4", "8", "16", "32", "60", "60", "60");
    // Other addresses are not concerned.
    assertThat(attempt(Door.API, "198.51.100.21", account(20), WRONG).status()).isEqualTo(401);
    assertThat(attempt(Door.WEBAPP, "198.51.100.22", "usuario1", "demo").status()).isEqualTo(200);
  }

  @Test
  void theAuditTrailShowsRepeatedFailuresWithTheirAddresses() {
    String first = "203.0.113.13";
    String second = "203.0.113.14";
    assertThat(attempt(Door.API, first, "sistemas", WRONG).status()).isEqualTo(401);
    assertThat(attempt(Door.ENGINE_REST, second, "sistemas", WRONG).status()).isEqualTo(401);
    move(Duration.ofSeconds(1));
    assertThat(attempt(Door.WEBAPP, first, "sistemas", WRONG).status()).isEqualTo(401);

    LocalDate today = LocalDate.now(ZoneId.of("America/Bogota"));
    String period = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    Reply trail = api.get("/api/audit?" + period, "jefe");
    assertThat(trail.status()).isEqualTo(200);
    List<JsonNode> logins = StreamSupport.stream(trail.json().spliterator(), false)
        .filter(e -> e.get("source").asText().equals("acceso") && e.get("user").asText().equals("sistemas"))
        .toList();
    assertThat(logins).hasSize(1);
    assertThat(logins.get(0).get("action").asText()).isEqualTo("Inicios de sesión fallidos");
    assertThat(logins.get(0).get("detail").asText())
        .isEqualTo("3 contraseñas incorrectas para la cuenta, desde " + first + " (2), " + second + " (1)");

    Reply csv = api.get("/api/audit/export?" + period, "jefe");
    assertThat(csv.body()).contains("sistemas,Inicios de sesión fallidos,,\"3 contraseñas incorrectas para la cuenta, desde "
        + first + " (2), " + second + " (1)\",acceso");
  }

  @Test
  void anAdministratorSeesWhoIsThrottledAndLiftsIt() {
    String stranger = "203.0.113.15";
    assertThat(attempt(Door.API, stranger, "goobi", WRONG).status()).isEqualTo(401);
    move(Duration.ofSeconds(1));
    assertThat(attempt(Door.API, stranger, "goobi", WRONG).status()).isEqualTo(401);
    move(Duration.ofSeconds(2));
    assertThat(attempt(Door.API, stranger, "goobi", WRONG).status()).isEqualTo(401);

    Reply list = api.sendFrom(ADMIN_ADDRESS, "GET", "/api/login-throttle", "admin", "demo", null);
    assertThat(list.status()).isEqualTo(200);
    JsonNode goobi = StreamSupport.stream(list.json().spliterator(), false)
        .filter(k -> k.get("address").asText().equals(stranger) && "goobi".equals(k.get("account").textValue()))
        .findFirst().orElseThrow();
    assertThat(goobi.get("failures").asInt()).isEqualTo(3);
    assertThat(OffsetDateTime.parse(goobi.get("blockedUntil").asText()).toInstant()).isEqualTo(now.plusSeconds(4));
    assertThat(list.json()).anySatisfy(k -> {
      assertThat(k.get("address").asText()).isEqualTo(stranger);
      assertThat(k.get("account").isNull()).isTrue();
      assertThat(k.get("failures").asInt()).isEqualTo(3);
    });
    assertThat(api.get("/api/login-throttle", "jefe").status()).isEqualTo(403);
    assertThat(api.sendFrom(ADMIN_ADDRESS, "DELETE", "/api/login-throttle?address=" + stranger, "jefe", "demo", null)
        .status()).isEqualTo(403);

    assertThat(attempt(Door.API, stranger, "goobi", "demo").status()).isEqualTo(429);
    Reply lifted = api.sendFrom(ADMIN_ADDRESS, "DELETE",
        "/api/login-throttle?address=" + stranger + "&account=goobi", "admin", "demo", null);
    assertThat(lifted.status()).isEqualTo(200);
    assertThat(lifted.json().get("lifted").asInt()).isEqualTo(1);
    assertThat(attempt(Door.API, stranger, "goobi", "demo").status()).isEqualTo(200);
    // The address's own count is lifted by address.
    assertThat(api.sendFrom(ADMIN_ADDRESS, "DELETE", "/api/login-throttle?address=" + stranger, "admin", "demo", null)
        .json().get("lifted").asInt()).isEqualTo(1);

    Reply nothing = api.sendFrom(ADMIN_ADDRESS, "DELETE", "/api/login-throttle", "admin", "demo", null);
    assertThat(nothing.status()).isEqualTo(400);
    assertThat(nothing.json().get("message").asText()).startsWith("Indique la dirección");
  }

  @Test
  void aRightPasswordWithoutTheRoleIsNoFailure() {
    String office = "198.51.100.23";
    for (int i = 0; i < 12; i++) {
      assertThat(api.sendFrom(office, "GET", "/api/audit?ticket=MDS-2026-000001", "usuario1", "demo", null).status())
          .isEqualTo(403);
    }
    assertThat(attempt(Door.WEBAPP, office, "usuario1", "demo", "cockpit").status()).isEqualTo(403);
    assertThat(attempt(Door.API, office, "usuario1", "demo").status()).isEqualTo(200);
    Reply list = api.sendFrom(ADMIN_ADDRESS, "GET", "/api/login-throttle", "admin", "demo", null);
    assertThat(list.json()).noneSatisfy(k -> assertThat(k.get("address").asText()).isEqualTo(office));
  }

  @Test
  void theEngineApisPasswordCheckIsThrottledToo() {
    // identity/verify checks anybody's password for whoever may read users (the administrators).
    String admin = "203.0.113.16";
    String guess = "{\"username\": \"jefe\", \"password\": \"%s\"}";
    Reply wrong = api.sendFrom(admin, "POST", "/engine-rest/identity/verify", "admin", "demo", guess.formatted(WRONG));
    assertThat(wrong.status()).as(wrong.body()).isEqualTo(200);
    assertThat(wrong.json().get("authenticated").asBoolean()).isFalse();
    // Too soon: not even the right password is checked.
    Reply tooSoon = api.sendFrom(admin, "POST", "/engine-rest/identity/verify", "admin", "demo", guess.formatted("demo"));
    assertThat(tooSoon.json().get("authenticated").asBoolean()).isFalse();
    move(Duration.ofSeconds(1));
    Reply right = api.sendFrom(admin, "POST", "/engine-rest/identity/verify", "admin", "demo", guess.formatted("demo"));
    assertThat(right.json().get("authenticated").asBoolean()).isTrue();
  }

  // ------------------------------------------------------------------ helpers

  private static String account(int i) {
    return "cuenta%02d".formatted(i);
  }

  private void move(Duration duration) {
    now = now.plus(duration);
    ClockUtil.setCurrentTime(Date.from(now));
  }

  private Answer attempt(Door door, String address, String user, String password) {
    return attempt(door, address, user, password, "tasklist");
  }

  private Answer attempt(Door door, String address, String user, String password, String app) {
    return switch (door) {
      case API -> answer(api.sendFrom(address, "GET", "/api/tickets", user, password, null));
      case ENGINE_REST -> answer(api.sendFrom(address, "GET", "/engine-rest/task/count", user, password, null));
      case WEBAPP -> webappLogin(app, address, user, password);
    };
  }

  private static Answer answer(Reply reply) {
    return new Answer(reply.status(), reply.header("Retry-After").orElse(null), reply.body());
  }

  /** Logs in to a webapp as the browser does: Camunda's CSRF token first, then the login form. */
  private Answer webappLogin(String app, String address, String user, String password) {
    String base = "http://localhost:" + port;
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    try {
      http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
      String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
          + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
          .header("X-Forwarded-For", address).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
