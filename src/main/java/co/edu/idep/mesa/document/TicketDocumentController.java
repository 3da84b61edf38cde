package co.edu.idep.mesa.document;

import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.ticket.Ticket;
import co.edu.idep.mesa.ticket.TicketService;
import co.edu.idep.mesa.web.ApiError;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tickets/{code}/documents} and {@code .../documents/{name}}: the ticket's documents,
 * for exactly those who may read the ticket (its requester, the agents of its topic, the
 * supervisors: {@link TicketService#find}).
 */
@RestController
@RequestMapping("/api/tickets/{code}/documents")
public class TicketDocumentController {

  /** The words of {@code GET /api/tickets/{code}} for a ticket one may not read: nothing tells them apart. */
  static final String NO_TICKET = "No existe un ticket con el código indicado entre los que usted puede consultar.";
  static final String NO_DOCUMENT = "El ticket no tiene un documento con ese nombre.";

  private final TicketService tickets;
  private final TicketDocuments documents;

  public TicketDocumentController(TicketService tickets, TicketDocuments documents) {
    this.tickets = tickets;
    this.documents = documents;
  }

  record Listed(String name, String contentType, int size, OffsetDateTime createdAt, String href) {
    static Listed of(String code, DocumentInfo d) {
      return new Listed(d.name(), d.contentType(), d.sizeBytes(), d.createdAt(),
          "/api/tickets/" + code + "/documents/" + d.name());
    }
  }

  @GetMapping
  public ResponseEntity<?> list(@PathVariable String code, Authentication user) {
    return readable(code, user)
        .<ResponseEntity<?>>map(t -> ResponseEntity.ok(documents.list(t.code()).stream()
            .map(d -> Listed.of(t.code(), d)).toList()))
        .orElseGet(() -> notFound(NO_TICKET));
  }

  @GetMapping("/{name}")
  public ResponseEntity<?> download(@PathVariable String code, @PathVariable String name, Authentication user) {
    // The ticket first: someone who may not read it learns nothing, not even which documents exist.
    Optional<Ticket> ticket = readable(code, user);
    if (ticket.isEmpty()) return notFound(NO_TICKET);
    return documents.find(ticket.get().code(), name)
        .<ResponseEntity<?>>map(DocumentResponses::file)
        .orElseGet(() -> notFound(NO_DOCUMENT));
  }

  private Optional<Ticket> readable(String code, Authentication user) {
    Set<String> groups = Roles.of(user);
    return tickets.find(code, user.getName(), groups);
  }

  private static ResponseEntity<?> notFound(String message) {
    // JSON whatever the client accepts: a browser asking for the PDF gets the Spanish message too.
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
        .body(ApiError.of(message));
  }
}
