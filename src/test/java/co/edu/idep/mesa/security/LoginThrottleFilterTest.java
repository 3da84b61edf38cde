package co.edu.idep.mesa.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** How the filter reads who logs in: the HTTP Basic header, or the webapps' login form. */
class LoginThrottleFilterTest {

  @Test
  void theAccountOfAnHttpBasicHeader() {
    assertThat(LoginThrottleFilter.basicUser(basic("jefe:una:clave"))).isEqualTo("jefe");
    assertThat(LoginThrottleFilter.basicUser("basic " + encode("José:x"))).isEqualTo("José");
    assertThat(LoginThrottleFilter.basicUser(basic(":x"))).isEmpty();
    assertThat(LoginThrottleFilter.basicUser(basic("sin-dos-puntos"))).isNull();
    assertThat(LoginThrottleFilter.basicUser("Basic %%%")).isNull();
    assertThat(LoginThrottleFilter.basicUser("Bearer abc")).isNull();
    assertThat(LoginThrottleFilter.basicUser(null)).isNull();
  }

  @Test
  void theLoginFormIsReadOnceAndOfferedAgainWhole() throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/camunda/api/admin/auth/user/default/login/tasklist");
    String form = "password=a%26b%3Dc&username=Jos%C3%A9+P%C3%A9rez";
    request.setContent(form.getBytes(StandardCharsets.UTF_8));
    request.setCharacterEncoding("no-existe");

    LoginThrottleFilter.BufferedFormRequest buffered = new LoginThrottleFilter.BufferedFormRequest(request);

    assertThat(buffered.field("username")).isEqualTo("José Pérez");
    assertThat(buffered.field("password")).isEqualTo("a&b=c");
    assertThat(buffered.field("otro")).isNull();
    assertThat(new String(buffered.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(form);
    assertThat(buffered.getReader().readLine()).isEqualTo(form);
  }

  @Test
  void theRefusalSpeaksToTheUserInSpanish() {
    assertThat(LoginThrottleFilter.message(1)).endsWith("Espere 1 segundo e intente de nuevo.");
    assertThat(LoginThrottleFilter.message(60)).endsWith("Espere 60 segundos e intente de nuevo.");
  }

  private static String basic(String credentials) {
    return "Basic " + encode(credentials);
  }

  private static String encode(String credentials) {
    return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
