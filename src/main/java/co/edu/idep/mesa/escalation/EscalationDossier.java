package co.edu.idep.mesa.escalation;

import co.edu.idep.mesa.ticket.SpanishDates;
import static co.edu.idep.mesa.ticket.field.Fields.ASSET_TAG;
import static co.edu.idep.mesa.ticket.field.Fields.LOCATION;
import static co.edu.idep.mesa.ticket.field.Fields.MODULE;
import static co.edu.idep.mesa.ticket.field.Fields.WEB_ADDRESS;

import co.edu.idep.mesa.escalation.provider.Provider;
import co.edu.idep.mesa.servicelevel.WorkingTime;
import co.edu.idep.mesa.ticket.Ticket;
import java.util.HashMap;
import java.util.Map;
import co.edu.idep.mesa.security.PersonNames;
import org.springframework.stereotype.Component;

/**
 * What a provider receives about a case: the ticket's code, topic, description, where and which
 * asset, the requester's contact and the agent's diagnosis. Nothing else of the ticket's personal data.
 */
@Component
public class EscalationDossier {

  private final PersonNames names;
  private final WorkingTime workingTime;

  public EscalationDossier(PersonNames names, WorkingTime workingTime) {
    this.names = names;
    this.workingTime = workingTime;
  }

  /** The mail templates' model ({@code ticket-escalado}, {@code caso-proveedor-recordatorio}). */
  public Map<String, Object> model(Ticket ticket, Provider provider, EscalationRecord escalation, String diagnosis) {
    Map<String, Object> model = new HashMap<>();
    model.put("code", ticket.code());
    model.put("subject", ticket.subject());
    model.put("topic", ticket.topic().label());
    model.put("description", ticket.description());
    model.put("location", ticket.details().get(LOCATION.key()));
    model.put("assetTag", ticket.details().get(ASSET_TAG.key()));
    model.put("module", ticket.details().get(MODULE.key()));
    model.put("webAddress", ticket.details().get(WEB_ADDRESS.key()));
    model.put("requesterName", requesterName(ticket));
    model.put("requesterEmail", requesterEmail(ticket));
    model.put("diagnosis", diagnosis);
    model.put("provider", provider == null ? escalation.providerName() : provider.name());
    model.put("contract", escalation.contractNumber());
    model.put("reference", escalation.externalReference());
    model.put("due", SpanishDates.DATE_TIME.format(escalation.responseDueAt().atZone(workingTime.zone())));
    return model;
  }

  /** The same as plain text, for a vendor's help desk that takes a message. */
  public String text(Ticket ticket, Provider provider, String diagnosis) {
    StringBuilder text = new StringBuilder("Caso " + ticket.code() + " de la Mesa de Servicios del IDEP")
        .append(provider == null ? "" : " para " + provider.name()).append(".\n\n")
        .append("Tema: ").append(ticket.topic().label()).append('\n')
        .append("Asunto: ").append(ticket.subject()).append('\n');
    line(text, "Módulo", ticket.details().get(MODULE.key()));
    line(text, "Dirección", ticket.details().get(WEB_ADDRESS.key()));
    line(text, "Ubicación", ticket.details().get(LOCATION.key()));
    line(text, "Placa", ticket.details().get(ASSET_TAG.key()));
    text.append("Solicitante: ").append(requesterName(ticket));
    String email = requesterEmail(ticket);
    text.append(email == null ? "" : " <" + email + ">").append("\n\nDescripción:\n").append(ticket.description());
    if (diagnosis != null) text.append("\n\nDiagnóstico de la Mesa de Servicios:\n").append(diagnosis);
    return text.toString();
  }

  public String requesterName(Ticket ticket) {
    return names.of(ticket.requester());
  }

  public String requesterEmail(Ticket ticket) {
    return names.email(ticket.requester());
  }

  private static void line(StringBuilder text, String label, Object value) {
    if (value != null && !value.toString().isBlank()) text.append(label).append(": ").append(value).append('\n');
  }
}
