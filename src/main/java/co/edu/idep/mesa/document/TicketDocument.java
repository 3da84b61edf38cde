package co.edu.idep.mesa.document;

import java.time.OffsetDateTime;

/** A document stored with a ticket, with its content. */
public record TicketDocument(String ticketCode, String name, String contentType, byte[] content,
    OffsetDateTime createdAt, String createdBy) {

  public DocumentInfo info() {
    return new DocumentInfo(name, contentType, content.length, createdAt, createdBy);
  }
}
