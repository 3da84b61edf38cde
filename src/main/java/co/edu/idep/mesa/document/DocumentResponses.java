package co.edu.idep.mesa.document;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A ticket's document as an HTTP answer, the same wherever it is served ({@code /api/tickets/…/documents}
 * and the pages «Mis tickets»).
 */
public final class DocumentResponses {

  private DocumentResponses() {}

  /**
   * A PDF opens inline, in the browser's viewer, where it is printed to be signed, without leaving a
   * copy in the Downloads folder of a shared computer (it carries an identity number, Ley 1581); any
   * other type is a download. Never kept by a cache, nor sniffed into another type.
   */
  public static ResponseEntity<byte[]> file(TicketDocument d) {
    MediaType type = MediaType.parseMediaType(d.contentType());
    ContentDisposition disposition = (MediaType.APPLICATION_PDF.equalsTypeAndSubtype(type)
        ? ContentDisposition.inline() : ContentDisposition.attachment()).filename(d.name()).build();
    return ResponseEntity.ok()
        .contentType(type)
        .contentLength(d.content().length)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .header("X-Content-Type-Options", "nosniff")
        .body(d.content());
  }
}
