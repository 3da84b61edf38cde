package co.edu.idep.mesa.engine;

import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One process variable, named and typed once: the diagram's expressions use its name, the Java
 * code reads and writes it through here, never through a string literal. Numbers are read
 * whatever width they were stored with (a form submits Long, the engine may hold Integer).
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Function<Object, T> reader;

  private ProcessVariable(String name, Function<Object, T> reader) {
    this.name = name;
    this.reader = reader;
  }

  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, value -> (String) value);
  }

  public static ProcessVariable<Long> number(String name) {
    return new ProcessVariable<>(name, value -> value == null ? null : ((Number) value).longValue());
  }

  public static ProcessVariable<Boolean> yesNo(String name) {
    return new ProcessVariable<>(name, value -> (Boolean) value);
  }

  public String name() {
    return name;
  }

  public T get(VariableScope scope) {
    return reader.apply(scope.getVariable(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
