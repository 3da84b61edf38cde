package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.validation.InputReader;
import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.ticket.TopicFields;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/** An equipment loan (step 5): what, how many, from when to when, where, and whether it leaves. */
@Component
public class LoanFields implements TopicFields {

  private final Clock clock;

  public LoanFields(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean appliesTo(Topic topic) {
    return topic.isLoan();
  }

  @Override
  public void read(Topic topic, InputReader in, Map<String, Object> out) {
    read(in, out, true);
  }

  /**
   * {@code newRequest}: a new request may not start in the past; when the technician reviews the
   * loan later, the start date may already have passed.
   */
  public void read(InputReader in, Map<String, Object> out, boolean newRequest) {
    InputReader.put(out, "equipment", in.text("equipment", "Equipo(s) requerido(s)", true, 300));
    InputReader.put(out, "quantity", in.integer("quantity", "Cantidad", true, 1, 20));
    LocalDate start = in.date("loanStart", "Fecha de inicio del préstamo", true);
    LocalDate end = in.date("loanEnd", "Fecha de devolución", true);
    if (newRequest && start != null && start.isBefore(LocalDate.now(clock))) {
      in.reject("loanStart", "La fecha de inicio del préstamo no puede estar en el pasado.");
    } else if (start != null && end != null && end.isBefore(start)) {
      in.reject("loanEnd", "La fecha de devolución no puede ser anterior a la fecha de inicio.");
    } else if (start != null && end != null) {
      out.put("loanStart", start.toString());
      out.put("loanEnd", end.toString());
    }
    InputReader.put(out, "usePlace", in.text("usePlace", "Lugar de uso", true, 200));
    InputReader.put(out, "leavesInstitute",
        in.bool("leavesInstitute", "¿El equipo saldrá de las instalaciones del Instituto?", true));
  }
}
