package co.edu.idep.mesa.inventory;

import java.util.Optional;

/**
 * Where an asset stands. Only the loan process moves an asset into and out of PRESTADO; people
 * move it between the others.
 */
public enum AssetState {
  DISPONIBLE("Disponible"),
  PRESTADO("Prestado"),
  EN_MANTENIMIENTO("En mantenimiento"),
  DADO_DE_BAJA("Dado de baja");

  private final String label;

  AssetState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The state written as its code or its label, in any case, with or without accents
   * ("EN_MANTENIMIENTO", "En mantenimiento", "en mantenimiento").
   */
  public static Optional<AssetState> fromText(String text) {
    return Codes.find(values(), text, AssetState::label);
  }
}
