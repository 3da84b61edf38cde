package co.edu.idep.mesa.inventory;

import co.edu.idep.mesa.validation.InputReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What people may do to an asset. Only the loan process lends and returns equipment, so nobody
 * sets PRESTADO by hand, and an asset on loan keeps its state and its kind (the loan lent that
 * kind) until it comes back; its description, brand, serial and location may still be corrected.
 */
final class AssetChanges {

  private AssetChanges() {}

  /** A new asset from {@code input}, or null with the reasons rejected on {@code in}. */
  static Asset create(AssetInput input, Instant now, InputReader in) {
    AssetState state = input.state() == null ? AssetState.DISPONIBLE : input.state();
    if (state == AssetState.PRESTADO) {
      in.reject(AssetInput.STATE, "Un equipo queda prestado solo al entregarse en un préstamo: regístrelo como"
          + " Disponible, En mantenimiento o Dado de baja.");
      return null;
    }
    return new Asset(input.tag(), input.kind(), input.description(), input.brandModel(), input.serialNumber(),
        input.location(), state, now);
  }

  /**
   * {@code current} as {@code input} leaves it; {@code current} itself when nothing differs (so
   * its update time stays), or null with the reasons rejected on {@code in}.
   */
  static Asset change(Asset current, AssetInput input, Instant now, InputReader in) {
    return change(current, input, now, in, false);
  }

  /** The same; {@code reserved}: a loan has it reserved, so it keeps its kind and is not taken out of service. */
  static Asset change(Asset current, AssetInput input, Instant now, InputReader in, boolean reserved) {
    AssetKind kind = input.kind() == null ? current.kind() : input.kind();
    AssetState state = input.state() == null ? current.state() : input.state();
    boolean refused = false;
    if (current.state() == AssetState.PRESTADO) {
      if (state != AssetState.PRESTADO) {
        in.reject(AssetInput.STATE, "La placa " + current.tag()
            + " está prestada: su estado lo cambia la devolución del préstamo.");
        refused = true;
      }
      if (kind != current.kind()) {
        in.reject(AssetInput.KIND, "La placa " + current.tag()
            + " está prestada: su tipo no se cambia hasta la devolución del préstamo.");
        refused = true;
      }
    } else if (reserved && (kind != current.kind()
        || state == AssetState.EN_MANTENIMIENTO || state == AssetState.DADO_DE_BAJA)) {
      in.reject(kind != current.kind() ? AssetInput.KIND : AssetInput.STATE, "La placa " + current.tag()
          + " está reservada para un préstamo: quítela en «Alistar los equipos» antes de cambiar su "
          + (kind != current.kind() ? "tipo." : "estado."));
      refused = true;
    } else if (state == AssetState.PRESTADO) {
      in.reject(AssetInput.STATE, "La placa " + current.tag() + " no está prestada: un equipo queda prestado solo"
          + " al entregarse en un préstamo.");
      refused = true;
    }
    if (refused) return null;
    Asset changed = new Asset(current.tag(), kind, input.description(), input.brandModel(), input.serialNumber(),
        input.location(), state, now);
    return sameContent(current, changed) ? current : changed;
  }

  static boolean sameContent(Asset a, Asset b) {
    return a.tag().equals(b.tag()) && differences(a, b).isEmpty();
  }

  /** The fields (JSON keys) in which two versions of an asset differ, for the log. */
  static List<String> differences(Asset a, Asset b) {
    List<String> fields = new ArrayList<>();
    if (a.kind() != b.kind()) fields.add(AssetInput.KIND);
    if (!Objects.equals(a.description(), b.description())) fields.add(AssetInput.DESCRIPTION);
    if (!Objects.equals(a.brandModel(), b.brandModel())) fields.add(AssetInput.BRAND_MODEL);
    if (!Objects.equals(a.serialNumber(), b.serialNumber())) fields.add(AssetInput.SERIAL_NUMBER);
    if (!Objects.equals(a.location(), b.location())) fields.add(AssetInput.LOCATION);
    if (a.state() != b.state()) fields.add(AssetInput.STATE);
    return fields;
  }
}
