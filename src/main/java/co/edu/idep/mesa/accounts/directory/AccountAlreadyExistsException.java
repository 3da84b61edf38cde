package co.edu.idep.mesa.accounts.directory;

/**
 * The person already had an account before this ticket asked for one: the ticket goes back to the
 * technician (a BPMN error), who decides whether to correct that account or the request.
 */
public class AccountAlreadyExistsException extends RuntimeException {

  private final String loginName;

  public AccountAlreadyExistsException(String loginName) {
    super("Ya existe una cuenta en el directorio con ese número de identificación (usuario «" + loginName
        + "»), creada antes de este ticket. Revise si la persona ya tiene cuenta: corrija esa cuenta o devuelva "
        + "la solicitud.");
    this.loginName = loginName;
  }

  /** The login name of the account that exists. */
  public String loginName() {
    return loginName;
  }
}
