package co.edu.idep.mesa.inventory;

import co.edu.idep.mesa.support.ApplicationTest;

/** The inventory API on the shared application (H2). */
@ApplicationTest
class AssetApiTest extends AbstractAssetApiTest {}
