package co.edu.idep.mesa.inventory;

import co.edu.idep.mesa.support.PostgresApplicationTest;
import co.edu.idep.mesa.support.PostgresDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The inventory API on PostgreSQL, where a failed insert spoils its transaction and the search's
 * SQL must hold as on H2. Runs in CI (-Pci).
 */
@PostgresApplicationTest
class AssetApiPostgresTest extends AbstractAssetApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    PostgresDatabase.fresh("mesa_asset_api_test").register(registry);
  }
}
