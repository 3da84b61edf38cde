package co.edu.idep.mesa.document;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents the application generates for a ticket (the "Formato para salida de equipos" of a
 * loan, for one), kept in the database with the ticket so that they share its backups and its
 * access rules. Who may read them is decided by {@code TicketService.find}, which
 * {@link TicketDocumentController} and the pages «Mis tickets» ({@code portal/}) both ask.
 */
@Service
public class TicketDocuments {

  /**
   * A plain file name: lower-case words of letters and digits joined by hyphens, and an extension,
   * as in {@code salida-de-equipos.pdf}. No path, no spaces, nothing to escape in a header or URL.
   */
  static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]{1,10}");
  static final int MAX_NAME_LENGTH = 100;
  /** A media type without parameters, such as {@code application/pdf}. */
  static final Pattern CONTENT_TYPE = Pattern.compile("[a-z]+/[a-z0-9][a-z0-9.+-]{0,80}");
  /** Generated forms weigh a few kilobytes; the limit keeps a runaway document out of the database. */
  static final int MAX_BYTES = 10 * 1024 * 1024;

  private final TicketDocumentRepository documents;
  private final Clock clock;

  public TicketDocuments(TicketDocumentRepository documents, Clock clock) {
    this.documents = documents;
    this.clock = clock;
  }

  /**
   * Stores {@code content} as the ticket's document {@code name}, replacing a document of the same
   * name: a job that runs again leaves one document, the last one written. Should two transactions
   * store the same new name at once, the unique key lets one of them fail, and its job is retried.
   */
  @Transactional
  public DocumentInfo store(String ticketCode, String name, String contentType, byte[] content, String createdBy) {
    Objects.requireNonNull(ticketCode, "ticketCode");
    if (!isValidName(name)) {
      throw new IllegalArgumentException("Not a plain document name ([a-z0-9-]+.ext): " + name);
    }
    if (contentType == null || !CONTENT_TYPE.matcher(contentType).matches()) {
      throw new IllegalArgumentException("Not a media type without parameters: " + contentType);
    }
    if (content == null || content.length > MAX_BYTES) {
      throw new IllegalArgumentException("A document has content of at most " + MAX_BYTES + " bytes");
    }
    TicketDocument document = new TicketDocument(ticketCode, name, contentType, content.clone(),
        OffsetDateTime.now(clock), createdBy);
    if (!documents.replace(document)) documents.insert(document);
    return document.info();
  }

  /** The document, or empty if the ticket has none by that name (or the name is not one). */
  public Optional<TicketDocument> find(String ticketCode, String name) {
    return isValidName(name) ? documents.find(ticketCode, name) : Optional.empty();
  }

  /** The ticket's documents by name, without their content. */
  public List<DocumentInfo> list(String ticketCode) {
    return documents.list(ticketCode);
  }

  static boolean isValidName(String name) {
    return name != null && name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
  }
}
