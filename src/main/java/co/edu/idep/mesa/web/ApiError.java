package co.edu.idep.mesa.web;

import co.edu.idep.mesa.validation.Violation;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;

/** The body of every error that {@code /api} answers: a Spanish message and, if any, the fields. */
public record ApiError(String message, List<Violation> errors) {

  public static ApiError of(String message) {
    return new ApiError(message, List.of());
  }

  /** Answers with this body from a servlet filter, where no controller advice reaches. */
  public static void write(HttpServletResponse response, ObjectMapper json, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    json.writeValue(response.getOutputStream(), of(message));
  }
}
