package co.edu.idep.mesa.escalation;

/**
 * What became of the case for Humano's vendor: opened through its help desk's API, or to be opened
 * (or found) by hand, and why.
 */
public record VendorCase(EscalationRecord opened, String byHandBecause) {

  static VendorCase opened(EscalationRecord escalation) {
    return new VendorCase(escalation, null);
  }

  static VendorCase byHand(String because) {
    return new VendorCase(null, because);
  }

  public boolean isOpened() {
    return opened != null;
  }
}
