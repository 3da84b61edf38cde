package co.edu.idep.mesa.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code mesa.admission.*}: see application.yaml for the values and why. */
@ConfigurationProperties("mesa.admission")
public record AdmissionProperties(int maxConcurrent, int maxQueue, Duration maxWait, Duration retryAfter) {}
