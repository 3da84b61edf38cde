package co.edu.idep.mesa.notification;

import co.edu.idep.mesa.notification.OutboxRepository.Entry;
import co.edu.idep.mesa.web.ApiError;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outbox for help-desk staff, the Jefe OAP and administrators (SecurityConfiguration):
 * {@code GET /api/outbox?state=FALLIDO} and {@code POST /api/outbox/{id}/retry}. Each message with
 * whom it is for (the users, groups and addresses the step named), the addresses it went to (known
 * once the sender looked them up), its state, attempts and last error; never its content.
 */
@RestController
@RequestMapping("/api/outbox")
public class OutboxController {

  private static final Logger log = LoggerFactory.getLogger(OutboxController.class);
  static final int MAX_LIMIT = 500;

  record Message(long id, String kind, String ticket, Audience audience, List<String> recipients, String state,
      String stateLabel,
      int attempts, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt, String lastError) {}

  record Retried(Message mail, String message) {}

  private final OutboxRepository outbox;
  private final Clock clock;
  private final ZoneId zone;

  public OutboxController(OutboxRepository outbox, Clock clock, @Value("${mesa.zone-id}") String zone) {
    this.outbox = outbox;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  /** The newest messages first, at most {@code limit} (100; up to 500), of one state or of all. */
  @GetMapping
  public ResponseEntity<?> list(@RequestParam(required = false) String state,
      @RequestParam(defaultValue = "100") int limit) {
    OutboxState wanted = null;
    if (state != null && !state.isBlank()) {
      try {
        wanted = OutboxState.valueOf(state.strip().toUpperCase());
      } catch (IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ApiError.of("El estado debe ser uno de: "
            + Arrays.stream(OutboxState.values()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
      }
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      return ResponseEntity.badRequest().body(ApiError.of("El límite debe estar entre 1 y " + MAX_LIMIT + "."));
    }
    return ResponseEntity.ok(outbox.list(wanted, limit).stream().map(this::message).toList());
  }

  /**
   * A FALLIDO or SIN_DESTINATARIO message goes back to the queue with all its attempts; its audience
   * is looked up again when it is sent (a user may have an address by then).
   */
  @PostMapping("/{id}/retry")
  public ResponseEntity<?> retry(@PathVariable long id, Authentication user) {
    if (outbox.retry(id, clock.instant())) {
      log.info("Mail {} put back in the outbox by {}", id, user.getName());
      return ResponseEntity.ok(new Retried(outbox.find(id).map(this::message).orElseThrow(),
          "El mensaje volvió a la cola; se enviará en el próximo intento."));
    }
    return outbox.find(id)
        .<ResponseEntity<?>>map(mail -> ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of(
            "Solo se reintenta un mensaje fallido o sin destinatario; este está "
                + mail.state().name().toLowerCase().replace('_', ' ') + ".")))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
            .body(ApiError.of("No existe un mensaje con ese número en el buzón de salida.")));
  }

  private Message message(Entry e) {
    return new Message(e.id(), e.kind(), e.ticketCode(), e.audience(), e.recipients(), e.state().name(),
        e.state().label(),
        e.attempts(), local(e.createdAt()), local(e.nextAttemptAt()), local(e.sentAt()), e.lastError());
  }

  private OffsetDateTime local(OffsetDateTime time) {
    return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
  }
}
