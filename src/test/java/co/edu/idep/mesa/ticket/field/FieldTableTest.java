package co.edu.idep.mesa.ticket.field;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/fields.md} is the catalogue's, as {@link FieldTable} writes it. A stale file is
 * rewritten, and the test fails once: a run in CI never passes with docs that were not committed.
 */
class FieldTableTest {

  @Test
  void theDocsTableIsTheCatalogue() throws IOException {
    Path docs = Path.of(FieldTable.PATH);
    String generated = FieldTable.markdown();
    String current = Files.exists(docs) ? Files.readString(docs, StandardCharsets.UTF_8) : "";
    if (!current.equals(generated)) {
      Files.writeString(docs, generated, StandardCharsets.UTF_8);
      fail(docs + " differed from the field catalogue and has been regenerated: review it and commit it.");
    }
  }
}
