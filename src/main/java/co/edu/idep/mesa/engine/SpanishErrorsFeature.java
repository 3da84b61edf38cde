package co.edu.idep.mesa.engine;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Puts the two rules of {@link EngineRestConfiguration} (a refused form → 400 with the Spanish
 * message alone; a refused decision → 403) into every Jersey application of this server, and so
 * also into the webapps' own engine API ({@code /camunda/api/engine}) that Tasklist posts its
 * forms to. The starter builds those applications itself, so Jersey's service loader is the way
 * in (META-INF/services). Every other exception still goes to Camunda's own handlers.
 */
public class SpanishErrorsFeature implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    for (Class<?> mapper : new Class<?>[] {EngineRestConfiguration.InvalidInputRestExceptionMapper.class,
        EngineRestConfiguration.InvalidInputEngineExceptionMapper.class}) {
      if (!context.getConfiguration().isRegistered(mapper)) {
        context.register(mapper);
      }
    }
  }
}
