package co.edu.idep.mesa.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the sender every {@code mesa.mail.sender.interval}, after the previous run ended. Off in the
 * test profile, where tests call {@link MailDelivery#deliverDue()} themselves.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "mesa.mail.sender.enabled", havingValue = "true")
public class MailSchedule {

  private final MailDelivery delivery;

  public MailSchedule(MailDelivery delivery) {
    this.delivery = delivery;
  }

  @Scheduled(fixedDelayString = "${mesa.mail.sender.interval}", initialDelayString = "${mesa.mail.sender.interval}")
  void deliver() {
    delivery.deliverDue();
  }
}
