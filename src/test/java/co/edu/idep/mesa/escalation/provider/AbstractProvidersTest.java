package co.edu.idep.mesa.escalation.provider;

import co.edu.idep.mesa.support.MigratedDatabase;
import co.edu.idep.mesa.support.SqlDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.validation.InvalidInputException;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tables and the service on the schema Flyway makes (H2 here, PostgreSQL in CI): which provider
 * takes a topic, which contract is in force on a day, what the database itself refuses, and the demo
 * seed. Each test has a fresh database of its own.
 */
abstract class AbstractProvidersTest {

  private static final Instant NOW = Instant.parse("2026-11-30T14:00:00Z");

  private HikariDataSource dataSource;
  private JdbcClient jdbc;
  private ProviderRepository repository;
  private Providers providers;

  private final SqlDatabase database;

  protected AbstractProvidersTest(SqlDatabase database) {
    this.database = database;
  }

  @BeforeEach
  void migrate() {
    dataSource = MigratedDatabase.at(database.url(), database.user(), 4);
    jdbc = JdbcClient.create(dataSource);
    repository = new ProviderRepository(jdbc);
    providers = new Providers(repository, new SupportContractRepository(jdbc),
        Clock.fixed(NOW, ZoneId.of("America/Bogota")));
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  static Map<String, Object> provider(String code, Object topics) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("name", "Proveedor " + code);
    body.put("kind", "SOFTWARE");
    body.put("contactEmail", "soporte@" + code.strip().toLowerCase() + ".example.com");
    body.put("topics", topics);
    body.put("channel", "EMAIL");
    return body;
  }

  static Map<String, Object> contract(String number, String startsOn, String endsOn) {
    return Map.of("number", number, "startsOn", startsOn, "endsOn", endsOn, "responseHours", 8,
        "resolutionHours", 40);
  }

  @Test
  void aTopicGoesToTheActiveProviderThatTakesItAndOfSeveralToTheOldest() {
    Provider web = providers.add(provider("WEB-A", List.of("SOPORTE_WEB")), "tecnico");
    Provider both = providers.add(provider("WEB-B", "SOPORTE_HUMANO, SOPORTE_WEB"), "tecnico");
    Map<String, Object> inactive = provider("MANT", List.of("SOPORTE_TECNICO"));
    inactive.put("active", false);
    providers.add(inactive, "tecnico");

    assertThat(providers.forTopic(Topic.SOPORTE_WEB)).contains(web);
    assertThat(providers.forTopic(Topic.SOPORTE_HUMANO)).contains(both);
    assertThat(providers.forTopic(Topic.SOPORTE_TECNICO)).as("inactive").isEmpty();
    assertThat(providers.forTopic(Topic.SOPORTE_GOOBI)).isEmpty();

    Map<String, Object> deactivated = provider("WEB-A", List.of("SOPORTE_WEB"));
    deactivated.put("active", false);
    assertThat(providers.update("web-a", deactivated, "jefe")).isPresent();
    assertThat(providers.forTopic(Topic.SOPORTE_WEB)).map(Provider::code).contains("WEB-B");

    Map<String, Object> active = provider("MANT", List.of("SOPORTE_TECNICO", "SOPORTE_GOOBI"));
    active.put("active", true);
    providers.update("MANT", active, "jefe");
    assertThat(providers.forTopic(Topic.SOPORTE_TECNICO)).map(Provider::code).contains("MANT");
    assertThat(providers.forTopic(Topic.SOPORTE_GOOBI)).map(Provider::code).contains("MANT");
  }

  @Test
  void aProviderComesBackAsStored() {
    Map<String, Object> body = provider(" humano ", List.of("soporte_humano", "SOPORTE_GOOBI"));
    body.put("kind", "software");
    body.put("channel", "osticket");
    body.put("name", "Soporte Lógico — Humano");
    body.put("services", "Humano (nómina y talento humano)");
    Provider added = providers.add(body, "tecnico");

    Provider found = providers.find(added.id()).orElseThrow();
    assertThat(found).isEqualTo(added);
    assertThat(found.code()).isEqualTo("HUMANO");
    assertThat(found.name()).isEqualTo("Soporte Lógico — Humano");
    assertThat(found.kind()).isEqualTo(ProviderKind.SOFTWARE);
    assertThat(found.channel()).isEqualTo(ProviderChannel.OSTICKET);
    assertThat(found.topics()).containsExactly(Topic.SOPORTE_GOOBI, Topic.SOPORTE_HUMANO);
    assertThat(found.services()).isEqualTo("Humano (nómina y talento humano)");
    assertThat(found.active()).isTrue();
    assertThat(found.updatedAt()).isEqualTo(NOW);
    assertThat(providers.findByCode(" humano")).contains(found);
    assertThat(providers.findByCode("OTRO")).isEmpty();
    assertThat(providers.findByCode("no válido")).isEmpty();
    assertThat(providers.findByCode(null)).isEmpty();
    assertThat(providers.find(added.id() + 1000)).isEmpty();
    assertThat(jdbc.sql("select topics from provider where id = ?").param(added.id()).query(String.class).single())
        .isEqualTo("SOPORTE_GOOBI,SOPORTE_HUMANO");
  }

