package co.edu.idep.mesa.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The mail settings ({@code mesa.mail.*}); the SMTP server is Spring Boot's {@code spring.mail.*}. */
@Configuration
@EnableConfigurationProperties(MailSettings.class)
public class NotificationConfiguration {}
