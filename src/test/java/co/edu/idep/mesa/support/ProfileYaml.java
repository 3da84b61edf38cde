package co.edu.idep.mesa.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The application's YAML files as a test reads them, without starting the application. */
public final class ProfileYaml {

  private ProfileYaml() {}

  /** {@code file} from the classpath (e.g. {@code application-prod.yaml}), its first document. */
  public static PropertySource<?> load(String file) {
    try {
      return new YamlPropertySourceLoader().load(file, new ClassPathResource(file)).get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(file, e);
    }
  }

  /**
   * {@code runner} with {@code files} in its environment, the later ones first, as Spring Boot gives
   * a profile's file precedence over application.yaml.
   */
  public static ApplicationContextRunner with(ApplicationContextRunner runner, String... files) {
    ApplicationContextRunner withFiles = runner;
    for (int i = files.length - 1; i >= 0; i--) {
      PropertySource<?> yaml = load(files[i]);
      withFiles = withFiles.withInitializer(c -> c.getEnvironment().getPropertySources().addLast(yaml));
    }
    return withFiles;
  }
}
