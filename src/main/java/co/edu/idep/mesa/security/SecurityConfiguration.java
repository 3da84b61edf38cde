package co.edu.idep.mesa.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import co.edu.idep.mesa.web.ApiError;
import co.edu.idep.mesa.web.DatabaseFailures;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.spring.boot.starter.property.AuthenticationProperties;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. {@code /api} uses HTTP Basic against Camunda's users (its database, or the
 * directory on the profile {@code ldap}); {@code /engine-rest}
 * is guarded by Camunda's own authentication filter; the webapps by their own login (and their
 * own CSRF protection), which the pages «Mis tickets» ({@code /mis-tickets}) share. Only the health
 * endpoint and the login page answer anonymously.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityConfiguration {

  /** When to try again after a password that could not be checked. */
  static final String UNAVAILABLE_RETRY_AFTER_SECONDS = "30";

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider users,
      IdentityService identity, ObjectMapper json) throws Exception {
    return http.securityMatcher("/api/**")
        .authenticationProvider(users)
        .authorizeHttpRequests(requests -> requests
            // The audit trail and habeas data belong to the head of the planning office.
            .requestMatchers("/api/audit", "/api/audit/**", "/api/tickets/*/personal-data/**")
            .hasAnyAuthority(Roles.HEAD_OF_OFFICE, Roles.ADMIN)
            // Quarterly reports: the help-desk staff who generate them and the Jefe who approves.
            .requestMatchers("/api/reports", "/api/reports/**")
            .hasAnyAuthority(reportReaders())
            // The mail outbox (notification/OutboxController): the same help-desk staff, Jefe and
            // administrators, who see what was not delivered and send it again.
            .requestMatchers("/api/outbox", "/api/outbox/**")
            .hasAnyAuthority(reportReaders())
            // The inventory of lendable equipment (inventory/AssetController): the same staff keep it.
            .requestMatchers("/api/assets", "/api/assets/**")
            .hasAnyAuthority(reportReaders())
            // The outside providers and their support contracts (escalation/provider/ProviderController):
            // the same staff, who escalate to them.
            .requestMatchers("/api/providers", "/api/providers/**")
            .hasAnyAuthority(reportReaders())
            // Who is being slowed down at login, and lifting it (LoginThrottleController).
            .requestMatchers("/api/login-throttle", "/api/login-throttle/**").hasAuthority(Roles.ADMIN)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
          if (e instanceof AuthenticationServiceException && DatabaseFailures.isConnectionFailure(e)) {
            // The database is out of reach: the same answer as every other request meets meanwhile.
            DatabaseFailures.writeUnavailable(response, json);
          } else if (e instanceof AuthenticationServiceException) {
            // The password could not be checked (the directory does not answer): try again later.
            response.setHeader(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_AFTER_SECONDS);
            error(response, json, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                "No se pudo comprobar su contraseña en este momento. Intente de nuevo en unos minutos.", false);
          } else {
            error(response, json, HttpServletResponse.SC_UNAUTHORIZED,
                "Inicie sesión con su usuario y contraseña de la Mesa de Servicios.", true);
          }
        }))
        .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
            error(response, json, HttpServletResponse.SC_FORBIDDEN, "No tiene permiso para esta operación.", false)))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Stateless HTTP Basic: no session cookie, hence no cross-site request to forge.
        .csrf(AbstractHttpConfigurer::disable)
        .addFilterAfter(new CamundaAuthenticationFilter(identity), BasicAuthenticationFilter.class)
        .build();
  }

  /** Every agent group, the head of the office and the administrators. */
  private static String[] reportReaders() {
    List<String> readers = new ArrayList<>(Roles.AGENTS);
    readers.add(Roles.HEAD_OF_OFFICE);
    readers.add(Roles.ADMIN);
    return readers.toArray(String[]::new);
  }

  /**
   * «Mis tickets» ({@code portal/MisTicketsController}): the requester's pages, with the login of the
   * webapps (the HTTP session Tasklist logged in on), no second login. Nobody logged in there is sent
   * to Tasklist's login. Read-only pages: they create no session and keep nothing in one.
   */
  @Bean
  @Order(2)
  SecurityFilterChain requesterPages(HttpSecurity http, ProcessEngine engine, CamundaBpmProperties camunda,
      TasklistAddress tasklist) throws Exception {
    AuthenticationProperties.CacheProperties cache = camunda.getWebapp().getAuth().getCache();
    return http.securityMatcher("/mis-tickets", "/mis-tickets/**")
        .addFilterBefore(new WebappSessionAuthenticationFilter(engine.getName(),
            cache.isTtlEnabled() ? cache.getTimeToLive() : null), AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new WebappLoginEntryPoint(tasklist.path())))
        // Who is logged in is read from the webapps' session on every request, never stored by Spring.
        .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .requestCache(AbstractHttpConfigurer::disable)
        .build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            // Authenticated by Camunda: the webapps' login and ProcessEngineAuthenticationFilter.
            .requestMatchers("/camunda/**", "/engine-rest/**", "/", "/error").permitAll()
            .anyRequest().denyAll())
        // The webapps send Camunda's own CSRF token; a second, different check would break them.
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  private static void error(HttpServletResponse response, ObjectMapper json, int status, String message,
      boolean challenge) throws IOException {
    if (challenge) response.setHeader("WWW-Authenticate", "Basic realm=\"Mesa de Servicios\"");
    ApiError.write(response, json, status, message);
  }
}