  @Test
  void theContractInForceIsReadOnTheDayOfEscalation() {
    Provider web = providers.add(provider("WEB", List.of("SOPORTE_WEB")), "tecnico");
    Provider other = providers.add(provider("OTRO", List.of("SOPORTE_HUMANO")), "tecnico");
    SupportContract current = providers.addContract("WEB", contract("CPS-140-2026", "2026-02-01", "2027-01-31"), "tecnico")
        .orElseThrow();
    SupportContract expired = providers.addContract("web", contract("cps-077-2025", "2025-02-01", "2025-12-31"), "tecnico")
        .orElseThrow();
    providers.addContract("OTRO", contract("CPS-200-2026", "2026-01-01", "2026-12-31"), "tecnico");

    assertThat(expired.number()).isEqualTo("CPS-077-2025");
    assertThat(providers.contracts(web.id())).as("oldest first, this provider's only").containsExactly(expired, current);
    assertThat(providers.contractInForce(web.id(), LocalDate.of(2025, 12, 31))).contains(expired);
    assertThat(providers.contractInForce(web.id(), LocalDate.of(2026, 1, 1))).isEmpty();
    assertThat(providers.contractInForce(web.id(), LocalDate.of(2026, 1, 31))).isEmpty();
    assertThat(providers.contractInForce(web.id(), LocalDate.of(2026, 2, 1))).contains(current);
    assertThat(providers.contractInForce(web.id(), LocalDate.of(2026, 11, 30))).contains(current);
    assertThat(providers.contractInForce(web.id(), LocalDate.of(2027, 1, 30))).contains(current);
    assertThat(providers.contractInForce(web.id(), LocalDate.of(2027, 1, 31))).contains(current);
    assertThat(providers.contractInForce(web.id(), LocalDate.of(2027, 2, 1))).isEmpty();
    assertThat(providers.contractInForce(other.id(), LocalDate.of(2027, 1, 15))).isEmpty();

    // A renewal signed before the current one ends: the one ending last answers.
    SupportContract renewal = providers.addContract("WEB", contract("CPS-020-2027", "2027-01-15", "2028-01-14"),
        "tecnico").orElseThrow();
    assertThat(providers.contractInForce(web.id(), LocalDate.of(2027, 1, 20))).contains(renewal);
    assertThat(providers.contractInForce(web.id(), LocalDate.of(2027, 1, 14))).contains(current);

    // Extending the expired one brings it back into force.
    Map<String, Object> extended = new HashMap<>(contract("CPS-077-2025", "2025-02-01", "2026-01-31"));
    extended.put("responseHours", 4);
    SupportContract changed = providers.updateContract("WEB", "cps-077-2025", extended, "jefe").orElseThrow();
    assertThat(changed.responseHours()).isEqualTo(4);
    assertThat(providers.contractInForce(web.id(), LocalDate.of(2026, 1, 31))).contains(changed);
    assertThat(providers.updateContract("OTRO", "CPS-077-2025", extended, "jefe")).as("another's contract").isEmpty();
  }

