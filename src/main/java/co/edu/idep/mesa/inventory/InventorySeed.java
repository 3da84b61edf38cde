package co.edu.idep.mesa.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo equipment for the embedded default profile only ({@code mesa.inventory.seed}, off in
 * postgres, prod and test): the 30 assets of {@value #FILE}, imported through the CSV importer
 * when the inventory is empty, so that loans can be tried right away.
 */
@Component
@ConditionalOnProperty(name = "mesa.inventory.seed", havingValue = "true")
public class InventorySeed implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(InventorySeed.class);

  static final String FILE = "inventory/equipos-demo.csv";
  /** Recorded as the author of the seeded assets in the log. */
  static final String AUTHOR = "inventario-demo";

  private final AssetRepository assets;
  private final Inventory inventory;

  public InventorySeed(AssetRepository assets, Inventory inventory) {
    this.assets = assets;
    this.inventory = inventory;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (assets.count() > 0) return;
    try {
      Inventory.Imported done = inventory.importCsv(demoFile(), AUTHOR);
      log.info("Inventory empty: {} demo assets added from {}", done.added(), FILE);
    } catch (ImportRefusedException e) {
      // Another node seeded it first, or the file was edited wrongly: the application works without it.
      log.warn("Demo assets not added from {}: {}", FILE, e.errors());
    }
  }

  static String demoFile() throws IOException {
    try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
