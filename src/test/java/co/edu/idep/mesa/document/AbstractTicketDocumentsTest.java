package co.edu.idep.mesa.document;

import co.edu.idep.mesa.support.MigratedDatabase;
import co.edu.idep.mesa.support.SqlDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The table and the service on the schema Flyway makes (H2 here, PostgreSQL in CI): binary content
 * comes back byte for byte, a name is stored once per ticket, and only plain file names are taken.
 */
abstract class AbstractTicketDocumentsTest {

  private static final String CODE = "MDS-2026-000001";
  private static final Instant NOW = Instant.parse("2026-03-15T19:05:00Z");

  private HikariDataSource dataSource;
  private JdbcClient jdbc;
  private TicketDocuments documents;

  private final SqlDatabase database;

  protected AbstractTicketDocumentsTest(SqlDatabase database) {
    this.database = database;
  }

  @BeforeEach
  void migrate() {
    dataSource = MigratedDatabase.at(database.url(), database.user(), 2);
    jdbc = JdbcClient.create(dataSource);
    documents = new TicketDocuments(new TicketDocumentRepository(jdbc), Clock.fixed(NOW, ZoneId.of("America/Bogota")));
    for (String code : new String[] {CODE, "MDS-2026-000002"}) {
      jdbc.sql("""
              insert into ticket (code, topic, subject, description, details, requester, state, created_at, updated_at)
              values (?, 'PRESTAMO_COMPUTO', 'Prueba', 'Prueba', '{}', 'usuario1', 'ASIGNADO', ?, ?)""")
          .params(code, NOW.atOffset(ZoneOffset.UTC), NOW.atOffset(ZoneOffset.UTC)).update();
    }
  }

  @AfterEach
  void close() {
    dataSource.close();
  }

  @Test
  void everyByteComesBackAndTheListingTellsTheSizeWithoutTheContent() {
    byte[] content = new byte[300_000];
    new Random(7).nextBytes(content); // every byte value, zeros included

    DocumentInfo stored = documents.store(CODE, "salida-de-equipos.pdf", "application/pdf", content, "tecnico");

    assertThat(stored.sizeBytes()).isEqualTo(content.length);
    TicketDocument found = documents.find(CODE, "salida-de-equipos.pdf").orElseThrow();
    assertThat(found.content()).isEqualTo(content);
    assertThat(found.contentType()).isEqualTo("application/pdf");
    assertThat(found.createdBy()).isEqualTo("tecnico");
    assertThat(found.createdAt().toInstant()).isEqualTo(NOW);
    assertThat(documents.list(CODE)).containsExactly(
        new DocumentInfo("salida-de-equipos.pdf", "application/pdf", content.length, found.createdAt(), "tecnico"));
    assertThat(documents.list("MDS-2026-000002")).isEmpty();
    assertThat(documents.find("MDS-2026-000002", "salida-de-equipos.pdf")).isEmpty();
  }

  @Test
  void storingTheSameNameAgainReplacesTheDocumentAndKeepsOneRow() {
    documents.store(CODE, "salida-de-equipos.pdf", "application/pdf", new byte[] {1, 2, 3}, "tecnico");
    documents.store(CODE, "salida-de-equipos.pdf", "application/pdf", new byte[] {4, 5}, "admin");
    documents.store(CODE, "salida-de-equipos.pdf", "application/pdf", new byte[] {4, 5}, "admin");
    documents.store("MDS-2026-000002", "salida-de-equipos.pdf", "application/pdf", new byte[] {9}, "tecnico");

    assertThat(rows(CODE)).isEqualTo(1);
    TicketDocument found = documents.find(CODE, "salida-de-equipos.pdf").orElseThrow();
    assertThat(found.content()).containsExactly(4, 5);
    assertThat(found.createdBy()).isEqualTo("admin");
    assertThat(documents.list(CODE)).singleElement().satisfies(d -> assertThat(d.sizeBytes()).isEqualTo(2));
    assertThat(documents.find("MDS-2026-000002", "salida-de-equipos.pdf").orElseThrow().content()).containsExactly(9);
  }

  @Test
  void theDatabaseKeepsOneDocumentPerNameAndOnlyForATicketThatExists() {
    TicketDocumentRepository repository = new TicketDocumentRepository(jdbc);
    TicketDocument document = new TicketDocument(CODE, "salida-de-equipos.pdf", "application/pdf", new byte[] {1},
        NOW.atOffset(ZoneOffset.UTC), "tecnico");
    repository.insert(document);

    assertThatThrownBy(() -> repository.insert(document)).isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> documents.store("MDS-1999-999999", "salida-de-equipos.pdf", "application/pdf",
        new byte[] {1}, "tecnico")).isInstanceOf(DataIntegrityViolationException.class);
    assertThat(rows(CODE)).isEqualTo(1);
  }

  @Test
  void onlyPlainFileNamesAndMediaTypesAreTaken() {
    for (String name : new String[] {"../salida.pdf", "a/b.pdf", "a\\b.pdf", "Salida.pdf", "salida de equipos.pdf",
        "salida-.pdf", "-salida.pdf", ".pdf", "salida", "salida.pdf\n", "salida%2e.pdf", "x".repeat(97) + ".pdf", "",
        null}) {
      assertThatThrownBy(() -> documents.store(CODE, name, "application/pdf", new byte[] {1}, "tecnico"))
          .as(name).isInstanceOf(IllegalArgumentException.class);
      assertThat(documents.find(CODE, name)).as(name).isEmpty();
    }
    for (String type : new String[] {"pdf", "application/pdf; charset=utf-8", "text/html\r\nX: y", "", null}) {
      assertThatThrownBy(() -> documents.store(CODE, "salida.pdf", type, new byte[] {1}, "tecnico"))
          .as(type).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> documents.store(CODE, "salida.pdf", "application/pdf", null, "tecnico"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> documents.store(CODE, "salida.pdf", "application/pdf",
        new byte[TicketDocuments.MAX_BYTES + 1], "tecnico")).isInstanceOf(IllegalArgumentException.class);
    assertThat(rows(CODE)).isZero();

    documents.store(CODE, "x".repeat(96) + ".pdf", "application/pdf", new byte[0], null);
    documents.store(CODE, "informe-2026-t1.csv", "text/csv", new byte[] {1}, "tecnico");
    assertThat(documents.list(CODE)).extracting(DocumentInfo::name)
        .containsExactly("informe-2026-t1.csv", "x".repeat(96) + ".pdf");
  }

  private int rows(String code) {
    return jdbc.sql("select count(*) from ticket_document where ticket_code = ?").param(code)
        .query(Integer.class).single();
  }
}
