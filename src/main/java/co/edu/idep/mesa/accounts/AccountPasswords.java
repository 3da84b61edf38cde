package co.edu.idep.mesa.accounts;

import co.edu.idep.mesa.accounts.directory.Directory;
import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.Ticket;
import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.field.Fields;
import co.edu.idep.mesa.validation.InvalidInputException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * PO-GT-12-01: the temporary password is revealed once, at the hand-over, to whoever may hand the
 * credentials over. It is set in the directory and returned to him, and nowhere else: not in a
 * variable, history, the timeline (which notes only that one was set, and for whom), a log or a mail.
 * Revealing again sets another one.
 */
@Service
public class AccountPasswords {

  /** The user task of the hand-over (mesa-de-servicios.bpmn). */
  static final String HAND_OVER_TASK = "Task_HandOverCredentials";

  public record Revealed(String loginName, String password) {}

  private final TaskService tasks;
  private final TicketRepository tickets;
  private final Directory directory;
  private final AccountCreation creation;

  public AccountPasswords(TaskService tasks, TicketRepository tickets, Directory directory, AccountCreation creation) {
    this.tasks = tasks;
    this.tickets = tickets;
    this.directory = directory;
    this.creation = creation;
  }

  /**
   * A new temporary password for the ticket's account, for {@code user}.
   *
   * @throws InvalidInputException when the ticket waits for no hand-over that {@code user} may do
   */
  public Revealed reveal(String code, String user) {
    Optional<Task> handOver = Optional.ofNullable(tasks.createTaskQuery().processInstanceBusinessKey(code)
        .taskDefinitionKey(HAND_OVER_TASK).or().taskAssignee(user).taskCandidateUser(user).endOr().singleResult());
    Optional<String> loginName = tickets.findByCode(code).map(Ticket::details)
        .map(details -> (String) details.get(Fields.ACCOUNT_USERNAME.key()));
    if (handOver.isEmpty() || loginName.isEmpty()) {
      throw new InvalidInputException("ticket",
          "El ticket no tiene una entrega de credenciales pendiente que usted pueda atender.");
    }
    String password = directory.resetPassword(loginName.get());
    creation.passwordRevealed(code, loginName.get(), user);
    return new Revealed(loginName.get(), password);
  }

  /** Whether a temporary password was set for the ticket since {@code since} (the hand-over task began). */
  public boolean revealedDuring(String code, Date since) {
    Instant from = since == null ? Instant.EPOCH : since.toInstant();
    return tickets.notes(code).stream().anyMatch(note -> note.kind() == NoteKind.CONTRASENA_TEMPORAL
        && !note.createdAt().toInstant().isBefore(from.minusSeconds(1)));
  }
}
