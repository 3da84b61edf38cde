package co.edu.idep.mesa.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;

/** The decision tables of {@code processes/}, as the application's own DMN engine reads them. */
public final class DecisionTables {

  private DecisionTables() {}

  /**
   * Decision {@code key} of {@code resource} on the classpath: the same file the process engine
   * deploys, so Cockpit shows what is applied.
   */
  public static DmnDecision fromClasspath(DmnEngine dmn, String resource, String key) {
    try (InputStream table = DecisionTables.class.getClassLoader().getResourceAsStream(resource)) {
      if (table == null) throw new IllegalStateException(resource + " is not on the classpath");
      return dmn.parseDecision(key, table);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }
}
