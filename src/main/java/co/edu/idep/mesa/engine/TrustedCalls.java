package co.edu.idep.mesa.engine;

import java.util.function.Supplier;

/**
 * Marks an engine call as made by the application's own code, which has validated what it passes
 * (registration through {@code /api}, a report requested through {@code /api/reports}). Only such
 * calls may start a process with variables that are not a start form's fields; see
 * {@link VariableWriteGuard}. Nothing a client sends can set this mark: it lives on the thread.
 */
public final class TrustedCalls {

  private static final ThreadLocal<Boolean> TRUSTED = ThreadLocal.withInitial(() -> false);

  private TrustedCalls() {}

  public static <T> T run(Supplier<T> call) {
    boolean outer = TRUSTED.get();
    TRUSTED.set(true);
    try {
      return call.get();
    } finally {
      TRUSTED.set(outer);
    }
  }

  static boolean active() {
    return TRUSTED.get();
  }
}
