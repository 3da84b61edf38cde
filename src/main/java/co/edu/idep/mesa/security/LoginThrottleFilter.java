package co.edu.idep.mesa.security;

import co.edu.idep.mesa.web.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the {@link LoginThrottle} in front of the three ways to log in: HTTP Basic on {@code /api}
 * and {@code /engine-rest}, and the webapps' login form. An attempt whose account and address are
 * being delayed is answered 429 with {@code Retry-After}, before any password is checked. The
 * verdict itself comes from the password check ({@link ThrottledIdentityProvider}), never from the
 * status of the response. Afterwards, repeated failures are written to the audit trail: one short
 * statement, outside any transaction, on the one connection the request may use.
 *
 * <p>The client's address is {@code getRemoteAddr()}: behind a proxy, Tomcat puts there the
 * {@code X-Forwarded-For} of trusted proxies only ({@code server.tomcat.remoteip.internal-proxies}).
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);
  private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
  /** The webapps' login form is a few dozen bytes; a larger body is left alone (the check still throttles). */
  static final int MAX_FORM_BYTES = 4096;

  private final LoginThrottle throttle;
  private final LoginFailureLog failures;
  private final ObjectMapper json;

  public LoginThrottleFilter(LoginThrottle throttle, LoginFailureLog failures, ObjectMapper json) {
    this.throttle = throttle;
    this.failures = failures;
    this.json = json;
  }

  /** The account a request logs in as, and the request to pass on (its form body kept for Jersey). */
  private record Attempt(String account, HttpServletRequest request) {}

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    Attempt attempt = attempt(request);
    if (attempt.account() != null) {
      LoginThrottle.Admission admission = throttle.admit(attempt.account(), address);
      if (!admission.admitted()) {
        refuse(response, admission.retryAfter());
        return;
      }
    }
    LoginRequestContext context = LoginRequestContext.open(address);
    if (attempt.account() != null) context.admitted(attempt.account());
    try {
      chain.doFilter(attempt.request(), response);
    } finally {
      context.close();
      context.unsettled().forEach(account -> throttle.released(account, address));
      context.repeatedFailures().forEach(this::write);
    }
  }

  private Attempt attempt(HttpServletRequest request) throws IOException {
    String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
    if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/")) {
      return new Attempt(basicUser(request.getHeader(HttpHeaders.AUTHORIZATION)), request);
    }
    if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()
        && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(mediaType(request))
        && request.getContentLength() >= 0 && request.getContentLength() <= MAX_FORM_BYTES) {
      BufferedFormRequest form = new BufferedFormRequest(request);
      return new Attempt(form.field("username"), form);
    }
    return new Attempt(null, request);
  }

  /** The user name of an HTTP Basic header, as Spring Security and Camunda read it; null if none. */
  static String basicUser(String header) {
    if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) return null;
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  private static MediaType mediaType(HttpServletRequest request) {
    try {
      return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
    } catch (IllegalArgumentException invalid) {
      return null;
    }
  }

  private void refuse(HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    ApiError.write(response, json, HttpStatus.TOO_MANY_REQUESTS.value(), message(seconds));
  }

  static String message(long seconds) {
    return "Hubo demasiados intentos fallidos de inicio de sesión desde su equipo. Espere "
        + seconds + (seconds == 1 ? " segundo" : " segundos") + " e intente de nuevo.";
  }

  private void write(LoginThrottle.RepeatedFailures repeated) {
    try {
      failures.record(repeated);
    } catch (DataAccessException e) {
      // Neither the account nor the address: they are personal data, and the log is not the audit trail.
      LOG.warn("No se pudo registrar en la auditoría una serie de inicios de sesión fallidos ({})",
          e.getClass().getSimpleName());
    }
  }

  /** The request with its small form body read once and offered again to whoever reads it next. */
  static final class BufferedFormRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final Charset charset;

    BufferedFormRequest(HttpServletRequest request) throws IOException {
      super(request);
      this.body = request.getInputStream().readNBytes(MAX_FORM_BYTES);
      this.charset = charset(request.getCharacterEncoding());
    }

    private static Charset charset(String name) {
      try {
        return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
      } catch (IllegalArgumentException unknown) {
        return StandardCharsets.UTF_8;
      }
    }

    /** The first value of a form field, decoded; null if absent or malformed. */
    String field(String name) {
      for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
        int equals = pair.indexOf('=');
        try {
          String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
          if (key.equals(name)) return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
        } catch (IllegalArgumentException malformed) {
          return null;
        }
      }
      return null;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The login form is read synchronously");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
    }
  }
}
