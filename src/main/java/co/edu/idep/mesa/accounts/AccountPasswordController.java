package co.edu.idep.mesa.accounts;

import co.edu.idep.mesa.accounts.AccountPasswords.Revealed;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/tickets/{code}/account/password}: the one-time reveal of the hand-over. A POST,
 * because each call sets a new password; never cached. Only with a JSON body: a page of another site
 * cannot send one without the browser asking first, so it cannot make a technician's browser (which
 * keeps his HTTP Basic login) set a password he never sees.
 */
@RestController
public class AccountPasswordController {

  private final AccountPasswords passwords;

  public AccountPasswordController(AccountPasswords passwords) {
    this.passwords = passwords;
  }

  @PostMapping(path = "/api/tickets/{code}/account/password", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Transactional
  public ResponseEntity<Map<String, String>> reveal(@PathVariable String code, Authentication user) {
    Revealed revealed = passwords.reveal(code, user.getName());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(Map.of("loginName", revealed.loginName(), "password", revealed.password(),
            "message", "Entregue esta contraseña al usuario; se muestra una sola vez y debe cambiarla al iniciar sesión."));
  }
}
