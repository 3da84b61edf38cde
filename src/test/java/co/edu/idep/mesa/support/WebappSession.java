package co.edu.idep.mesa.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Talks to the webapps' own API as a browser does: a session cookie and Camunda's CSRF token,
 * login to one of the apps (tasklist, cockpit, admin), then the webapp's engine API.
 */
public class WebappSession {

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String csrfToken;

  public WebappSession(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Logs in to {@code app}; returns the HTTP status (200 when the user may use that app). */
  public int login(String app, String user, String password) {
    fetchCsrfToken();
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrfToken)
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    // The login starts a new session with a new token.
    fetchCsrfToken();
    return response.statusCode();
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
        .header("X-XSRF-TOKEN", csrfToken).GET());
  }

  /** A page as the browser asks for it, with the session's cookie; redirects are not followed. */
  public HttpResponse<String> page(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
  }

  /** A request as Tasklist sends it: {@code accept} e.g. {@code application/hal+json}, a JSON body or none. */
  public HttpResponse<String> send(String method, String path, String accept, String json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
        .header("X-XSRF-TOKEN", csrfToken);
    if (json != null) request.header("Content-Type", "application/json");
    return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> postWithoutCsrfToken(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", csrfToken).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private void fetchCsrfToken() {
    send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).GET());
    csrfToken = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
