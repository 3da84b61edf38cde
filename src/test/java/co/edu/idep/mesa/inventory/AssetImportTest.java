package co.edu.idep.mesa.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Planning a CSV import against the stored assets: every bad row is reported by its line and
 * column, and one bad row anywhere leaves nothing to write.
 */
class AssetImportTest {

  static final Instant BEFORE = Instant.parse("2026-05-04T15:00:00Z");
  static final Instant NOW = Instant.parse("2026-05-05T15:00:00Z");

  static AssetImport.Plan plan(String csv, Asset... stored) {
    AssetCsv.Parsed parsed = AssetCsv.parse(csv);
    assertThat(parsed.errors()).as("the file's shape").isEmpty();
    Map<String, Asset> current = List.of(stored).stream().collect(Collectors.toMap(Asset::tag, Function.identity()));
    return AssetImport.plan(parsed.rows(), current, NOW);
  }

  static Asset stored(String tag, AssetKind kind, AssetState state) {
    return new Asset(tag, kind, "Radio portátil", "Motorola DEP450", "422TTK1873", "Sede principal, piso 1", state,
        BEFORE);
  }

  @Test
  void goodRowsAddAndUpdateByTag() {
    Asset radio = stored("IDEP-T-001", AssetKind.COMUNICACIONES, AssetState.DISPONIBLE);
    AssetImport.Plan plan = plan(AssetCsvTest.HEADER
        + " idep-c-001 ,cómputo,Portátil,Lenovo,PF1,\"Sede principal, piso 3\",\n"
        + "IDEP-T-001,,Radio portátil,Motorola DEP450,422TTK1873,\"Sede principal, piso 2\",en mantenimiento\n", radio);
    assertThat(plan.errors()).isEmpty();
    assertThat(plan.added()).singleElement().satisfies(a -> {
      assertThat(a.tag()).isEqualTo("IDEP-C-001");
      assertThat(a.kind()).isEqualTo(AssetKind.COMPUTO);
      assertThat(a.state()).isEqualTo(AssetState.DISPONIBLE);
      assertThat(a.updatedAt()).isEqualTo(NOW);
    });
    // An empty kind keeps the stored one.
    assertThat(plan.changed()).singleElement().satisfies(a -> {
      assertThat(a.kind()).isEqualTo(AssetKind.COMUNICACIONES);
      assertThat(a.state()).isEqualTo(AssetState.EN_MANTENIMIENTO);
      assertThat(a.location()).isEqualTo("Sede principal, piso 2");
    });
  }

  @Test
  void badRowsAreReportedByLineAndColumnAndNothingIsPlanned() {
    String tooLong = "x".repeat(201);
    AssetImport.Plan plan = plan(AssetCsvTest.HEADER
        + "IDEP-C-001,Cómputo,Portátil bueno,,,,\n"
        + "IDEP C 2,Impresora,,,,,Perdido\n"
        + "IDEP-C-003,Cómputo," + tooLong + ",,,,\n"
        + "idep-c-001,Cómputo,Otra vez la misma placa,,,,\n"
        + "IDEP-C-005,Cómputo,Nuevo y prestado,,,,Prestado\n"
        + "IDEP-C-006,,Sin tipo,,,,\n"
        + "IDEP-C-007,Cómputo,<b>HTML</b>,,,,\n");
    assertThat(plan.added()).isEmpty();
    assertThat(plan.changed()).isEmpty();
    assertThat(plan.errors()).extracting(e -> e.line() + " " + e.field()).containsExactly(
        "3 placa", "3 tipo", "3 descripcion", "3 estado",
        "4 descripcion",
        "5 placa",
        "6 estado",
        "7 tipo",
        "8 descripcion");
    assertThat(plan.errors()).extracting(RowError::message).contains(
        "El campo «Placa» admite solo letras sin tilde, números y guiones, sin espacios (por ejemplo IDEP-C-001).",
        "El valor de «Tipo» no es válido: use Cómputo o Comunicaciones.",
        "El campo «Descripción» es obligatorio.",
        "El campo «Descripción» admite máximo 200 caracteres.",
        "La placa IDEP-C-001 ya está en la línea 2 del archivo: cada equipo va en una sola fila.",
        "Seleccione un valor para «Tipo»: Cómputo o Comunicaciones.");
  }

