package co.edu.idep.mesa.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Someone not logged in to the webapps opens {@code /mis-tickets}: he is sent to Tasklist's login,
 * with the page he asked for in {@code volver}. Tasklist's script «Mis tickets»
 * ({@code app/tasklist/scripts/mis-tickets/}) shows him why he is there and, once he is logged in,
 * takes him back. Only the list or a ticket's page is ever named there, never another address: {@code volver} cannot send anyone elsewhere.
 */
public class WebappLoginEntryPoint implements AuthenticationEntryPoint {

  /** The pages worth coming back to: the list and a ticket's page. */
  static final Pattern RETURNABLE = Pattern.compile("/mis-tickets(/[A-Za-z0-9-]{1,40})?");
  static final String NOTE = "Inicie sesión en la Mesa de Servicios para ver sus tickets.";

  /** Tasklist's address from the application's root, e.g. {@code /camunda/app/tasklist/default/}. */
  private final String tasklist;

  public WebappLoginEntryPoint(String tasklist) {
    this.tasklist = tasklist;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String back = RETURNABLE.matcher(path).matches() ? path : "/mis-tickets";
    String login = request.getContextPath() + tasklist + "?volver=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
    response.setStatus(HttpServletResponse.SC_FOUND);
    response.setHeader(HttpHeaders.LOCATION, login);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    // Read only by clients that do not follow redirects. The address holds no markup: the code
    // pattern above, or the fixed path, and the encoded query.
    response.getWriter().write("<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"UTF-8\"><title>Inicie sesión"
        + "</title></head><body><main><h1>Inicie sesión</h1><p>" + NOTE + " <a href=\"" + login
        + "\">Ir al inicio de sesión</a></p></main></body></html>");
  }
}
