package co.edu.idep.mesa.loans;

import static co.edu.idep.mesa.ticket.field.Fields.CHOSEN_ASSETS;
import static co.edu.idep.mesa.ticket.field.Fields.PREPARATION_NOTE;
import static co.edu.idep.mesa.ticket.field.Fields.QUANTITY;

import co.edu.idep.mesa.inventory.Asset;
import co.edu.idep.mesa.inventory.AssetKind;
import co.edu.idep.mesa.inventory.AssetRepository;
import co.edu.idep.mesa.ticket.TicketVariables;
import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.validation.InputReader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Completion of "Alistar los equipos para el préstamo" (step 5): the loan data is checked again (a
 * ticket whose topic was changed arrives without it), and the assets chosen must be among those the
 * task offered, as many as the quantity. The reservation that follows checks them again under lock.
 */
@Component
public class RecordEquipmentPreparationListener implements TaskListener {

  private final LoanFields loanFields;
  private final EquipmentLoan loans;
  private final AssetRepository assets;

  public RecordEquipmentPreparationListener(LoanFields loanFields, EquipmentLoan loans, AssetRepository assets) {
    this.loanFields = loanFields;
    this.loans = loans;
    this.assets = assets;
  }

  @Override
  public void notify(DelegateTask task) {
    InputReader in = new InputReader(task.getVariables());
    Map<String, Object> loan = new LinkedHashMap<>();
    loanFields.read(in, loan, false);
    List<String> chosen = CHOSEN_ASSETS.chosen(in).stream().map(Asset::normalTag).toList();
    AssetKind kind = Topic.fromCode(TicketVariables.TOPIC.get(task)).filter(Topic::isLoan).map(AssetKind::lentBy)
        .orElse(null);
    checkChosen(in, chosen, offered(task), kind, (Number) loan.get(QUANTITY.key()));
    String note = PREPARATION_NOTE.text(in);
    in.throwIfInvalid();
    task.setVariables(loan);
    task.setVariable(CHOSEN_ASSETS.key(), TicketVariables.processValue(chosen));
    loans.prepared(TicketVariables.ticketCode(task), loan, chosen, note);
  }

  private void checkChosen(InputReader in, List<String> chosen, Set<String> offered, AssetKind kind, Number quantity) {
    String key = CHOSEN_ASSETS.key();
    Set<String> seen = new HashSet<>();
    for (String tag : chosen) {
      if (!seen.add(tag)) {
        in.reject(key, "La placa " + tag + " está repetida.");
        return;
      }
      if (offered.contains(tag)) continue;
      Optional<Asset> asset = assets.find(tag);
      in.reject(key, asset.isEmpty() ? "La placa " + tag + " no está en el inventario."
          : kind != null && asset.get().kind() != kind ? "La placa " + tag + " es un equipo de "
              + asset.get().kind().label().toLowerCase() + ", no de " + kind.label().toLowerCase() + "."
          : "La placa " + tag + " no está disponible para las fechas del préstamo.");
      return;
    }
    if (!chosen.isEmpty() && quantity != null && chosen.size() != quantity.intValue()) {
      in.reject(key, "Elija tantos equipos como la cantidad solicitada: se pidieron " + quantity.intValue()
          + " y eligió " + chosen.size() + ".");
    }
  }

  /** The tags the task offered ({@link OfferAssetsListener}). */
  private static Set<String> offered(DelegateTask task) {
    Set<String> tags = new HashSet<>();
    if (task.getVariable(CHOSEN_ASSETS.optionsKey()) instanceof SpinJsonNode options && options.isArray()) {
      options.elements().forEach(o -> tags.add(o.prop("value").stringValue()));
    }
    return tags;
  }
}