  @Test
  void anAssetOnLoanKeepsItsStateAndKindButItsTextMayBeCorrected() {
    Asset lent = stored("IDEP-T-001", AssetKind.COMUNICACIONES, AssetState.PRESTADO);
    AssetImport.Plan returned = plan(AssetCsvTest.HEADER
        + "IDEP-T-001,Comunicaciones,Radio portátil,,,,Disponible\n", lent);
    assertThat(returned.errors()).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("estado");
      assertThat(e.message()).isEqualTo("La placa IDEP-T-001 está prestada: su estado lo cambia la devolución del préstamo.");
    });
    AssetImport.Plan otherKind = plan(AssetCsvTest.HEADER + "IDEP-T-001,Cómputo,Radio portátil,,,,Prestado\n", lent);
    assertThat(otherKind.errors()).extracting(RowError::field).containsExactly("tipo");

    AssetImport.Plan corrected = plan(AssetCsvTest.HEADER
        + "IDEP-T-001,Comunicaciones,Radio portátil con antena,Motorola DEP450,422TTK1873,\"Sede principal, piso 1\",\n",
        lent);
    assertThat(corrected.errors()).isEmpty();
    assertThat(corrected.changed()).singleElement().satisfies(a -> {
      assertThat(a.state()).isEqualTo(AssetState.PRESTADO);
      assertThat(a.description()).isEqualTo("Radio portátil con antena");
    });

    Asset available = stored("IDEP-T-002", AssetKind.COMUNICACIONES, AssetState.DISPONIBLE);
    assertThat(plan(AssetCsvTest.HEADER + "IDEP-T-002,Comunicaciones,Radio portátil,,,,PRESTADO\n", available)
        .errors()).extracting(RowError::field).containsExactly("estado");
  }

  @Test
  void aRowThatChangesNothingKeepsTheUpdateTime() {
    Asset radio = stored("IDEP-T-001", AssetKind.COMUNICACIONES, AssetState.DISPONIBLE);
    AssetImport.Plan plan = plan(AssetCsvTest.HEADER
        + "IDEP-T-001,COMUNICACIONES,Radio portátil ,Motorola DEP450,422TTK1873,\"Sede principal, piso 1\",disponible\n",
        radio);
    assertThat(plan.unchanged()).isEqualTo(1);
    assertThat(plan.changed()).isEmpty();
  }

  @Test
  void kindsAndStatesAreReadByCodeOrLabelInAnyCaseWithOrWithoutAccents() {
    assertThat(AssetKind.fromText("cómputo")).contains(AssetKind.COMPUTO);
    assertThat(AssetKind.fromText(" COMPUTO ")).contains(AssetKind.COMPUTO);
    assertThat(AssetKind.fromText("Comunicaciones")).contains(AssetKind.COMUNICACIONES);
    assertThat(AssetKind.fromText("impresora")).isEmpty();
    assertThat(AssetState.fromText("En Mantenimiento")).contains(AssetState.EN_MANTENIMIENTO);
    assertThat(AssetState.fromText("en_mantenimiento")).contains(AssetState.EN_MANTENIMIENTO);
    assertThat(AssetState.fromText("dado de baja")).contains(AssetState.DADO_DE_BAJA);
    assertThat(AssetState.fromText("")).isEmpty();
  }

  @Test
  void theDemoFileImportsCleanly() throws Exception {
    AssetImport.Plan plan = plan(InventorySeed.demoFile());
    assertThat(plan.errors()).isEmpty();
    assertThat(plan.added()).hasSize(30);
    assertThat(plan.added()).extracting(Asset::kind).contains(AssetKind.COMPUTO, AssetKind.COMUNICACIONES);
    assertThat(plan.added()).extracting(Asset::state).doesNotContain(AssetState.PRESTADO);
  }
}
