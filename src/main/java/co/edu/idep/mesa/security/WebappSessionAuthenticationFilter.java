package co.edu.idep.mesa.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login for pages of our own ({@code /mis-tickets}): whoever is logged in to Tasklist,
 * Cockpit or Admin in this browser is logged in here, with no second login. Camunda's webapps keep
 * who is logged in in the HTTP session (attribute {@code authenticatedUser}, one
 * {@link UserAuthentication} per engine); this filter reads it for the application's engine and
 * hands Spring Security the user id with his groups as authorities, as HTTP Basic does on
 * {@code /api}.
 *
 * <p>It never creates a session and never logs anyone in: without a session, or with a session in
 * which nobody logged in to this engine, the request stays anonymous (and the chain sends it to the
 * login). Like Camunda's own {@code AuthenticationFilter}, it looks the user and his groups up again
 * once the webapps' authentication cache has expired ({@code camunda.bpm.webapp.auth.cache}): a user
 * deleted or moved to another group meanwhile is seen as such here too. Logging out of the webapps
 * logs out of these pages.
 */
public class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

  private final String engineName;
  /**
   * Milliseconds the webapps trust their copy of the user and his groups (0: looked up on every
   * request); null when the cache has no time to live, and the copy of the login is kept as it is.
   */
  private final Long cacheTimeToLive;

  public WebappSessionAuthenticationFilter(String engineName, Long cacheTimeToLive) {
    this.engineName = engineName;
    this.cacheTimeToLive = cacheTimeToLive;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    UserAuthentication user = loggedIn(request.getSession(false));
    if (user != null) {
      List<SimpleGrantedAuthority> groups = user.getGroupIds() == null ? List.of()
          : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
      SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
      context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null, groups));
      SecurityContextHolder.getContextHolderStrategy().setContext(context);
    }
    chain.doFilter(request, response);
  }

  /** Who is logged in to the webapps on this session for the application's engine, or null. */
  private UserAuthentication loggedIn(HttpSession session) {
    if (session == null || session.getAttribute("authenticatedUser") == null) return null;
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (cacheTimeToLive != null) {
      // What Camunda's AuthenticationFilter does on every webapp request: past the cache's time to
      // live, the user and his groups are read again (a user no longer there is logged out).
      AuthenticationUtil.updateCache(authentications, session, cacheTimeToLive);
      AuthenticationUtil.updateSession(session, authentications);
    }
    Authentication authentication = authentications.getAuthenticationForProcessEngine(engineName);
    return authentication instanceof UserAuthentication user && user.getIdentityId() != null ? user : null;
  }
}
