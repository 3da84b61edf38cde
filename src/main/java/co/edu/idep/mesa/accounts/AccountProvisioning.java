package co.edu.idep.mesa.accounts;

import co.edu.idep.mesa.accounts.directory.AccountRequest;
import co.edu.idep.mesa.accounts.directory.Directory;
import co.edu.idep.mesa.accounts.directory.DirectoryAccount;
import co.edu.idep.mesa.ticket.Ticket;
import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.field.Fields;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Step 10 for accounts: the account the ticket's approved request describes, created in the
 * directory. Idempotent: the directory knows which ticket created an entry, so a retried job or the
 * loop of step 13 completes the same account (missing groups, the mailbox), never a second one.
 */
@Service
public class AccountProvisioning {

  private final TicketRepository tickets;
  private final Directory directory;
  private final AccountCreation creation;

  public AccountProvisioning(TicketRepository tickets, Directory directory, AccountCreation creation) {
    this.tickets = tickets;
    this.directory = directory;
    this.creation = creation;
  }

  /**
   * @throws co.edu.idep.mesa.accounts.directory.AccountAlreadyExistsException when the person has an
   *     account this ticket did not create
   * @throws co.edu.idep.mesa.accounts.directory.DirectoryUnavailableException when the directory does
   *     not answer: the job retries
   */
  public DirectoryAccount provision(String code) {
    Ticket ticket = tickets.findByCode(code).orElseThrow(() -> new IllegalStateException("Ticket " + code + " is not in the record"));
    Map<String, Object> data = ticket.details();
    boolean again = data.get(Fields.ACCOUNT_USERNAME.key()) != null;
    AccountRequest request = AccountRequest.of(text(data, Fields.FULL_NAME.key()), text(data, Fields.ID_TYPE.key()),
        text(data, Fields.ID_NUMBER.key()), text(data, Fields.ALTERNATE_EMAIL.key()),
        text(data, Fields.MOBILE_PHONE.key()), list(data.get(Fields.ACCESSES.key())));
    DirectoryAccount account = directory.create(request, code);
    creation.provisioned(code, account, again);
    return account;
  }

  private static String text(Map<String, Object> data, String key) {
    Object value = data.get(key);
    return value == null ? null : value.toString();
  }

  private static Collection<String> list(Object value) {
    if (value instanceof Collection<?> values) return values.stream().map(Object::toString).toList();
    return value == null ? List.of() : List.of(value.toString());
  }
}
