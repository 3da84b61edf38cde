package co.edu.idep.mesa.security;

import co.edu.idep.mesa.web.ApiError;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is being slowed down at login, and lifting it: {@code GET /api/login-throttle} and
 * {@code DELETE /api/login-throttle?address=…&account=…}, for administrators (SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/login-throttle")
public class LoginThrottleController {

  /** A count: {@code account} null is the address as a whole. */
  public record ThrottledKey(String account, String address, int failures, OffsetDateTime blockedUntil) {}

  /** How many counts were lifted. */
  public record Lifted(int lifted, String message) {}

  private final LoginThrottle throttle;
  private final ZoneId zone;

  public LoginThrottleController(LoginThrottle throttle, @Value("${mesa.zone-id}") String zone) {
    this.throttle = throttle;
    this.zone = ZoneId.of(zone);
  }

  @GetMapping
  public List<ThrottledKey> list() {
    return throttle.throttled().stream()
        .map(t -> new ThrottledKey(t.account(), t.address(), t.failures(), t.blockedUntil().atZone(zone).toOffsetDateTime()))
        .toList();
  }

  @DeleteMapping
  public ResponseEntity<?> lift(@RequestParam(required = false) String address,
      @RequestParam(required = false) String account) {
    String where = blankToNull(address);
    String who = blankToNull(account);
    if (where == null && who == null) {
      return ResponseEntity.badRequest().body(ApiError.of("Indique la dirección (address), la cuenta (account) o ambas."));
    }
    int lifted = throttle.lift(who, where);
    String message = switch (lifted) {
      case 0 -> "No había límites de intentos que coincidieran.";
      case 1 -> "Se levantó 1 límite de intentos.";
      default -> "Se levantaron " + lifted + " límites de intentos.";
    };
    return ResponseEntity.ok(new Lifted(lifted, message));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
