package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.inventory.AssetState;

/** How an asset came back; anything but good sends it to maintenance before it is lent again. */
public enum ReturnCondition {
  BUENO("en buen estado", AssetState.DISPONIBLE),
  CON_DANO("con daño", AssetState.EN_MANTENIMIENTO),
  INCOMPLETO("incompleto", AssetState.EN_MANTENIMIENTO);

  private final String label;
  private final AssetState assetState;

  ReturnCondition(String label, AssetState assetState) {
    this.label = label;
    this.assetState = assetState;
  }

  public String label() {
    return label;
  }

  /** Where the asset goes once back. */
  public AssetState assetState() {
    return assetState;
  }
}
