package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.security.Grant;
import co.edu.idep.mesa.security.ProcessGrants;
import co.edu.idep.mesa.security.Roles;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/** Who may do what with "Mesa de Servicios"; task-level rights come from the engine itself. */
@Component
class TicketGrants implements ProcessGrants {

  @Override
  public List<Grant> grants() {
    List<Grant> grants = new ArrayList<>();
    // Requesters open tickets: start "Mesa de Servicios" and nothing else.
    grants.add(new Grant(Roles.REQUESTERS, Resources.PROCESS_DEFINITION, TicketVariables.PROCESS_KEY,
        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE));
    grants.add(new Grant(Roles.REQUESTERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE));
    // Agents read the process (its name and forms in Tasklist); their tasks come from the engine.
    for (String agent : Roles.AGENTS) {
      grants.add(new Grant(agent, Resources.PROCESS_DEFINITION, TicketVariables.PROCESS_KEY,
          ProcessDefinitionPermissions.READ));
    }
    return grants;
  }
}
