package co.edu.idep.mesa.report;

import static co.edu.idep.mesa.ticket.field.Fields.CORRECTION_NOTE;

import co.edu.idep.mesa.validation.InputReader;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of "Corregir el informe": what was corrected after the Jefe OAP's observations. The
 * note is stored with the version generated next, so each version says why it exists.
 */
@Component
public class RecordReportCorrectionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    String note = CORRECTION_NOTE.text(in);
    in.throwIfInvalid();
    task.setVariable(CORRECTION_NOTE.key(), note);
  }
}
