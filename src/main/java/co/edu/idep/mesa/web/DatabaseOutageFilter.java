package co.edu.idep.mesa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last word on a database out of reach, for what no exception handler answers: the password
 * check of Camunda's REST API and of the webapps, their session filters, the pages «Mis tickets».
 * A failure that reaches this filter would otherwise be Spring Boot's 500; when it is a connection
 * failure ({@link DatabaseFailures#isConnectionFailure}) it becomes the same Spanish 503 with
 * {@code Retry-After} that {@code /api} and Camunda's REST API answer. Anything else passes on.
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

  private final ObjectMapper json;

  public DatabaseOutageFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseFailures.isConnectionFailure(e) || response.isCommitted()) throw e;
      DatabaseFailures.logUnavailable(request.getMethod() + " " + request.getRequestURI(), e);
      response.reset();
      DatabaseFailures.writeUnavailable(response, json);
    }
  }
}
