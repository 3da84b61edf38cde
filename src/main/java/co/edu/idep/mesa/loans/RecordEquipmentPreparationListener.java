package co.edu.idep.mesa.loans;

import static co.edu.idep.mesa.ticket.field.Fields.EXIT_FORM_FILLED;
import static co.edu.idep.mesa.ticket.field.Fields.LEAVES_INSTITUTE;
import static co.edu.idep.mesa.ticket.field.Fields.PREPARATION_NOTE;

import co.edu.idep.mesa.validation.InputReader;
import co.edu.idep.mesa.ticket.TicketVariables;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of "Alistar los equipos para el préstamo" (step 5): the loan data is checked again
 * (a ticket whose topic was changed arrives without it); equipment that leaves the institute needs
 * the "Formato para salida de equipos".
 */
@Component
public class RecordEquipmentPreparationListener implements TaskListener {

  private final LoanFields loanFields;
  private final EquipmentLoan loans;

  public RecordEquipmentPreparationListener(LoanFields loanFields, EquipmentLoan loans) {
    this.loanFields = loanFields;
    this.loans = loans;
  }

  @Override
  public void notify(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    Map<String, Object> loan = new LinkedHashMap<>();
    loanFields.read(in, loan, false);
    boolean leaves = Boolean.TRUE.equals(loan.get(LEAVES_INSTITUTE.key()));
    boolean exitForm = leaves
        && Boolean.TRUE.equals(EXIT_FORM_FILLED.bool(in));
    if (leaves && !exitForm) {
      in.reject(EXIT_FORM_FILLED.key(),
          "El equipo sale del Instituto: diligencie el Formato para salida de equipos.");
    }
    String note = PREPARATION_NOTE.text(in);
    in.throwIfInvalid();
    task.setVariables(loan);
    loans.prepared(TicketVariables.ticketCode(task), loan, exitForm, note);
  }
}
