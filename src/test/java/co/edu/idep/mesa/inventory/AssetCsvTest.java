package co.edu.idep.mesa.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV file itself: what spreadsheet programs write, line numbers, and a faithful round trip. */
class AssetCsvTest {

  static final String HEADER = "placa,tipo,descripcion,marca_modelo,serial,ubicacion,estado\n";

  @Test
  void readsQuotedFieldsAndTellsEachRowsFirstLine() {
    AssetCsv.Parsed parsed = AssetCsv.parse(HEADER
        + "IDEP-C-001,Cómputo,\"Portátil 14\"\" con cargador, maletín\",Lenovo E14,PF1,\"Sede principal, piso 3\",Disponible\n"
        + "\n"
        + "IDEP-C-002,COMPUTO,\"Dos líneas:\nsegunda\",,,,\n"
        + "IDEP-T-001,comunicaciones,Radio,,,,\n");
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.rows()).extracting(AssetCsv.Row::line).containsExactly(2L, 4L, 6L);
    Map<String, Object> first = parsed.rows().get(0).values();
    assertThat(first).containsEntry("tag", "IDEP-C-001").containsEntry("kind", "Cómputo")
        .containsEntry("description", "Portátil 14\" con cargador, maletín")
        .containsEntry("location", "Sede principal, piso 3").containsEntry("state", "Disponible");
    assertThat(parsed.rows().get(1).values()).containsEntry("description", "Dos líneas:\nsegunda");
  }

  @Test
  void readsWhatExcelInSpanishWrites() {
    // A byte-order mark, ";" as separator, CRLF, the columns in another order, a header with
    // accents and capitals, and an empty row at the end.
    AssetCsv.Parsed parsed = AssetCsv.parse("\uFEFFPlaca;Descripción;Tipo;Marca_Modelo;Serial;Ubicación;Estado\r\n"
        + "idep-c-101;Portátil, con cargador;Cómputo;HP 450;5CD;Sede principal, piso 2;En mantenimiento\r\n"
        + ";;;;;;\r\n");
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.rows()).hasSize(1);
    assertThat(parsed.rows().get(0).values()).containsEntry("tag", "idep-c-101")
        .containsEntry("description", "Portátil, con cargador").containsEntry("kind", "Cómputo")
        .containsEntry("location", "Sede principal, piso 2");
  }

  @Test
  void aWrongHeaderIsNamedAndNoRowIsRead() {
    AssetCsv.Parsed parsed = AssetCsv.parse("placa,tipo,descripcion,color\nIDEP-1,Cómputo,Algo,rojo\n");
    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.errors()).extracting(RowError::line).containsOnly(1L);
    assertThat(parsed.errors()).extracting(RowError::message).anySatisfy(m -> assertThat(m).contains("«color»"))
        .anySatisfy(m -> assertThat(m).contains("faltan las columnas marca_modelo, serial, ubicacion, estado"));

    AssetCsv.Parsed twice = AssetCsv.parse("placa,placa,tipo,descripcion,marca_modelo,serial,ubicacion,estado\n");
    assertThat(twice.errors()).extracting(RowError::message).anySatisfy(m -> assertThat(m).contains("dos veces"));

    assertThat(AssetCsv.parse("").errors()).extracting(RowError::message)
        .containsExactly("El archivo está vacío: la primera línea debe ser el encabezado " + AssetCsv.header() + ".");
    assertThat(AssetCsv.parse("\uFEFF\r\n").errors()).hasSize(1);
  }

  @Test
  void rowsOfTheWrongShapeAreReportedByLine() {
    AssetCsv.Parsed parsed = AssetCsv.parse(HEADER
        + "IDEP-1,Cómputo,Bien,,,,\n"
        + "IDEP-2,Cómputo,Le falta una columna,,,\n"
        + "IDEP-3,Cómputo,Bien,,,,\n");
    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(3L);
      assertThat(e.message()).contains("6 columnas y el encabezado 7");
    });
  }

  @Test
  void anUnclosedQuoteNamesTheLineWhereItOpens() {
    AssetCsv.Parsed parsed = AssetCsv.parse(HEADER
        + "IDEP-1,Cómputo,Bien,,,,\n"
        + "IDEP-2,Cómputo,\"Sin cerrar,,,,\n"
        + "IDEP-3,Cómputo,Bien,,,,\n");
    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(3L);
      assertThat(e.message()).contains("comillas sin cerrar");
    });
  }

  @Test
  void moreRowsThanTheLimitAreRefusedWhole() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i <= AssetCsv.MAX_ROWS; i++) csv.append("IDEP-").append(i).append(",Cómputo,Equipo,,,,\n");
    AssetCsv.Parsed parsed = AssetCsv.parse(csv.toString());
    assertThat(parsed.rows()).isEmpty();
    assertThat(parsed.errors()).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(AssetCsv.MAX_ROWS + 2L);
      assertThat(e.message()).contains("más de 10000 equipos");
    });
  }

  @Test
  void anExportReadsBackExactlyWithEitherSeparator() {
    Instant now = Instant.parse("2026-05-04T15:00:00Z");
    List<Asset> assets = List.of(
        new Asset("IDEP-C-001", AssetKind.COMPUTO, "Portátil 14\", cargador; maletín\ny mouse", "Lenovo; E14", null,
            "Sede principal, piso 3", AssetState.PRESTADO, now),
        // Values a spreadsheet would run as formulas are written as text, and read back as they were.
        new Asset("-IDEP-9", AssetKind.COMUNICACIONES, "=HYPERLINK(\"http://x\")", "+57 radio", "@serial",
            "'=ya con apóstrofo", AssetState.DADO_DE_BAJA, now));
    for (char separator : new char[] {',', ';'}) {
      String csv = AssetCsv.write(assets, separator);
      assertThat(csv).startsWith("\uFEFF" + AssetCsv.header().replace(',', separator) + "\r\n");
      assertThat(csv).contains("'=HYPERLINK(").contains("\r\n'-IDEP-9" + separator)
          .contains(separator + "''=ya con apóstrofo");
      AssetCsv.Parsed parsed = AssetCsv.parse(csv);
      assertThat(parsed.errors()).isEmpty();
      AssetImport.Plan plan = AssetImport.plan(parsed.rows(),
          Map.of(assets.get(0).tag(), assets.get(0), assets.get(1).tag(), assets.get(1)), now.plusSeconds(60));
      assertThat(plan.errors()).isEmpty();
      assertThat(plan.unchanged()).isEqualTo(2);
      assertThat(plan.added()).isEmpty();
      assertThat(plan.changed()).isEmpty();
    }
  }
}
