package co.edu.idep.mesa.security;

import java.util.List;
import co.edu.idep.mesa.web.DatabaseFailures;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * {@code /api} logs in against the same users and passwords as the Camunda webapps (Camunda's
 * identity service: its database, or the directory on the profile {@code ldap}); the user's groups
 * become the authorities. A check that cannot be made (the directory does not answer) is no wrong
 * password: SecurityConfiguration answers it 503.
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identity;

  public CamundaIdentityAuthenticationProvider(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object password = authentication.getCredentials();
    try {
      if (user == null || password == null || !identity.checkPassword(user, password.toString())) {
        throw new BadCredentialsException("Usuario o contraseña incorrectos.");
      }
      List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
          .map(group -> new SimpleGrantedAuthority(group.getId())).toList();
      return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    } catch (RuntimeException e) {
      // The engine could not check it, or the database was out of reach before its command began.
      if (e instanceof ProcessEngineException || DatabaseFailures.isConnectionFailure(e)) {
        throw new AuthenticationServiceException("No se pudo comprobar la contraseña.", e);
      }
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
