package co.edu.idep.mesa.loans;

import static co.edu.idep.mesa.ticket.field.Fields.ASSET_TAGS;
import static co.edu.idep.mesa.ticket.field.Fields.DELIVERY_NOTE;
import static co.edu.idep.mesa.ticket.field.Fields.QUANTITY;

import co.edu.idep.mesa.validation.InputReader;
import co.edu.idep.mesa.ticket.TicketVariables;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of "Entregar los equipos y registrar las placas": one asset tag per unit lent. */
@Component
public class RecordEquipmentDeliveryListener implements TaskListener {

  private final EquipmentLoan loans;

  public RecordEquipmentDeliveryListener(EquipmentLoan loans) {
    this.loans = loans;
  }

  @Override
  public void notify(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    String text = ASSET_TAGS.text(in);
    String note = DELIVERY_NOTE.text(in);
    List<String> tags = text == null ? List.of()
        : Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).map(String::toUpperCase).toList();
    Number quantity = (Number) task.getVariable(QUANTITY.key());
    if (tags.stream().anyMatch(tag -> !tag.matches("[A-Z0-9-]{1,20}"))) {
      in.reject(ASSET_TAGS.key(), "Cada placa admite hasta 20 letras, números o guiones.");
    } else if (tags.stream().distinct().count() != tags.size()) {
      in.reject(ASSET_TAGS.key(), "Hay placas repetidas.");
    } else if (text != null && quantity != null && tags.size() != quantity.intValue()) {
      in.reject(ASSET_TAGS.key(), "Registre una placa por cada equipo prestado: se esperaban "
          + quantity.intValue() + " y se registraron " + tags.size() + ".");
    }
    in.throwIfInvalid();
    task.setVariable(ASSET_TAGS.key(), String.join(", ", tags));
    loans.delivered(TicketVariables.ticketCode(task), tags, note);
  }
}
