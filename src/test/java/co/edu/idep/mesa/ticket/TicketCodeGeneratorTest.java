package co.edu.idep.mesa.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Codes from one sequence per year, on a bare H2 database holding only the ticket table's codes. */
class TicketCodeGeneratorTest {

  static final Clock DEC_31_2026 = Clock.fixed(Instant.parse("2026-12-31T12:00:00Z"), ZoneId.of("America/Bogota"));

  DriverManagerDataSource db;
  JdbcClient jdbc;

  @BeforeEach
  void database() {
    db = new DriverManagerDataSource("jdbc:h2:mem:codes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    jdbc = JdbcClient.create(db);
    jdbc.sql("create table ticket (code varchar(20) primary key)").update();
  }

  TicketCodeGenerator generator() {
    TicketCodeGenerator codes = new TicketCodeGenerator(jdbc, db, DEC_31_2026);
    codes.afterPropertiesSet();
    return codes;
  }

  @Test
  void eachYearIsNumberedFromOne() {
    TicketCodeGenerator codes = generator();
    assertThat(codes.next(2026)).isEqualTo("MDS-2026-000001");
    assertThat(codes.next(2026)).isEqualTo("MDS-2026-000002");
    // The next year's sequence was made at start-up, before its first ticket.
    assertThat(codes.next(2027)).isEqualTo("MDS-2027-000001");
  }

  @Test
  void aDatabaseNumberedBeforeContinuesAfterItsHighestCode() {
    jdbc.sql("insert into ticket (code) values ('MDS-2026-000041'), ('MDS-2026-000007'), ('MDS-2025-000900')").update();
    assertThat(generator().next(2026)).isEqualTo("MDS-2026-000042");
  }

  @Test
  void startingTwiceKeepsTheSequenceWhereItWas() {
    generator().next(2026);
    assertThat(generator().next(2026)).isEqualTo("MDS-2026-000002");
  }
}
