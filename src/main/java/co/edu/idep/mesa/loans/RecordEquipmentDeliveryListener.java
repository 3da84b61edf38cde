package co.edu.idep.mesa.loans;

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
    String text = in.text("assetTags", "Placa(s) de los equipos entregados", true, 500);
    String note = in.text("deliveryNote", "Observación", false, 1000);
    List<String> tags = text == null ? List.of()
        : Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).map(String::toUpperCase).toList();
    Number quantity = (Number) task.getVariable("quantity");
    if (tags.stream().anyMatch(tag -> !tag.matches("[A-Z0-9-]{1,20}"))) {
      in.reject("assetTags", "Cada placa admite hasta 20 letras, números o guiones.");
    } else if (tags.stream().distinct().count() != tags.size()) {
      in.reject("assetTags", "Hay placas repetidas.");
    } else if (text != null && quantity != null && tags.size() != quantity.intValue()) {
      in.reject("assetTags", "Registre una placa por cada equipo prestado: se esperaban "
          + quantity.intValue() + " y se registraron " + tags.size() + ".");
    }
    in.throwIfInvalid();
    task.setVariable("assetTags", String.join(", ", tags));
    loans.delivered(TicketVariables.ticketCode(task), tags, note);
  }
}
