package co.edu.idep.mesa.engine;

import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;

/**
 * Camunda's FEEL engine for DMN, with each expression parsed once instead of at every evaluation.
 *
 * <p>Camunda 7's {@link ScalaFeelEngine} parses every input and output cell of a decision table
 * each time the table is evaluated; for {@code asignacion-por-tema} that was about a tenth of a
 * ticket registration's CPU (see docs/benchmarks.md). A parsed FEEL expression depends only on
 * its text, so it is cached by text. Evaluation is unchanged: the same feel-scala engine, value
 * mappers and custom functions that Camunda builds, the same variable lookup and the same
 * {@code FeelException} on failure. Only feel-scala's public Java API ({@link FeelEngineApi}) is
 * used, not its Scala types.
 */
public class CachingFeelEngine extends ScalaFeelEngine {

  private final FeelEngineApi api;
  private final Cache<String, ParseResult> expressions;
  private final Cache<String, ParseResult> unaryTests;

  public CachingFeelEngine(List<FeelCustomFunctionProvider> functionProviders, long maximumSize) {
    super(functionProviders);
    this.api = new FeelEngineApi(feelEngine);
    this.expressions = Caffeine.newBuilder().maximumSize(maximumSize).build();
    this.unaryTests = Caffeine.newBuilder().maximumSize(maximumSize).build();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
    ParseResult parsed = expressions.get(expression, api::parseExpression);
    if (!parsed.isSuccess()) {
      throw LOGGER.evaluationException(parsed.failure().message());
    }
    EvaluationResult result = api.evaluate(parsed.parsedExpression(), contextOf(variableContext));
    if (!result.isSuccess()) {
      throw LOGGER.evaluationException(result.failure().message());
    }
    return (T) result.result();
  }

  @Override
  public boolean evaluateSimpleUnaryTests(String expression, String inputVariable,
      VariableContext variableContext) {
    ParseResult parsed = unaryTests.get(expression, api::parseUnaryTests);
    if (!parsed.isSuccess()) {
      throw LOGGER.evaluationException(parsed.failure().message());
    }
    Object input = variableContext.containsVariable(inputVariable)
        ? variableContext.resolve(inputVariable).getValue()
        : null;
    EvaluationResult result =
        api.evaluateWithInput(parsed.parsedExpression(), input, contextOf(variableContext));
    if (!result.isSuccess()) {
      throw LOGGER.evaluationException(result.failure().message());
    }
    // Same reading as Camunda's engine: a missing (null) result is "does not match".
    Object matched = result.result();
    return matched != null && (Boolean) matched;
  }

  /** Number of distinct expressions and unary tests parsed so far (for tests and monitoring). */
  public long parsedCount() {
    expressions.cleanUp();
    unaryTests.cleanUp();
    return expressions.estimatedSize() + unaryTests.estimatedSize();
  }

  private static CustomContext contextOf(VariableContext variableContext) {
    // Variables are looked up lazily, as Camunda's engine does, so unused ones are never read.
    VariableProvider variables = new ContextVariableWrapper(variableContext);
    return new CustomContext() {
      @Override
      public VariableProvider variableProvider() {
        return variables;
      }
    };
  }
}