  @Test
  void theDatabaseRefusesAContractEndingBeforeItStartsAndANumberTwice() {
    Provider web = providers.add(provider("WEB", List.of("SOPORTE_WEB")), "tecnico");
    assertThatThrownBy(() -> insertContract(web.id(), "CPS-1", "2026-02-01", "2026-01-31", 8))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> insertContract(web.id(), "CPS-2", "2026-02-01", "2026-02-28", 0))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> insertContract(web.id() + 1000, "CPS-3", "2026-02-01", "2026-02-28", 8))
        .as("no such provider").isInstanceOf(DataIntegrityViolationException.class);
    insertContract(web.id(), "CPS-4", "2026-02-01", "2026-02-01", 8);
    assertThatThrownBy(() -> insertContract(web.id(), "CPS-4", "2026-03-01", "2026-03-31", 8))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(providers.contracts(web.id())).extracting(SupportContract::number).containsExactly("CPS-4");

    InvalidInputException twice = assertThrows(InvalidInputException.class,
        () -> providers.addContract("WEB", contract("cps-4", "2026-03-01", "2026-03-31"), "tecnico"));
    assertThat(twice.violations()).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo("number");
      assertThat(v.message()).isEqualTo("Ya existe un contrato con el número CPS-4.");
    });
  }

  @Test
  void theSameCodeAddedAtOnceIsAddedOnceAndRefusedInSpanishOtherwise() throws Exception {
    // Whether the check or the unique index catches the others, each gets the same Spanish refusal.
    int clients = 4;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Callable<Provider>> adds = Collections.nCopies(clients,
          () -> providers.add(provider("CARRERA", List.of("SOPORTE_WEB")), "tecnico"));
      List<String> outcomes = new ArrayList<>();
      for (Future<Provider> added : pool.invokeAll(adds)) {
        try {
          outcomes.add(added.get().code());
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(InvalidInputException.class);
          outcomes.add(((InvalidInputException) e.getCause()).violations().get(0).message());
        }
      }
      assertThat(outcomes).containsOnlyOnce("CARRERA")
          .containsOnly("CARRERA", "Ya existe un proveedor con el código CARRERA.");
    } finally {
      pool.shutdownNow();
    }
    assertThat(repository.count()).isEqualTo(1);
  }

  @Test
  void aCodeOrNumberTakenBetweenTheCheckAndTheInsertIsRefusedInSpanish() {
    // Repositories whose look-ups miss what is there: as if another request added it just after the check.
    ProviderRepository late = new ProviderRepository(jdbc) {
      @Override
      public Optional<Provider> findByCode(String code) {
        return Optional.empty();
      }
    };
    SupportContractRepository lateContracts = new SupportContractRepository(jdbc) {
      @Override
      public Optional<SupportContract> findByNumber(String number) {
        return Optional.empty();
      }
    };
    Clock clock = Clock.fixed(NOW, ZoneId.of("America/Bogota"));
    Providers racing = new Providers(late, new SupportContractRepository(jdbc), clock);
    Providers racingContracts = new Providers(repository, lateContracts, clock);
    providers.add(provider("WEB", List.of("SOPORTE_WEB")), "tecnico");
    providers.addContract("WEB", contract("CPS-1", "2026-01-01", "2026-12-31"), "tecnico");

    InvalidInputException code = assertThrows(InvalidInputException.class,
        () -> racing.add(provider("WEB", List.of("SOPORTE_HUMANO")), "web"));
    assertThat(code.violations()).extracting(v -> v.field() + ": " + v.message())
        .containsExactly("code: Ya existe un proveedor con el código WEB.");
    InvalidInputException number = assertThrows(InvalidInputException.class,
        () -> racingContracts.addContract("WEB", contract("CPS-1", "2027-01-01", "2027-12-31"), "web"));
    assertThat(number.violations()).extracting(v -> v.field() + ": " + v.message())
        .containsExactly("number: Ya existe un contrato con el número CPS-1.");
    assertThat(repository.count()).isEqualTo(1);
  }

  @Test
  void theDemoSeedAddsThreeProvidersOnceWithTheWebVendorsContractExpiredAndInForce() {
    ProviderSeed seed = new ProviderSeed(repository, providers, new DataSourceTransactionManager(dataSource));
    seed.run(null);
    seed.run(null);

    assertThat(providers.all()).extracting(Provider::code).containsExactly("HUMANO", "MANTENIMIENTO", "WEB");
    Provider maintenance = providers.forTopic(Topic.SOPORTE_TECNICO).orElseThrow();
    assertThat(maintenance.code()).isEqualTo("MANTENIMIENTO");
    assertThat(maintenance.kind()).isEqualTo(ProviderKind.MANTENIMIENTO);
    assertThat(maintenance.channel()).isEqualTo(ProviderChannel.EMAIL);
    assertThat(maintenance.contactEmail()).isEqualTo("soporte@mantenimiento.example.com");
    Provider humano = providers.forTopic(Topic.SOPORTE_HUMANO).orElseThrow();
    assertThat(humano.channel()).isEqualTo(ProviderChannel.OSTICKET);
    assertThat(humano.kind()).isEqualTo(ProviderKind.SOFTWARE);
    Provider web = providers.forTopic(Topic.SOPORTE_WEB).orElseThrow();
    assertThat(web.kind()).isEqualTo(ProviderKind.WEB);
    assertThat(providers.forTopic(Topic.SOPORTE_GOOBI)).isEmpty();
    assertThat(providers.all()).allSatisfy(p -> assertThat(p.contactEmail()).endsWith(".example.com"));

    assertThat(providers.contracts(web.id())).hasSize(2);
    assertThat(providers.contractInForce(web.id(), LocalDate.of(2025, 12, 31))).map(SupportContract::number)
        .contains("CPS-077-2025");
    // Every provider has a contract in force on 2026-11-30, and still a month and a half later.
    for (Provider p : providers.all()) {
      for (LocalDate day : List.of(LocalDate.of(2026, 11, 30), LocalDate.of(2027, 1, 14))) {
        assertThat(providers.contractInForce(p.id(), day)).as(p.code() + " " + day).isPresent();
      }
    }
    assertThat(providers.contractInForce(web.id(), LocalDate.of(2026, 11, 30))).map(SupportContract::number)
        .contains("CPS-140-2026");
  }

  private void insertContract(long providerId, String number, String startsOn, String endsOn, int hours) {
    jdbc.sql("""
            insert into support_contract (provider_id, number, starts_on, ends_on, response_hours, resolution_hours,
              updated_at)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(providerId, number, LocalDate.parse(startsOn), LocalDate.parse(endsOn), hours, 40,
            NOW.atOffset(ZoneOffset.UTC))
        .update();
  }
}
