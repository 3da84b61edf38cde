package co.edu.idep.mesa.loans;

import static co.edu.idep.mesa.ticket.field.Fields.ID_NUMBER;
import static co.edu.idep.mesa.ticket.field.Fields.ID_TYPE;
import static co.edu.idep.mesa.ticket.field.Fields.LOAN_END;
import static co.edu.idep.mesa.ticket.field.Fields.LOAN_START;

import co.edu.idep.mesa.ticket.field.Field;
import co.edu.idep.mesa.ticket.field.FieldCatalogue;
import co.edu.idep.mesa.ticket.field.IdentificationNumber;
import co.edu.idep.mesa.validation.InputReader;
import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.ticket.TopicFields;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An equipment loan (step 5): who (his identification goes on the exit form), what, how many, from
 * when to when, where, and whether it leaves.
 * Labels, limits and formats are the field catalogue's; the dates' rules are here.
 */
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
    List<Field> fields = FieldCatalogue.topicFields(Topic.PRESTAMO_COMPUTO);
    Map<String, Object> read = new HashMap<>();
    for (Field field : fields) {
      if (field != LOAN_START && field != LOAN_END && field != ID_NUMBER) {
        InputReader.put(read, field.key(), field.read(in));
      }
    }
    InputReader.put(read, ID_NUMBER.key(), IdentificationNumber.read(in, (String) read.get(ID_TYPE.key())));
    LocalDate start = LOAN_START.date(in);
    LocalDate end = LOAN_END.date(in);
    if (newRequest && start != null && start.isBefore(LocalDate.now(clock))) {
      in.reject(LOAN_START.key(), "La fecha de inicio del préstamo no puede estar en el pasado.");
    } else if (start != null && end != null && end.isBefore(start)) {
      in.reject(LOAN_END.key(), "La fecha de devolución no puede ser anterior a la fecha de inicio.");
    } else if (start != null && end != null) {
      read.put(LOAN_START.key(), start.toString());
      read.put(LOAN_END.key(), end.toString());
    }
    // In the catalogue's order, as the form shows them.
    fields.forEach(field -> InputReader.put(out, field.key(), read.get(field.key())));
  }
}
