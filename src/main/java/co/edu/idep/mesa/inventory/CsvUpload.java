package co.edu.idep.mesa.inventory;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The CSV file in the body of an import request, as text: {@code text/csv} (or {@code text/plain}),
 * at most {@link #MAX_BYTES}, in UTF-8 unless its charset says otherwise. Read here rather than with
 * {@code consumes} and {@code @RequestBody}: the shared 415 answer asks for JSON, and a body bound
 * as a String has no size limit.
 */
final class CsvUpload {

  /** 10,000 rows of realistic length fit several times over; the file is read into memory. */
  static final int MAX_BYTES = 8 * 1024 * 1024;

  /** A request whose file is not read, with the status and the Spanish reason. */
  static final class Refused extends RuntimeException {
    private final HttpStatus status;

    Refused(HttpStatus status, String message) {
      super(message);
      this.status = status;
    }

    HttpStatus status() {
      return status;
    }
  }

  private CsvUpload() {}

  static String read(HttpServletRequest request) throws IOException {
    Charset charset = charset(request.getContentType());
    if (request.getContentLengthLong() > MAX_BYTES) throw tooLarge();
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes(MAX_BYTES + 1);
    }
    if (body.length > MAX_BYTES) throw tooLarge();
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      throw new Refused(HttpStatus.BAD_REQUEST, "El archivo no está en " + charset.displayName() + ": guárdelo como"
          + " «CSV UTF-8 (delimitado por comas)» e intente de nuevo. No se importó nada.");
    }
  }

  private static Charset charset(String contentType) {
    try {
      MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
      if (type != null && (type.isCompatibleWith(new MediaType("text", "csv")) || type.isCompatibleWith(MediaType.TEXT_PLAIN))) {
        return type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
      }
    } catch (IllegalArgumentException e) {
      // A malformed type or an unknown charset: answered as no type at all.
    }
    throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Envíe el archivo en el cuerpo de la solicitud con Content-Type: text/csv; charset=UTF-8.");
  }

  private static Refused tooLarge() {
    return new Refused(HttpStatus.PAYLOAD_TOO_LARGE, "El archivo supera " + MAX_BYTES / (1024 * 1024)
        + " MB: impórtelo en partes de máximo " + AssetCsv.MAX_ROWS + " filas. No se importó nada.");
  }
}
