package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.servicelevel.ServiceLevelView;
import co.edu.idep.mesa.web.ApiError;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The JSON API of the help desk; see the README for its use. */
@RestController
@RequestMapping("/api/tickets")
public class TicketController {

  private final TicketService service;

  public TicketController(TicketService service) {
    this.service = service;
  }

  record Created(String code, String state) {}

  record Summary(String code, String topic, String topicLabel, String subject, String state,
      String stateLabel, String priority, OffsetDateTime createdAt) {
    static Summary of(Ticket t) {
      return new Summary(t.code(), t.topic().name(), t.topic().label(), t.subject(), t.state().name(),
          t.state().label(), t.priority(), t.createdAt());
    }
  }

  record Detail(String code, String topic, String topicLabel, String subject, String description,
      Map<String, Object> fields, String requester, String assignedGroup, String priority,
      String state, String stateLabel, OffsetDateTime createdAt, OffsetDateTime updatedAt,
      OffsetDateTime closedAt, Integer satisfactionScore, List<TicketNote> timeline,
      List<ServiceLevelView> serviceLevels) {}

  @PostMapping
  public ResponseEntity<Created> open(@RequestBody Map<String, Object> body) {
    String code = service.open(body);
    return ResponseEntity.created(URI.create("/api/tickets/" + code))
        .body(new Created(code, TicketState.ASIGNADO.name()));
  }

  @GetMapping
  public List<Summary> mine(Authentication user) {
    return service.mine(user.getName()).stream().map(Summary::of).toList();
  }

  @GetMapping("/{code}")
  public ResponseEntity<?> one(@PathVariable String code, Authentication user) {
    Set<String> groups = Roles.of(user);
    return service.find(code, user.getName(), groups)
        .<ResponseEntity<?>>map(t -> ResponseEntity.ok(new Detail(t.code(), t.topic().name(),
            t.topic().label(), t.subject(), t.description(), t.details(), t.requester(),
            t.assignedGroup(), t.priority(), t.state().name(), t.state().label(), t.createdAt(),
            t.updatedAt(), t.closedAt(), t.satisfactionScore(), service.timeline(t.code()),
            service.serviceLevels(t.code()))))
        // Another person's ticket is answered exactly like a missing one: its existence is data too.
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
            .body(ApiError.of("No existe un ticket con el código indicado entre los que usted puede consultar.")));
  }
}
