package co.edu.idep.mesa.support;

import co.edu.idep.mesa.escalation.provider.Provider;
import co.edu.idep.mesa.escalation.provider.Providers;
import co.edu.idep.mesa.ticket.Topic;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The provider a topic's escalations go to, in the shared application (whose test profile seeds
 * none): the one of record if another class made it, otherwise one made here.
 */
public final class ProvidersOfRecord {

  private ProvidersOfRecord() {}

  public static synchronized Provider of(Topic topic, Providers providers, JdbcClient jdbc) {
    return providers.forTopic(topic).orElseGet(() -> {
      jdbc.sql("""
              insert into provider (code, name, kind, contact_email, services, topics, channel, active, updated_at)
              values (?, ?, 'MANTENIMIENTO', ?, 'Pruebas', ?, 'EMAIL', true, ?)""")
          .params("PRUEBA-" + topic.name().replace('_', '-'), "Proveedor de prueba de " + topic.label(),
              "soporte-" + topic.name().toLowerCase().replace('_', '-') + "@proveedor.example.com", topic.name(),
              OffsetDateTime.now())
          .update();
      return providers.forTopic(topic).orElseThrow();
    });
  }
}
