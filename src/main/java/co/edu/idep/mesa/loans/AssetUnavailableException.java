package co.edu.idep.mesa.loans;

/** An asset chosen for a loan cannot be reserved any more; the message is Spanish and names its tag. */
public class AssetUnavailableException extends RuntimeException {

  private final String tag;

  public AssetUnavailableException(String tag, String message) {
    super(message);
    this.tag = tag;
  }

  public String tag() {
    return tag;
  }
}
