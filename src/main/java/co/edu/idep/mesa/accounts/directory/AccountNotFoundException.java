package co.edu.idep.mesa.accounts.directory;

/** No account with that login name in the directory (a correction or a hand-over of an unknown user). */
public class AccountNotFoundException extends RuntimeException {

  public AccountNotFoundException() {
    super("No existe en el directorio una cuenta con ese nombre de usuario.");
  }
}
