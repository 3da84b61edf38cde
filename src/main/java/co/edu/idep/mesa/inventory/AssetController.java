package co.edu.idep.mesa.inventory;

import co.edu.idep.mesa.validation.InvalidInputException;
import co.edu.idep.mesa.web.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inventory for help-desk staff, the Jefe OAP and administrators (SecurityConfiguration):
 * search, one asset, add, update, and the whole inventory as CSV ({@code /export}, {@code /import}).
 */
@RestController
@RequestMapping("/api/assets")
public class AssetController {

  private static final Logger log = LoggerFactory.getLogger(AssetController.class);

  static final int DEFAULT_LIMIT = 200;
  static final int MAX_LIMIT = 1000;
  /** A search text longer than any column is a mistake, not a search. */
  static final int MAX_QUERY = 200;
  /** Errors listed at most: the first ones show what is wrong with the file. */
  static final int MAX_ERRORS_SHOWN = 200;

  record AssetView(String tag, String kind, String kindLabel, String description, String brandModel,
      String serialNumber, String location, String state, String stateLabel, OffsetDateTime updatedAt) {}

  record ImportErrors(String message, List<RowError> errors) {}

  record ImportDone(int added, int updated, int unchanged, String message) {}

  private final Inventory inventory;
  private final ZoneId zone;

  public AssetController(Inventory inventory, @Value("${mesa.zone-id}") String zone) {
    this.inventory = inventory;
    this.zone = ZoneId.of(zone);
  }

  /** In tag order, at most {@code limit} (200; up to 1000), of one kind and state if given, matching {@code q}. */
  @GetMapping
  public List<AssetView> search(@RequestParam(required = false) String kind,
      @RequestParam(required = false) String state, @RequestParam(required = false) String q,
      @RequestParam(required = false) String limit) {
    Filter filter = Filter.of(kind, state, q);
    return inventory.search(filter.kind(), filter.state(), filter.text(), limit(limit)).stream().map(this::view)
        .toList();
  }

  @GetMapping("/{tag}")
  public ResponseEntity<?> one(@PathVariable String tag) {
    return inventory.find(tag).<ResponseEntity<?>>map(a -> ResponseEntity.ok(view(a))).orElseGet(AssetController::missing);
  }

  @PostMapping
  public ResponseEntity<AssetView> add(@RequestBody Map<String, Object> body, Authentication user) {
    Asset asset = inventory.add(body, user.getName());
    return ResponseEntity.created(URI.create("/api/assets/" + asset.tag())).body(view(asset));
  }

  /**
   * The same fields as {@link #add}, the tag in the path: description, brand and model, serial and
   * location as sent (absent is empty); kind and state as sent, or as they were when absent.
   */
  @PutMapping("/{tag}")
  public ResponseEntity<?> update(@PathVariable String tag, @RequestBody Map<String, Object> body,
      Authentication user) {
    return inventory.update(tag, body, user.getName()).<ResponseEntity<?>>map(a -> ResponseEntity.ok(view(a)))
        .orElseGet(AssetController::missing);
  }

  /**
   * Every asset as CSV (AssetCsv), or those the list's filters select; with {@code ,} or, with
   * {@code ?separator=;}, as Excel in Spanish writes.
   */
  @GetMapping("/export")
  public ResponseEntity<String> export(@RequestParam(required = false) String kind,
      @RequestParam(required = false) String state, @RequestParam(required = false) String q,
      @RequestParam(required = false) String separator) {
    Filter filter = Filter.of(kind, state, q);
    char delimiter = separator == null || separator.isEmpty() || separator.equals(",") ? ','
        : separator.equals(";") ? ';' : 0;
    if (delimiter == 0) throw new InvalidInputException("separator", "El separador debe ser , (coma) o ; (punto y coma).");
    List<Asset> assets = inventory.search(filter.kind(), filter.state(), filter.text(), Integer.MAX_VALUE);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"inventario-" + LocalDate.now(zone) + ".csv\"")
        .body(AssetCsv.write(assets, delimiter));
  }

  /**
   * A CSV file in the body ({@code Content-Type: text/csv}, UTF-8 unless its charset says otherwise):
   * each row adds or updates the asset of its tag; with any error nothing is imported, and every
   * error comes back with its line.
   */
  @PostMapping("/import")
  public ImportDone importCsv(HttpServletRequest request, Authentication user) throws IOException {
    Inventory.Imported done = inventory.importCsv(CsvUpload.read(request), user.getName());
    return new ImportDone(done.added(), done.updated(), done.unchanged(), "Se importó el archivo. Equipos nuevos: "
        + done.added() + "; actualizados: " + done.updated() + "; sin cambios: " + done.unchanged() + ".");
  }

  @ExceptionHandler(CsvUpload.Refused.class)
  ResponseEntity<ApiError> unreadable(CsvUpload.Refused e) {
    return ResponseEntity.status(e.status()).body(ApiError.of(e.getMessage()));
  }

  @ExceptionHandler(ImportRefusedException.class)
  ResponseEntity<ImportErrors> refused(ImportRefusedException e) {
    List<RowError> errors = e.errors();
    // Lines and columns only: the values may be anything the file held.
    log.info("Refused CSV import: {} errors, first at line {}", errors.size(), errors.get(0).line());
    String message = "No se importó nada: corrija " + (errors.size() == 1 ? "el error" : "los " + errors.size()
        + " errores") + " del archivo e impórtelo de nuevo."
        + (errors.size() > MAX_ERRORS_SHOWN ? " Se muestran los primeros " + MAX_ERRORS_SHOWN + "." : "");
    return ResponseEntity.badRequest().body(new ImportErrors(message,
        errors.size() > MAX_ERRORS_SHOWN ? errors.subList(0, MAX_ERRORS_SHOWN) : errors));
  }

  /** The filters of the list and the export, as typed in the query string. */
  record Filter(AssetKind kind, AssetState state, String text) {
    static Filter of(String kind, String state, String text) {
      AssetKind wantedKind = null;
      if (kind != null && !kind.isBlank()) {
        wantedKind = AssetKind.fromText(kind).orElseThrow(() -> new InvalidInputException("kind",
            "El tipo debe ser Cómputo o Comunicaciones (COMPUTO o COMUNICACIONES)."));
      }
      AssetState wantedState = null;
      if (state != null && !state.isBlank()) {
        wantedState = AssetState.fromText(state).orElseThrow(() -> new InvalidInputException("state",
            "El estado debe ser Disponible, Prestado, En mantenimiento o Dado de baja."));
      }
      if (text != null && text.strip().length() > MAX_QUERY) {
        throw new InvalidInputException("q", "El texto de búsqueda admite máximo " + MAX_QUERY + " caracteres.");
      }
      return new Filter(wantedKind, wantedState, text);
    }
  }

  private static int limit(String limit) {
    if (limit == null || limit.isBlank()) return DEFAULT_LIMIT;
    String text = limit.strip();
    if (!text.matches("\\d{1,4}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LIMIT) {
      throw new InvalidInputException("limit", "El límite debe ser un número entre 1 y " + MAX_LIMIT + ".");
    }
    return Integer.parseInt(text);
  }

  private static ResponseEntity<?> missing() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("No existe un equipo con esa placa en el inventario."));
  }

  private AssetView view(Asset a) {
    return new AssetView(a.tag(), a.kind().name(), a.kind().label(), a.description(), a.brandModel(),
        a.serialNumber(), a.location(), a.state().name(), a.state().label(),
        a.updatedAt().atZone(zone).toOffsetDateTime());
  }
}
