package co.edu.idep.mesa.config;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The institute's clock: codes are numbered per year and dates are read in Bogotá time. */
@Configuration
public class ClockConfiguration {

  @Bean
  Clock clock(@Value("${mesa.zone-id}") String zone) {
    return Clock.system(ZoneId.of(zone));
  }
}
