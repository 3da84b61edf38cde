package co.edu.idep.mesa.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link AdmissionControlFilter} in front of everything, and refuses to start when the
 * connection pool is smaller than what may use it at once, so that no request ever waits for a
 * connection: pool size ≥ admitted requests + job executor threads + {@link #RESERVED} (the job
 * acquisition thread and occasional background work such as preparing next year's code sequence).
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AdmissionProperties.class)
public class AdmissionConfiguration {

  static final int RESERVED = 2;

  @Bean
  FilterRegistrationBean<AdmissionControlFilter> admissionControl(AdmissionProperties limits,
      DataSource dataSource, CamundaBpmProperties camunda, ObjectMapper json) throws SQLException {
    checkPoolBudget(limits, dataSource, camunda);
    FilterRegistrationBean<AdmissionControlFilter> registration =
        new FilterRegistrationBean<>(new AdmissionControlFilter(limits, json));
    registration.setName("mesa-admission-control");
    registration.addUrlPatterns("/*");
    // Before Spring Security and Camunda's filters: checking a password uses the database too.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Just inside the admission gate, so that it also sees the failures of the password checks. */
  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutage(ObjectMapper json) {
    FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(new DatabaseOutageFilter(json));
    registration.setName("mesa-database-outage");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
    return registration;
  }

  static void checkPoolBudget(AdmissionProperties limits, DataSource dataSource, CamundaBpmProperties camunda)
      throws SQLException {
    if (!dataSource.isWrapperFor(HikariDataSource.class)) return;
    int pool = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
    int jobThreads = camunda.getJobExecution().isEnabled() ? camunda.getJobExecution().getMaxPoolSize() : 0;
    int needed = limits.maxConcurrent() + jobThreads + RESERVED;
    if (pool < needed) {
      throw new IllegalStateException(("The connection pool (spring.datasource.hikari.maximum-pool-size=%d) "
          + "must be at least mesa.admission.max-concurrent (%d) + camunda.bpm.job-execution.max-pool-size (%d) "
          + "+ %d reserved = %d, or requests would wait for connections").formatted(
              pool, limits.maxConcurrent(), jobThreads, RESERVED, needed));
    }
  }
}
