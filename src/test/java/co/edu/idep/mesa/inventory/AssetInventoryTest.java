package co.edu.idep.mesa.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import co.edu.idep.mesa.validation.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

/**
 * The inventory's writes when another person adds the same tag between the check and the insert
 * (the database's unique key catches it): a Spanish 400, never a 500; and a refused import writes
 * nothing at all.
 */
class AssetInventoryTest {

  final AssetRepository repository = mock(AssetRepository.class);
  final Inventory inventory = new Inventory(repository, Clock.fixed(Instant.parse("2026-05-04T15:00:00Z"), ZoneOffset.UTC));

  @Test
  void aTagTakenMeanwhileIsRefusedAsATakenTag() {
    when(repository.find("IDEP-C-001")).thenReturn(Optional.empty());
    doThrow(new DuplicateKeyException("duplicate")).when(repository).insert(any());
    assertThatThrownBy(() -> inventory.add(Map.of("tag", "IDEP-C-001", "kind", "COMPUTO", "description", "Portátil"),
        "tecnico"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).singleElement()
            .satisfies(v -> {
              assertThat(v.field()).isEqualTo("tag");
              assertThat(v.message()).isEqualTo("Ya existe un equipo con la placa IDEP-C-001.");
            }));
  }

  @Test
  void anImportWhoseNewTagWasTakenMeanwhileIsRefusedWhole() {
    when(repository.lockAll(anyList())).thenReturn(List.of());
    doThrow(new DuplicateKeyException("duplicate")).when(repository).insertAll(anyList());
    assertThatThrownBy(() -> inventory.importCsv(AssetCsvTest.HEADER + "IDEP-C-001,Cómputo,Portátil,,,,\n", "tecnico"))
        .isInstanceOfSatisfying(ImportRefusedException.class, e -> assertThat(e.errors()).singleElement()
            .satisfies(error -> assertThat(error.message()).contains("No se importó nada")));
    verify(repository, never()).updateAll(anyList());
  }

  @Test
  void aRefusedImportWritesNothing() {
    when(repository.lockAll(anyList())).thenReturn(List.of());
    assertThatThrownBy(() -> inventory.importCsv(AssetCsvTest.HEADER
        + "IDEP-C-001,Cómputo,Portátil,,,,\nIDEP-C-002,Cómputo,,,,,\n", "tecnico"))
        .isInstanceOfSatisfying(ImportRefusedException.class,
            e -> assertThat(e.errors()).extracting(RowError::line).containsExactly(3L));
    verify(repository, never()).insertAll(anyList());
    verify(repository, never()).updateAll(anyList());
    verify(repository, never()).insert(any());
  }
}
