package co.edu.idep.mesa.escalation;

import co.edu.idep.mesa.ticket.TicketVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Reasignar al ingeniero a cargo de Goobi" (step 11): the ticket goes to the engineer of
 * configuration ({@code mesa.goobi.engineer}, a user id) and his group, he is e-mailed, and the
 * reassignment is noted. The outbox sends the mail after the step commits.
 */
@Component
public class AssignGoobiEngineerDelegate implements JavaDelegate {

  static final String ENGINEER = "goobiEngineer";

  private final GoobiReassignment reassignment;

  public AssignGoobiEngineerDelegate(GoobiReassignment reassignment) {
    this.reassignment = reassignment;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String engineer = reassignment.reassign(TicketVariables.ticketCode(execution), EscalationSteps.key(execution));
    execution.setVariable(ENGINEER, engineer);
  }
}
