package co.edu.idep.mesa.escalation.osticket;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code mesa.humano.osticket.*} for {@link OsTicketClient}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OsTicketProperties.class)
public class OsTicketConfiguration {}
