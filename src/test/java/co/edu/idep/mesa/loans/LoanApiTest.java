package co.edu.idep.mesa.loans;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.inventory.Asset;
import co.edu.idep.mesa.inventory.AssetKind;
import co.edu.idep.mesa.inventory.AssetRepository;
import co.edu.idep.mesa.inventory.AssetState;
import co.edu.idep.mesa.support.ApiClient;
import co.edu.idep.mesa.support.ApiClient.Reply;
import co.edu.idep.mesa.support.ApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** /api/loans: who has what, since when and due when; a requester sees his own loans only. */
@ApplicationTest
class LoanApiTest {

  private static final AtomicLong SERIES = new AtomicLong(System.nanoTime() % 90_000L);

  @LocalServerPort int port;
  @Autowired AssetRepository assets;
  @Autowired LoanReservations reservations;
  @Autowired LoanRepository loans;
  @Autowired TransactionTemplate transaction;
  // The application's day (Bogotá), not the machine's.
  @Autowired java.time.Clock clock;

  @Test
  void eachPersonSeesHisOwnLoansAndTheTechniciansSeeThemAll() {
    ApiClient api = new ApiClient(port);
    String mine = lend("usuario1", LocalDate.now(clock).plusDays(2));
    String theirs = lend("usuario2", LocalDate.now(clock).plusDays(2));

    assertThat(codes(api.get("/api/loans?state=active&limit=500", "usuario1"))).contains(mine).doesNotContain(theirs);
    assertThat(codes(api.get("/api/loans?state=active&limit=500", "tecnico"))).contains(mine, theirs);
    assertThat(codes(api.get("/api/loans?state=active&limit=500", "jefe"))).contains(mine, theirs);

    Reply own = api.get("/api/loans/" + mine, "usuario1");
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("requester").asText()).isEqualTo("usuario1");
    assertThat(own.json().get("state").asText()).isEqualTo("ACTIVO");
    assertThat(own.json().get("receivedBy").asText()).isEqualTo("Ana Ruiz");
    assertThat(own.json().get("assets")).hasSize(2);
    assertThat(own.json().get("assets").get(0).get("state").asText()).isEqualTo("PRESTADO");

    // Another person's loan is answered like a missing one, to requesters of any group.
    for (String user : List.of("usuario1", "sistemas")) {
      Reply other = api.get("/api/loans/" + theirs, user);
      assertThat(other.status()).as(user).isEqualTo(404);
      assertThat(other.json().get("message").asText()).contains("No existe un préstamo");
    }
  }

  @Test
  void overdueAndReturnedLoansAreListedApart() {
    ApiClient api = new ApiClient(port);
    String late = lend("usuario1", LocalDate.now(clock).minusDays(1));
    String onTime = lend("usuario1", LocalDate.now(clock).plusDays(5));
    String back = lend("usuario1", LocalDate.now(clock).plusDays(5));
    loans.close(loans.find(back).orElseThrow().id(), Instant.now());

    List<String> overdue = codes(api.get("/api/loans?state=overdue&limit=500", "tecnico"));
    assertThat(overdue).contains(late).doesNotContain(onTime, back);
    JsonNode lateLoan = api.get("/api/loans/" + late, "tecnico").json();
    assertThat(lateLoan.get("overdue").asBoolean()).isTrue();
    assertThat(codes(api.get("/api/loans?state=returned&limit=500", "usuario1"))).contains(back).doesNotContain(late);
    assertThat(codes(api.get("/api/loans", "usuario1"))).contains(late, onTime).doesNotContain(back);
  }

  @Test
  void anUnknownStateOrLimitIsASpanish400() {
    ApiClient api = new ApiClient(port);
    Reply state = api.get("/api/loans?state=perdidos", "tecnico");
    assertThat(state.status()).isEqualTo(400);
    assertThat(state.body()).contains("active (activos), overdue (vencidos) o returned (devueltos)");
    Reply limit = api.get("/api/loans?limit=0", "tecnico");
    assertThat(limit.status()).isEqualTo(400);
    assertThat(limit.body()).contains("El límite debe estar entre 1 y 500");
  }

  @Test
  void aReservedAssetIsNotRetiredNorChangedOfKindUntilTheLoanLetsItGo() {
    ApiClient api = new ApiClient(port);
    String code = "MDS-2026-8" + String.format("%05d", SERIES.incrementAndGet() % 100_000);
    String tag = "LRES-" + code.substring(9);
    assets.insert(new Asset(tag, AssetKind.COMPUTO, "Portátil", null, null, null, AssetState.DISPONIBLE, Instant.now()));
    LoanTerms terms = new LoanTerms(code, "usuario1", AssetKind.COMPUTO, LocalDate.now(clock).plusDays(3),
        LocalDate.now(clock).plusDays(5), "Sala 2", false);
    transaction.executeWithoutResult(status -> reservations.reserve(terms, List.of(tag)));

    for (String body : List.of("{\"description\": \"Portátil\", \"state\": \"DADO_DE_BAJA\"}",
        "{\"description\": \"Portátil\", \"kind\": \"COMUNICACIONES\"}")) {
      Reply refused = api.send("PUT", "/api/assets/" + tag, "tecnico", body);
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.body()).contains("está reservada para un préstamo");
    }
    assertThat(assets.find(tag).orElseThrow().state()).isEqualTo(AssetState.DISPONIBLE);
    // Its text may still be corrected.
    assertThat(api.send("PUT", "/api/assets/" + tag, "tecnico", "{\"description\": \"Portátil 14 pulgadas\"}")
        .status()).isEqualTo(200);
  }

  /** A loan of two new assets, handed over to {@code requester}'s colleague, due on {@code due}. */
  private String lend(String requester, LocalDate due) {
    String code = "MDS-2026-8" + String.format("%05d", SERIES.incrementAndGet() % 100_000);
    List<String> tags = List.of(code.substring(9) + "-A", code.substring(9) + "-B").stream()
        .map(suffix -> "LAPI-" + suffix).toList();
    tags.forEach(tag -> assets.insert(new Asset(tag, AssetKind.COMPUTO, "Portátil", null, null, null,
        AssetState.DISPONIBLE, Instant.now())));
    LoanTerms terms = new LoanTerms(code, requester, AssetKind.COMPUTO, due.minusDays(3), due, "Sala 2", false);
    transaction.executeWithoutResult(status -> {
      reservations.reserve(terms, tags);
      long id = loans.find(code).orElseThrow().id();
      loans.changeAssets(id, tags, LoanAssetState.RESERVADO, LoanAssetState.PRESTADO);
      loans.handOver(id, "Ana Ruiz", "tecnico", Instant.now());
    });
    return code;
  }

  private static List<String> codes(Reply reply) {
    assertThat(reply.status()).isEqualTo(200);
    return StreamSupport.stream(reply.json().spliterator(), false).map(l -> l.get("ticketCode").asText()).toList();
  }
}
