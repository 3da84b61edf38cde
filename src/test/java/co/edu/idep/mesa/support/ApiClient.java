package co.edu.idep.mesa.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A plain HTTP client for tests: talks to the running application as a given user. */
public class ApiClient {

  public record Reply(int status, JsonNode json, String body, HttpHeaders headers) {
    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;

  public ApiClient(int port) {
    this.base = "http://localhost:" + port;
  }

  public Reply get(String path, String user) {
    return send(request(path, user).GET());
  }

  /** Any method with an optional JSON body, as {@code user} (password {@code demo}). */
  public Reply send(String method, String path, String user, String json) {
    return send(request(path, user).header("Content-Type", "application/json").method(method,
        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Reply post(String path, String user, Object body) {
    try {
      return postRaw(path, user, body instanceof String s ? s : JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Reply postRaw(String path, String user, String body) {
    return send(request(path, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** A POST of a body of any type, e.g. a CSV file ({@code text/csv; charset=UTF-8}). */
  public Reply postAs(String path, String user, String contentType, String body) {
    return send(request(path, user).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** What an HTML form of any site can send without the browser asking first: a urlencoded POST. */
  public Reply postForm(String path, String user) {
    return send(request(path, user).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("x=1", StandardCharsets.UTF_8)));
  }

  /** A multipart/form-data POST with one file part, as Camunda's deployment endpoint takes. */
  public Reply postFile(String path, String user, String fileName, String content) {
    String boundary = "mesa" + System.nanoTime();
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprueba\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
    return send(request(path, user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** The id of the task {@code taskKey} of ticket {@code code}, looked up as the administrator. */
  public String taskId(String code, String taskKey) {
    Reply tasks = get("/engine-rest/task?processInstanceBusinessKey=" + code + "&taskDefinitionKey=" + taskKey, "admin");
    if (tasks.status() != 200 || tasks.json().size() != 1) {
      throw new AssertionError("Expected one task " + taskKey + " of " + code + ", got " + tasks.body());
    }
    return tasks.json().get(0).get("id").asText();
  }

  /** Submits a task form through Camunda's REST API, as Tasklist does. */
  public Reply submit(String taskId, String user, Map<String, Object> typedVariables) {
    return post("/engine-rest/task/" + taskId + "/submit-form", user, Map.of("variables", typedVariables));
  }

  /** Claims and completes the task {@code taskKey} of a ticket as {@code user}; fails unless both work. */
  public void complete(String code, String taskKey, String user, Map<String, Object> typedVariables) {
    String id = taskId(code, taskKey);
    Reply claim = post("/engine-rest/task/" + id + "/claim", user, Map.of("userId", user));
    Reply submit = claim.status() == 204 ? submit(id, user, typedVariables) : claim;
    if (submit.status() != 204) throw new AssertionError(taskKey + " as " + user + ": " + submit.body());
  }

  /** A typed variable as Camunda's REST API takes it. */
  public static Map<String, Object> value(Object value, String type) {
    return Map.of("value", value, "type", type);
  }

  public Reply getWithPassword(String path, String user, String password) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", basic(user, password)).GET());
  }

  /**
   * A request as {@code user} with {@code password} (no JSON body when {@code json} is null), from
   * the client {@code address} that the loopback proxy trusted by the test profile forwards in
   * {@code X-Forwarded-For}.
   */
  public Reply sendFrom(String address, String method, String path, String user, String password, String json) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
        .header("Content-Type", "application/json").header("X-Forwarded-For", address)
        .header("Authorization", basic(user, password))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
    return user == null ? builder : builder.header("Authorization", basic(user, "demo"));
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      String body = response.body();
      if (body != null && !body.isBlank() && (body.startsWith("{") || body.startsWith("["))) {
        json = JSON.readTree(body);
      }
      return new Reply(response.statusCode(), json, body, response.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
