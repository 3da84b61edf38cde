package co.edu.idep.mesa.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

/** The body of an import request: its type, its size and its encoding, refused in Spanish. */
class AssetCsvUploadTest {

  static MockHttpServletRequest request(String contentType, byte[] body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/assets/import");
    request.setContentType(contentType);
    request.setContent(body);
    return request;
  }

  @Test
  void readsUtf8AndTheCharsetTheRequestNames() throws Exception {
    assertThat(CsvUpload.read(request("text/csv", "placa,descripción".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("placa,descripción");
    assertThat(CsvUpload.read(request("text/csv; charset=windows-1252",
        "descripción".getBytes("windows-1252")))).isEqualTo("descripción");
  }

  @Test
  void refusesAnotherTypeAFileThatIsNotUtf8AndOneTooLarge() {
    assertThatThrownBy(() -> CsvUpload.read(request("application/json", new byte[0])))
        .isInstanceOfSatisfying(CsvUpload.Refused.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
          assertThat(e.getMessage()).contains("Content-Type: text/csv");
        });
    assertThatThrownBy(() -> CsvUpload.read(request("text/csv; charset=no-existe", new byte[0])))
        .isInstanceOfSatisfying(CsvUpload.Refused.class,
            e -> assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
    // "descripción" as Excel's plain "CSV" writes it in Windows-1252: not UTF-8.
    assertThatThrownBy(() -> CsvUpload.read(request("text/csv", new byte[] {'d', 'e', (byte) 0xF3, 'n'})))
        .isInstanceOfSatisfying(CsvUpload.Refused.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(e.getMessage()).contains("CSV UTF-8");
        });
    assertThatThrownBy(() -> CsvUpload.read(request("text/csv", new byte[CsvUpload.MAX_BYTES + 1])))
        .isInstanceOfSatisfying(CsvUpload.Refused.class,
            e -> assertThat(e.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE));
  }
}
