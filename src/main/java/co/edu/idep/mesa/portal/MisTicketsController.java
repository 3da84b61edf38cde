package co.edu.idep.mesa.portal;

import co.edu.idep.mesa.security.Roles;
import co.edu.idep.mesa.document.DocumentResponses;
import co.edu.idep.mesa.ticket.Ticket;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * «Mis tickets»: the requester's pages, in Spanish, server-rendered (templates in
 * {@code templates/mis-tickets/}). {@code GET /mis-tickets} lists his tickets;
 * {@code /mis-tickets/{code}} shows one, to whoever may read it ({@link MisTickets}); its documents
 * are under {@code /mis-tickets/{code}/documentos/{name}}. The login is the webapps' (see
 * {@code security/SecurityConfiguration#requesterPages}). A ticket one may not read answers exactly
 * like one that does not exist: 404 and the same words.
 */
@Controller
@RequestMapping("/mis-tickets")
public class MisTicketsController {

  static final String NO_TICKET = "No existe un ticket con el código indicado entre los que usted puede consultar.";
  static final String NO_DOCUMENT = "El ticket no tiene un documento con ese nombre.";
  /** What the search box takes: a code's characters, nothing to escape in a path. */
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
  /** No script at all, styles only from here; nobody frames the pages. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final MisTickets tickets;
  private final TemplateEngine templates = new TemplateEngine();
  private final byte[] styles;

  public MisTicketsController(MisTickets tickets) {
    this.tickets = tickets;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MisTicketsController.class.getClassLoader());
    resolver.setPrefix("templates/mis-tickets/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    templates.setTemplateResolver(resolver);
    try (InputStream in = new ClassPathResource("templates/mis-tickets/estilos.css").getInputStream()) {
      styles = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @GetMapping
  public ResponseEntity<String> list(Authentication user, HttpServletRequest request, HttpServletResponse response) {
    Map<String, Object> model = model(user);
    model.put("tickets", tickets.list(user.getName()));
    return page(HttpStatus.OK, "lista", model, request, response);
  }

  /** The search box: to the page of the code typed, as written or in capitals. */
  @GetMapping("/buscar")
  public ResponseEntity<Void> find(@RequestParam(name = "codigo", required = false) String code,
      HttpServletRequest request) {
    String typed = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    String target = CODE.matcher(typed).matches() ? "/mis-tickets/" + typed : "/mis-tickets";
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(request.getContextPath() + target)).build();
  }

  @GetMapping("/{code}")
  public ResponseEntity<String> ticket(@PathVariable String code, Authentication user, HttpServletRequest request,
      HttpServletResponse response) {
    Map<String, Object> model = model(user);
    return tickets.page(code, user.getName(), Roles.of(user))
        .map(page -> {
          model.put("ticket", page);
          return page(HttpStatus.OK, "ticket", model, request, response);
        })
        .orElseGet(() -> notFound(model, NO_TICKET, request, response));
  }

  @GetMapping("/{code}/documentos/{name}")
  public ResponseEntity<?> document(@PathVariable String code, @PathVariable String name, Authentication user,
      HttpServletRequest request, HttpServletResponse response) {
    // The ticket first: someone who may not read it learns nothing, not even which documents exist.
    Optional<Ticket> ticket = tickets.readable(code, user.getName(), Roles.of(user));
    if (ticket.isEmpty()) return notFound(model(user), NO_TICKET, request, response);
    return tickets.document(ticket.get(), name)
        .<ResponseEntity<?>>map(DocumentResponses::file)
        .orElseGet(() -> notFound(model(user), NO_DOCUMENT, request, response));
  }

  @GetMapping("/estilos.css")
  public ResponseEntity<byte[]> styles() {
    return ResponseEntity.ok().contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noCache().cachePrivate()).body(styles);
  }

  private Map<String, Object> model(Authentication user) {
    Map<String, Object> model = new HashMap<>();
    model.put("user", user.getName());
    model.put("tasklist", tickets.tasklist());
    return model;
  }

  private ResponseEntity<String> notFound(Map<String, Object> model, String message, HttpServletRequest request,
      HttpServletResponse response) {
    model.put("message", message);
    return page(HttpStatus.NOT_FOUND, "no-encontrado", model, request, response);
  }

  private ResponseEntity<String> page(HttpStatus status, String template, Map<String, Object> model,
      HttpServletRequest request, HttpServletResponse response) {
    WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
        .buildExchange(request, response), Views.SPANISH, model);
    return ResponseEntity.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header(HttpHeaders.CONTENT_LANGUAGE, "es")
        .body(templates.process(template, context));
  }
}
