package co.edu.idep.mesa.accounts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cuentas/entrega}: the page where the technician reveals the temporary password at
 * the hand-over, linked from the form «Entregar las credenciales» (Camunda Forms cannot call an
 * endpoint themselves). Behind the same HTTP Basic login as the rest of {@code /api}; the page holds
 * no data, it calls the reveal from the browser.
 */
@RestController
public class AccountHandOverPageController {

  private static final String PAGE = "accounts/entrega-credenciales.html";

  private final String page;

  public AccountHandOverPageController() {
    try (InputStream in = new ClassPathResource(PAGE).getInputStream()) {
      this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(PAGE, e);
    }
  }

  @GetMapping(path = "/api/cuentas/entrega", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> page() {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(new MediaType("text", "html",
        StandardCharsets.UTF_8)).body(page);
  }
}
