package co.edu.idep.mesa.accounts;

import co.edu.idep.mesa.accounts.AccountPasswords.Revealed;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/tickets/{code}/account/password}: the one-time reveal of the hand-over. A POST,
 * because each call sets a new password; never cached.
 */
@RestController
public class AccountPasswordController {

  private final AccountPasswords passwords;

  public AccountPasswordController(AccountPasswords passwords) {
    this.passwords = passwords;
  }

  @PostMapping("/api/tickets/{code}/account/password")
  @Transactional
  public ResponseEntity<Map<String, String>> reveal(@PathVariable String code, Authentication user) {
    Revealed revealed = passwords.reveal(code, user.getName());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(Map.of("loginName", revealed.loginName(), "password", revealed.password(),
            "message", "Entregue esta contraseña al usuario; se muestra una sola vez y debe cambiarla al iniciar sesión."));
  }
}
