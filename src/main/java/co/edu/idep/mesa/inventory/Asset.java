package co.edu.idep.mesa.inventory;

import java.time.Instant;

/** A piece of lendable equipment, known by the asset tag ("placa") stuck on it. */
public record Asset(String tag, AssetKind kind, String description, String brandModel, String serialNumber,
    String location, AssetState state, Instant updatedAt) {

  /** How a tag is written: up to 20 capital letters, digits or hyphens. */
  public static final String TAG_PATTERN = "[A-Z0-9-]{1,20}";

  /** A tag as people type it (spaces, lower case) in its stored form. */
  public static String normalTag(String typed) {
    return typed == null ? null : typed.strip().toUpperCase(java.util.Locale.ROOT);
  }
}
