package co.edu.idep.mesa.support;

import java.util.Collections;
import java.util.Comparator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order of the test classes (junit-platform.properties): first every class that shares the
 * application ({@link ApplicationTest}), then all the others, among them those that start an
 * application of their own. So the shared application starts once, and is never used again after
 * another application took over or cleared the engine's name. Within each group the order is the
 * one the classes were found in.
 *
 * <p>{@code -Dmesa.test.class-order.seed=42} shuffles each group with that seed first: the sharing
 * classes must pass in any order.
 */
public class SharedApplicationFirst implements ClassOrderer {

  static final String SEED = "mesa.test.class-order.seed";

  @Override
  public void orderClasses(ClassOrdererContext context) {
    // SplittableRandom mixes the seed: java.util.Random's first draws for seeds 1, 2, 3... are alike.
    // (Fully qualified: ClassOrderer.Random, an orderer, hides it here.)
    context.getConfigurationParameter(SEED)
        .map(seed -> new java.util.Random(new SplittableRandom(Long.parseLong(seed)).nextLong()))
        .ifPresent(random -> Collections.shuffle(context.getClassDescriptors(), random));
    // A stable sort: the order within each group stays.
    context.getClassDescriptors().sort(Comparator.comparingInt(SharedApplicationFirst::group));
  }

  private static int group(ClassDescriptor descriptor) {
    return descriptor.isAnnotated(ApplicationTest.class) ? 0 : 1;
  }
}
