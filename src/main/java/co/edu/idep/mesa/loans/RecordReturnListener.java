package co.edu.idep.mesa.loans;

import static co.edu.idep.mesa.ticket.field.Fields.RETURNED_DAMAGED;
import static co.edu.idep.mesa.ticket.field.Fields.RETURNED_GOOD;
import static co.edu.idep.mesa.ticket.field.Fields.RETURNED_INCOMPLETE;
import static co.edu.idep.mesa.ticket.field.Fields.RETURN_NOTE;

import co.edu.idep.mesa.inventory.Asset;
import co.edu.idep.mesa.ticket.TicketVariables;
import co.edu.idep.mesa.ticket.field.Field;
import co.edu.idep.mesa.validation.InputReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of "Registrar la devolución": each asset back goes in one list by its condition, only
 * assets the loan has out, and a damaged or incomplete one needs the note that maintenance will read.
 */
@Component
public class RecordReturnListener implements TaskListener {

  private static final Map<Field, ReturnCondition> LISTS = new LinkedHashMap<>();

  static {
    LISTS.put(RETURNED_GOOD, ReturnCondition.BUENO);
    LISTS.put(RETURNED_DAMAGED, ReturnCondition.CON_DANO);
    LISTS.put(RETURNED_INCOMPLETE, ReturnCondition.INCOMPLETO);
  }

  private final LoanRepository loans;
  private final LoanReturns returns;

  public RecordReturnListener(LoanRepository loans, LoanReturns returns) {
    this.loans = loans;
    this.returns = returns;
  }

  @Override
  public void notify(DelegateTask task) {
    String code = TicketVariables.ticketCode(task);
    Loan loan = loans.find(code).orElseThrow();
    List<String> out = loan.tags(LoanAssetState.PRESTADO);
    InputReader in = new InputReader(task.getVariables());
    Map<String, ReturnCondition> returned = new LinkedHashMap<>();
    LISTS.forEach((field, condition) -> {
      for (String tag : field.chosen(in).stream().map(Asset::normalTag).toList()) {
        if (!out.contains(tag)) {
          in.reject(field.key(), "La placa " + tag + " no está prestada en este préstamo.");
        } else if (returned.putIfAbsent(tag, condition) != null) {
          in.reject(field.key(), "La placa " + tag + " está marcada en más de una condición.");
        }
      }
    });
    String note = RETURN_NOTE.text(in);
    if (in.violations().isEmpty() && returned.isEmpty()) {
      in.reject(RETURNED_GOOD.key(), "Marque al menos un equipo devuelto.");
    }
    if (note == null && returned.containsValue(ReturnCondition.CON_DANO)
        || note == null && returned.containsValue(ReturnCondition.INCOMPLETO)) {
      in.reject(RETURN_NOTE.key(), "Describa el daño o lo que falta: el equipo pasa a mantenimiento con esta nota.");
    }
    in.throwIfInvalid();
    Loan after = returns.record(loan, returned, note);
    boolean all = after.state() == LoanState.DEVUELTO;
    // Not task-local: they land on the process, which routes on the first and offers the second next time.
    task.setVariable(LoanProcess.ALL_RETURNED, all);
    if (!all) task.setVariables(StartLoanDelegate.outstanding(after));
    // Recorded in the loan; the next return starts from empty lists, not from these.
    LISTS.keySet().forEach(field -> task.removeVariable(field.key()));
    task.removeVariable(RETURN_NOTE.key());
  }
}
