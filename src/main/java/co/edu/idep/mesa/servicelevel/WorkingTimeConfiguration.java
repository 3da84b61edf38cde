package co.edu.idep.mesa.servicelevel;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The institute's working-time calendar from {@code mesa.working-time}. Built at start-up, so hours
 * that make no sense (closing before opening, a lunch outside the day) stop the application there.
 */
@Configuration
@EnableConfigurationProperties(WorkingTimeProperties.class)
public class WorkingTimeConfiguration {

  @Bean
  ColombianHolidays colombianHolidays() {
    return new ColombianHolidays();
  }

  @Bean
  WorkingTime workingTime(WorkingTimeProperties properties, ColombianHolidays holidays) {
    return new WorkingTime(properties, holidays);
  }
}
