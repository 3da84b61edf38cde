package co.edu.idep.mesa.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control for the requests that use the database ({@code /api}, {@code /engine-rest},
 * the webapps' own API, the pages «Mis tickets»): at most {@code maxConcurrent} are served at once,
 * so each finds a pooled connection free; up to {@code maxQueue} more wait their turn, first come
 * first served, for at most {@code maxWait}. Past that a request is refused at once with 503,
 * {@code Retry-After} and a Spanish message: it has touched nothing, so the client may simply send
 * it again.
 */
public class AdmissionControlFilter extends OncePerRequestFilter {

  private final AdmissionProperties limits;
  private final ObjectMapper json;
  private final Semaphore permits;

  public AdmissionControlFilter(AdmissionProperties limits, ObjectMapper json) {
    this.limits = limits;
    this.json = json;
    this.permits = new Semaphore(limits.maxConcurrent(), true);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/")
        || path.startsWith("/camunda/api/") || path.equals("/mis-tickets") || path.startsWith("/mis-tickets/"));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
      FilterChain chain) throws ServletException, IOException {
    if (!admit()) {
      refuse(response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      permits.release();
    }
  }

  private boolean admit() {
    if (permits.tryAcquire()) return true;
    if (permits.getQueueLength() >= limits.maxQueue()) return false;
    try {
      return permits.tryAcquire(limits.maxWait().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void refuse(HttpServletResponse response) throws IOException {
    long seconds = Math.max(1, limits.retryAfter().toSeconds());
    response.setHeader("Retry-After", Long.toString(seconds));
    ApiError.write(response, json, HttpServletResponse.SC_SERVICE_UNAVAILABLE, Overload.message(seconds));
  }

  /** Requests being served now, and waiting: for tests and monitoring. */
  int inUse() {
    return limits.maxConcurrent() - permits.availablePermits();
  }

  int waiting() {
    return permits.getQueueLength();
  }
}
