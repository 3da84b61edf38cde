package co.edu.idep.mesa.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The login throttle (README, "Login throttling"): one {@link LoginThrottle} for the whole
 * application, on the engine's clock (tests move both together), and its filter in front of every
 * path where a password can be checked.
 */
@Configuration
public class LoginThrottleConfiguration {

  @Bean
  LoginThrottle loginThrottle() {
    return new LoginThrottle(() -> ClockUtil.getCurrentTime().toInstant());
  }

  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle, LoginFailureLog failures,
      ObjectMapper json) {
    FilterRegistrationBean<LoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, failures, json));
    registration.setName("mesa-login-throttle");
    // HTTP Basic on /api and /engine-rest; the webapps' login and the engine API behind them.
    registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
    // Before Spring Security and Camunda's authentication filters, so that a delayed attempt never
    // reaches a password check; after the admission control, within whose one connection per
    // request the audit insert stays.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
