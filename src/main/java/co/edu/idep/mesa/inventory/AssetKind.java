package co.edu.idep.mesa.inventory;

import co.edu.idep.mesa.ticket.Topic;
import java.util.Optional;

/** What kind of equipment an asset is: each loan topic lends one kind. */
public enum AssetKind {
  COMPUTO("Cómputo"),
  COMUNICACIONES("Comunicaciones");

  private final String label;

  AssetKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The kind written as its code or its label, in any case, with or without accents
   * ("COMPUTO", "Cómputo", "computo"): what people type in a spreadsheet.
   */
  public static Optional<AssetKind> fromText(String text) {
    return Codes.find(values(), text, AssetKind::label);
  }

  /** The kind a loan topic lends. */
  public static AssetKind lentBy(Topic topic) {
    return switch (topic) {
      case PRESTAMO_COMPUTO -> COMPUTO;
      case PRESTAMO_COMUNICACIONES -> COMUNICACIONES;
      default -> throw new IllegalArgumentException("No es un tema de préstamo: " + topic);
    };
  }
}
