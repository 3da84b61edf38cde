package co.edu.idep.mesa.inventory;

import co.edu.idep.mesa.ticket.Topic;

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

  /** The kind a loan topic lends. */
  public static AssetKind lentBy(Topic topic) {
    return switch (topic) {
      case PRESTAMO_COMPUTO -> COMPUTO;
      case PRESTAMO_COMUNICACIONES -> COMUNICACIONES;
      default -> throw new IllegalArgumentException("No es un tema de préstamo: " + topic);
    };
  }
}
