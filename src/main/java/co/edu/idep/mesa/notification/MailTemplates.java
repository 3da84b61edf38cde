package co.edu.idep.mesa.notification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the Spanish messages from {@code templates/mail/}: for a template {@code name}, the files
 * {@code name.subject.txt}, {@code name.html} and {@code name.txt}. Thymeleaf's core engine on its
 * own, not Spring MVC's view resolution, which would stand next to the Camunda webapps. Each model
 * also holds {@code links} ({@link MailLinks}) and {@code publicUrl}. HTML is escaped by
 * {@code th:text}; the subject and the text are plain text and are not.
 *
 * <p>Only {@link MailDelivery} renders, when it sends a message; a step only names the template
 * ({@link #exists}, checked once per name).
 */
@Component
public class MailTemplates {

  static final String FOLDER = "templates/mail/";
  static final Locale SPANISH = Locale.forLanguageTag("es-CO");
  /** A template's name: lower case words joined by hyphens, no path. */
  static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private static final String[] SUFFIXES = {".subject.txt", ".html", ".txt"};
  private static final Map<String, Boolean> EXISTING = new ConcurrentHashMap<>();

  private final TemplateEngine engine = new TemplateEngine();
  private final MailLinks links;

  public MailTemplates(MailLinks links) {
    this.links = links;
    engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
  }

  /** The subject, HTML and text of template {@code name} with {@code model}. */
  public RenderedMail render(String name, Map<String, ?> model) {
    Map<String, Object> variables = new HashMap<>(model);
    variables.put("links", links);
    variables.put("publicUrl", links.publicUrl());
    Context context = new Context(SPANISH, variables);
    return new RenderedMail(engine.process(name + ".subject.txt", context).strip(),
        engine.process(name + ".html", context), engine.process(name + ".txt", context));
  }

  /** Whether the three files of template {@code name} are on the classpath (looked up once per name). */
  static boolean exists(String name) {
    if (name == null || !NAME.matcher(name).matches()) return false;
    return EXISTING.computeIfAbsent(name, n -> {
      ClassLoader loader = MailTemplates.class.getClassLoader();
      for (String suffix : SUFFIXES) {
        if (loader.getResource(FOLDER + n + suffix) == null) return false;
      }
      return true;
    });
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
    resolver.setPrefix(FOLDER);
    resolver.setTemplateMode(mode);
    resolver.getResolvablePatternSpec().addPattern(pattern);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCheckExistence(true);
    resolver.setCacheable(true);
    resolver.setOrder(order);
    return resolver;
  }
}
