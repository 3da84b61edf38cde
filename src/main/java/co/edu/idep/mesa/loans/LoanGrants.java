package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.security.Grant;
import co.edu.idep.mesa.security.ProcessGrants;
import co.edu.idep.mesa.security.Roles;
import java.util.List;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Who may see "prestamo-de-equipos": the technicians who lend the equipment read it (its name and
 * return form in Tasklist); its tasks come to them through candidate groups. Nobody starts it by
 * hand: the hand-over does.
 */
@Component
class LoanGrants implements ProcessGrants {

  @Override
  public List<Grant> grants() {
    return List.of(new Grant(Roles.TECHNICIAN, Resources.PROCESS_DEFINITION, LoanProcess.KEY,
        ProcessDefinitionPermissions.READ));
  }
}
