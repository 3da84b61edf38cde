package co.edu.idep.mesa.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cached engine answers exactly as Camunda's own FEEL engine does, and parses each text once. */
class CachingFeelEngineTest {

  private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());
  private final CachingFeelEngine cached = new CachingFeelEngine(List.of(), 100);

  private static VariableContext variables() {
    return Variables.createVariables()
        .putValue("topic", "SOPORTE_WEB")
        .putValue("quantity", 3)
        .putValue("from", LocalDate.of(2026, 11, 26))
        .putValue("items", List.of("portátil", "proyector"))
        .putValue("missing", null)
        .putValue("cellInput", "SOPORTE_WEB")
        .asVariableContext();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "topic", "\"tecnico-operativo\"", "50", "quantity * 2 + 1", "quantity > 2",
      "upper case(topic)", "count(items)", "items[1]", "from + duration(\"P1D\")",
      "if quantity > 5 then \"ALTA\" else \"MEDIA\"", "missing", "{a: 1}.a", "null",
      "string length(topic)", "date(\"2026-12-01\") > from"})
  void expressionsEvaluateAsInCamundasEngine(String expression) {
    Object expected = camunda.evaluateSimpleExpression(expression, variables());
    assertThat((Object) cached.evaluateSimpleExpression(expression, variables())).isEqualTo(expected);
    // second time from the cache, same answer
    assertThat((Object) cached.evaluateSimpleExpression(expression, variables())).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "\"SOPORTE_WEB\"", "\"CUENTA_USUARIO\"", "\"CUENTA_USUARIO\",\"SOPORTE_WEB\"",
      "not(\"SOPORTE_WEB\")", "-", "? = topic", "starts with(?, \"SOPORTE\")",
      "string length(?) > 20", "null"})
  void unaryTestsMatchAsInCamundasEngine(String test) {
    boolean expected = camunda.evaluateSimpleUnaryTests(test, "cellInput", variables());
    assertThat(cached.evaluateSimpleUnaryTests(test, "cellInput", variables())).isEqualTo(expected);
    assertThat(cached.evaluateSimpleUnaryTests(test, "cellInput", variables())).isEqualTo(expected);
  }

  @Test
  void unaryTestsSeeTheInputOfEachEvaluation() {
    VariableContext other = Variables.createVariables().putValue("cellInput", "CUENTA_USUARIO")
        .asVariableContext();
    assertThat(cached.evaluateSimpleUnaryTests("\"SOPORTE_WEB\"", "cellInput", variables())).isTrue();
    assertThat(cached.evaluateSimpleUnaryTests("\"SOPORTE_WEB\"", "cellInput", other)).isFalse();
  }

  @Test
  void eachTextIsParsedOnce() {
    for (int i = 0; i < 5; i++) {
      cached.evaluateSimpleExpression("quantity * 2", variables());
      cached.evaluateSimpleUnaryTests("\"SOPORTE_WEB\"", "cellInput", variables());
      cached.evaluateSimpleUnaryTests("\"CUENTA_USUARIO\"", "cellInput", variables());
    }
    assertThat(cached.parsedCount()).isEqualTo(3);
  }

  @Test
  void theCacheIsBounded() {
    CachingFeelEngine small = new CachingFeelEngine(List.of(), 10);
    for (int i = 0; i < 200; i++) {
      assertThat((Object) small.evaluateSimpleExpression(i + " + 1", variables()))
          .isEqualTo((long) i + 1);
    }
    assertThat(small.parsedCount()).isLessThanOrEqualTo(10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"quantity +", "unknown function(1)", "1 / \"a\" + ", "{"})
  void failuresRaiseTheSameFeelException(String expression) {
    String expected = messageOf(() -> camunda.evaluateSimpleExpression(expression, variables()));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> cached.evaluateSimpleExpression(expression, variables()))
          .isInstanceOf(FeelException.class)
          .hasMessage(expected);
    }
  }

  @Test
  void unaryTestFailuresRaiseTheSameFeelException() {
    String test = "> \"a\" and";
    String expected = messageOf(() -> camunda.evaluateSimpleUnaryTests(test, "cellInput", variables()));
    assertThatThrownBy(() -> cached.evaluateSimpleUnaryTests(test, "cellInput", variables()))
        .isInstanceOf(FeelException.class)
        .hasMessage(expected);
  }

  /** The assignment table itself: every topic, and an unknown one, decided alike by both engines. */
  @ParameterizedTest
  @ValueSource(strings = {"CUENTA_USUARIO", "PRESTAMO_COMUNICACIONES", "PRESTAMO_COMPUTO",
      "SOPORTE_TECNICO", "SOPORTE_GOOBI", "SOPORTE_HUMANO", "SOPORTE_WEB", "OTRO"})
  void theAssignmentTableDecidesAlike(String topic) throws Exception {
    DmnEngine plain = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.setFeelEngineFactory(new CachingFeelEngineFactory(configuration, 100));
    DmnEngine withCache = configuration.buildEngine();
    assertThat(configuration.getFeelEngine()).isInstanceOf(CachingFeelEngine.class);

    Map<String, Object> input = Map.of("topic", topic);
    List<Map<String, Object>> expected = evaluate(plain, input).getResultList();
    assertThat(evaluate(withCache, input).getResultList()).isEqualTo(expected);
    assertThat(evaluate(withCache, input).getResultList()).isEqualTo(expected);
    if (!topic.equals("OTRO")) {
      assertThat(expected).hasSize(1);
    }
  }

  private static DmnDecisionResult evaluate(DmnEngine engine, Map<String, Object> input)
      throws Exception {
    try (InputStream dmn = Files.newInputStream(Path.of("processes/asignacion-por-tema.dmn"))) {
      DmnDecision decision = engine.parseDecision("asignacion-por-tema", dmn);
      return engine.evaluateDecision(decision, input);
    }
  }

  private static String messageOf(Runnable call) {
    try {
      call.run();
    } catch (FeelException e) {
      return e.getMessage();
    }
    throw new AssertionError("Camunda's engine did not fail");
  }
}
