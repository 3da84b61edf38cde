package co.edu.idep.mesa.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * /api/assets over HTTP: staff keep the inventory, requesters are refused, bad input changes
 * nothing, and the CSV import is all or nothing. The database may be shared with other classes:
 * every asset here has a tag of this test's own ({@link #prefix}), and nothing assumes an empty
 * inventory.
 */
abstract class AbstractAssetApiTest {

  static final String CSV = "text/csv; charset=UTF-8";

  @LocalServerPort int port;
  @Autowired AssetRepository repository;

  ApiClient api;
  /** Six random capitals or digits, e.g. "K3F9ZQ": the tags of one test are "T-K3F9ZQ-1", … */
  String prefix;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    prefix = "T-" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
  }

  String tag(int n) {
    return prefix + "-" + n;
  }

  static Map<String, Object> asset(String tag, String kind, String description) {
    Map<String, Object> asset = new HashMap<>();
    asset.put("tag", tag);
    asset.put("kind", kind);
    asset.put("description", description);
    asset.put("brandModel", "Lenovo ThinkPad E14");
    asset.put("serialNumber", "PF4KX2A1");
    asset.put("location", "Sede principal, piso 3");
    return asset;
  }

  Reply add(Map<String, Object> asset) {
    return api.post("/api/assets", "tecnico", asset);
  }

  Reply put(String tag, Map<String, Object> asset, String user) {
    return api.send("PUT", "/api/assets/" + tag, user, json(asset));
  }

  /** The tags of this test's assets that a search finds. */
  List<String> mine(String query, String user) {
    Reply found = api.get("/api/assets" + query, user);
    assertThat(found.status()).as(found.body()).isEqualTo(200);
    return StreamSupport.stream(found.json().spliterator(), false).map(a -> a.get("tag").asText())
        .filter(t -> t.startsWith(prefix)).toList();
  }

  static List<String> messages(Reply reply) {
    return reply.json().get("errors").findValuesAsText("message");
  }

  static List<String> fields(Reply reply) {
    return reply.json().get("errors").findValuesAsText("field");
  }

  @Test
  void staffAddListSearchAndUpdate() {
    Reply added = add(asset(tag(2).toLowerCase() + " ", "Cómputo", "Portátil 14\" con cargador"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.header("Location")).contains("/api/assets/" + tag(2));
    JsonNode body = added.json();
    assertThat(body.get("tag").asText()).isEqualTo(tag(2));
    assertThat(body.get("kind").asText()).isEqualTo("COMPUTO");
    assertThat(body.get("kindLabel").asText()).isEqualTo("Cómputo");
    assertThat(body.get("state").asText()).isEqualTo("DISPONIBLE");
    assertThat(body.get("stateLabel").asText()).isEqualTo("Disponible");
    assertThat(body.get("updatedAt").asText()).endsWith("-05:00");
    Map<String, Object> radio = asset(tag(1), "COMUNICACIONES", "Radio portátil de dos vías");
    radio.put("state", "en mantenimiento");
    assertThat(add(radio).status()).isEqualTo(201);

    Reply one = api.get("/api/assets/" + tag(2).toLowerCase(), "sistemas");
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json().get("description").asText()).isEqualTo("Portátil 14\" con cargador");
    assertThat(one.json().get("brandModel").asText()).isEqualTo("Lenovo ThinkPad E14");

    // Every staff role, the Jefe OAP and the administrators read it; in tag order.
    for (String user : List.of("tecnico", "sistemas", "goobi", "web", "jefe", "admin")) {
      assertThat(mine("?q=" + prefix.toLowerCase(), user)).as(user).containsExactly(tag(1), tag(2));
    }
    assertThat(mine("?q=RADIO%20PORT", "jefe")).containsExactly(tag(1));
    assertThat(mine("?kind=computo&q=" + prefix, "jefe")).containsExactly(tag(2));
    assertThat(mine("?state=EN_MANTENIMIENTO&q=" + prefix, "jefe")).containsExactly(tag(1));
    assertThat(mine("?state=En%20mantenimiento&kind=COMUNICACIONES&q=" + prefix, "jefe")).containsExactly(tag(1));
    assertThat(mine("?q=" + prefix + "&limit=1", "jefe")).containsExactly(tag(1));
    // % and _ are searched as they are, not as wildcards.
    assertThat(mine("?q=" + prefix.replace("T-", "T_"), "jefe")).isEmpty();

    Map<String, Object> moved = asset(tag(2), null, "Portátil 14\" con cargador y maletín");
    moved.remove("kind");
    moved.put("location", "Sede principal, piso 5");
    moved.put("state", "DADO_DE_BAJA");
    Reply updated = put(tag(2), moved, "web");
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    Reply after = api.get("/api/assets/" + tag(2), "tecnico");
    assertThat(after.json().get("location").asText()).isEqualTo("Sede principal, piso 5");
    assertThat(after.json().get("state").asText()).isEqualTo("DADO_DE_BAJA");
    assertThat(after.json().get("kind").asText()).as("kept when absent").isEqualTo("COMPUTO");
    assertThat(after.json().get("description").asText()).isEqualTo("Portátil 14\" con cargador y maletín");
  }

  @Test
  void aRequesterMayNotReadNorChangeTheInventory() {
    assertThat(add(asset(tag(1), "Cómputo", "Portátil")).status()).isEqualTo(201);
    List<Reply> refused = List.of(
        api.get("/api/assets", "usuario1"),
        api.get("/api/assets/" + tag(1), "usuario1"),
        api.get("/api/assets/export", "usuario1"),
        api.post("/api/assets", "usuario1", asset(tag(2), "Cómputo", "Portátil")),
        put(tag(1), asset(tag(1), "Cómputo", "Cambiado por un solicitante"), "usuario1"),
        api.postAs("/api/assets/import", "usuario1", CSV,
            AssetCsv.header() + "\n" + tag(3) + ",Cómputo,Importado por un solicitante,,,,\n"));
    assertThat(refused).allSatisfy(reply -> {
      assertThat(reply.status()).isEqualTo(403);
      assertThat(reply.json().get("message").asText()).isEqualTo("No tiene permiso para esta operación.");
    });
    assertThat(api.get("/api/assets", null).status()).isEqualTo(401);
    assertThat(repository.find(tag(2))).isEmpty();
    assertThat(repository.find(tag(3))).isEmpty();
    assertThat(repository.find(tag(1)).orElseThrow().description()).isEqualTo("Portátil");
  }

  @Test
  void badInputIsRefusedInSpanishAndChangesNothing() {
    assertThat(add(asset(tag(1), "Cómputo", "Portátil")).status()).isEqualTo(201);

    Reply noTag = add(asset(" ", "Cómputo", "Portátil"));
    assertThat(noTag.status()).isEqualTo(400);
    assertThat(fields(noTag)).containsExactly("tag");
    assertThat(messages(noTag)).containsExactly("El campo «Placa» es obligatorio.");

    Reply bad = add(asset("IDEP C 9", "Impresora", "x".repeat(201)));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("message").asText()).contains("datos no válidos");
    assertThat(fields(bad)).containsExactly("tag", "kind", "description");
    assertThat(messages(bad)).contains("El campo «Descripción» admite máximo 200 caracteres.",
        "El valor de «Tipo» no es válido: use Cómputo o Comunicaciones.");

    Map<String, Object> tooLongSerial = asset(tag(2), "Cómputo", "Portátil");
    tooLongSerial.put("serialNumber", "S".repeat(81));
    assertThat(messages(add(tooLongSerial))).containsExactly("El campo «Serial» admite máximo 80 caracteres.");

    Map<String, Object> lentFromTheStart = asset(tag(2), "Cómputo", "Portátil");
    lentFromTheStart.put("state", "PRESTADO");
    assertThat(fields(add(lentFromTheStart))).containsExactly("state");

    Reply twice = add(asset(tag(1).toLowerCase(), "Comunicaciones", "Otro equipo con la misma placa"));
    assertThat(twice.status()).isEqualTo(400);
    assertThat(messages(twice)).containsExactly("Ya existe un equipo con la placa " + tag(1) + ".");
    assertThat(api.postRaw("/api/assets", "tecnico", "[no es json").status()).isEqualTo(400);

    Map<String, Object> badUpdate = asset(tag(1), "Cómputo", "");
    badUpdate.put("state", "Perdido");
    Reply refusedUpdate = put(tag(1), badUpdate, "tecnico");
    assertThat(refusedUpdate.status()).isEqualTo(400);
    assertThat(fields(refusedUpdate)).containsExactly("description", "state");
    assertThat(fields(put(tag(1), asset(tag(2), "Cómputo", "Portátil"), "tecnico"))).as("no renaming")
        .containsExactly("tag");

    assertThat(api.get("/api/assets/" + tag(9), "tecnico").status()).isEqualTo(404);
    assertThat(api.get("/api/assets/" + tag(9), "tecnico").json().get("message").asText())
        .isEqualTo("No existe un equipo con esa placa en el inventario.");
    assertThat(put(tag(9), asset(tag(9), "Cómputo", "Portátil"), "tecnico").status()).isEqualTo(404);
    assertThat(api.get("/api/assets?limit=0", "tecnico").status()).isEqualTo(400);
    assertThat(api.get("/api/assets?limit=1001", "tecnico").status()).isEqualTo(400);
    assertThat(api.get("/api/assets?limit=diez", "tecnico").status()).isEqualTo(400);
    assertThat(fields(api.get("/api/assets?kind=impresora", "tecnico"))).containsExactly("kind");

    assertThat(repository.find(tag(2))).isEmpty();
    Asset unchanged = repository.find(tag(1)).orElseThrow();
    assertThat(unchanged.kind()).isEqualTo(AssetKind.COMPUTO);
    assertThat(unchanged.description()).isEqualTo("Portátil");
    assertThat(unchanged.state()).isEqualTo(AssetState.DISPONIBLE);
  }

  @Test
  void anAssetOnLoanKeepsItsStateAndKindUntilItComesBack() {
    assertThat(add(asset(tag(1), "Cómputo", "Portátil")).status()).isEqualTo(201);
    // As the loan process does at the hand-over.
    repository.changeState(List.of(tag(1)), AssetState.PRESTADO, Instant.now());

    Map<String, Object> back = asset(tag(1), "Cómputo", "Portátil");
    back.put("state", "Disponible");
    Reply refused = put(tag(1), back, "tecnico");
    assertThat(refused.status()).isEqualTo(400);
    assertThat(messages(refused))
        .containsExactly("La placa " + tag(1) + " está prestada: su estado lo cambia la devolución del préstamo.");
    assertThat(fields(put(tag(1), asset(tag(1), "Comunicaciones", "Portátil"), "tecnico"))).containsExactly("kind");

    Map<String, Object> corrected = asset(tag(1), "Cómputo", "Portátil con cargador");
    Reply ok = put(tag(1), corrected, "tecnico");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().get("state").asText()).isEqualTo("PRESTADO");
    assertThat(repository.find(tag(1)).orElseThrow().state()).isEqualTo(AssetState.PRESTADO);
  }

  @Test
  void aCsvImportWithABadRowImportsNothing() {
    assertThat(add(asset(tag(1), "Cómputo", "Portátil")).status()).isEqualTo(201);
    String csv = AssetCsv.header() + "\n"
        + tag(1) + ",Cómputo,Portátil actualizado,,,,\n"
        + tag(2) + ",Comunicaciones,Radio,,,,\n"
        + tag(3) + ",Impresora,Impresora láser,,,,\n"
        + tag(2).toLowerCase() + ",Comunicaciones,Radio repetida,,,,\n";
    Reply refused = api.postAs("/api/assets/import", "tecnico", CSV, csv);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.json().get("message").asText()).startsWith("No se importó nada");
    JsonNode errors = refused.json().get("errors");
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).get("line").asLong()).isEqualTo(4);
    assertThat(errors.get(0).get("field").asText()).isEqualTo("tipo");
    assertThat(errors.get(1).get("line").asLong()).isEqualTo(5);
    assertThat(errors.get(1).get("field").asText()).isEqualTo("placa");
    assertThat(errors.get(1).get("message").asText()).contains("ya está en la línea 3");

    assertThat(repository.find(tag(2))).isEmpty();
    assertThat(repository.find(tag(1)).orElseThrow().description()).isEqualTo("Portátil");

    Reply notCsv = api.postAs("/api/assets/import", "tecnico", "application/json", "{}");
    assertThat(notCsv.status()).isEqualTo(415);
    assertThat(notCsv.json().get("message").asText()).contains("text/csv");
  }

  @Test
  void anExportImportsBackUnchangedAndAnEditedOneAddsAndUpdates() {
    Map<String, Object> tricky = asset(tag(1), "Comunicaciones", "Radio \"UHF\", con cargador; y antena\nde repuesto");
    tricky.put("serialNumber", "=1+1");
    tricky.put("location", "Sede principal, piso 1");
    assertThat(add(tricky).status()).isEqualTo(201);
    assertThat(add(asset(tag(2), "Cómputo", "Portátil")).status()).isEqualTo(201);

    // Only this test's assets: others may hold values that the API would refuse (added by the loans directly).
    for (String separator : List.of("", "&separator=;")) {
      Reply export = api.get("/api/assets/export?q=" + prefix + separator, "jefe");
      assertThat(export.status()).isEqualTo(200);
      assertThat(export.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
      assertThat(export.body()).startsWith("\uFEFF" + AssetCsv.header().replace(",", separator.isEmpty() ? "," : ";"));
      assertThat(export.body()).contains(tag(1)).contains("'=1+1");

      Reply again = api.postAs("/api/assets/import", "tecnico", CSV, export.body());
      assertThat(again.status()).as(again.body()).isEqualTo(200);
      assertThat(again.json().get("added").asInt()).isZero();
      assertThat(again.json().get("updated").asInt()).isZero();
      assertThat(again.json().get("unchanged").asInt()).isEqualTo(2);
    }
    assertThat(api.get("/api/assets/export", "admin").body()).as("unfiltered").contains(tag(1), tag(2));
    Asset stored = repository.find(tag(1)).orElseThrow();
    assertThat(stored.description()).isEqualTo("Radio \"UHF\", con cargador; y antena\nde repuesto");
    assertThat(stored.serialNumber()).isEqualTo("=1+1");

    String edited = api.get("/api/assets/export?q=" + prefix, "jefe").body()
        .replace(tag(2) + ",Cómputo,Portátil,", tag(2) + ",Cómputo,Portátil con maletín,")
        + tag(3) + ",comunicaciones,Módem 4G,Huawei E5576,G5T7,\"Sede principal, piso 4\",disponible\r\n";
    Reply imported = api.postAs("/api/assets/import", "sistemas", CSV, edited);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().get("added").asInt()).isEqualTo(1);
    assertThat(imported.json().get("updated").asInt()).isEqualTo(1);
    assertThat(imported.json().get("message").asText()).startsWith("Se importó el archivo. Equipos nuevos: 1; actualizados: 1;");
    assertThat(repository.find(tag(2)).orElseThrow().description()).isEqualTo("Portátil con maletín");
    Asset modem = repository.find(tag(3)).orElseThrow();
    assertThat(modem.kind()).isEqualTo(AssetKind.COMUNICACIONES);
    assertThat(modem.location()).isEqualTo("Sede principal, piso 4");
  }

  @Test
  void theSameTagAddedAtOnceIsAddedOnceAndRefusedWith400Otherwise() throws Exception {
    // Whether the check or the insert catches the second one, nobody gets a 500.
    int clients = 6;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Callable<Reply>> adds = java.util.Collections.nCopies(clients,
          () -> add(asset(tag(1), "Cómputo", "Portátil")));
      List<Integer> statuses = new java.util.ArrayList<>();
      for (Future<Reply> reply : pool.invokeAll(adds)) statuses.add(reply.get().status());
      assertThat(statuses).containsOnly(201, 400);
      assertThat(statuses).containsOnlyOnce(201);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String json(Map<String, Object> body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
