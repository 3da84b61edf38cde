package co.edu.idep.mesa.accounts;

import static co.edu.idep.mesa.ticket.field.Fields.ALTERNATE_EMAIL;
import static co.edu.idep.mesa.ticket.field.Fields.CONTRACT_NUMBER;
import static co.edu.idep.mesa.ticket.field.Fields.ID_NUMBER;
import static co.edu.idep.mesa.ticket.field.Fields.ID_TYPE;
import static co.edu.idep.mesa.ticket.field.Fields.LINK_TYPE;
import static co.edu.idep.mesa.ticket.field.Fields.MOBILE_PHONE;

import co.edu.idep.mesa.ticket.field.Field;
import co.edu.idep.mesa.ticket.field.FieldCatalogue;
import co.edu.idep.mesa.ticket.field.IdentificationNumber;
import co.edu.idep.mesa.ticket.field.Fields;
import co.edu.idep.mesa.validation.InputReader;
import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.ticket.TopicFields;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The account request of step 4: names, identification, vinculación, contract number for
 * contractors, the two second factors of the institutional mail, and the accesses wanted. Labels,
 * limits and formats are the field catalogue's; the rules that depend on another field are here.
 * Messages never repeat the values: they are personal data (Ley 1581 de 2012).
 */
@Component
public class AccountFields implements TopicFields {

  public static final List<String> ID_TYPES = ID_TYPE.codes();
  public static final List<String> LINK_TYPES = LINK_TYPE.codes();
  public static final List<String> ACCESSES = Fields.ACCESSES.codes();
  /** The access that gives an institutional mailbox, whose address the technician records. */
  public static final String MAIL_ACCESS = "CORREO";
  public static final String INSTITUTIONAL_DOMAIN = "@idep.edu.co";
  static final String CONTRACTOR = "CONTRATISTA";

  /** The fields whose rules go beyond the catalogue's; the topic's others are read as it says. */
  private static final Set<Field> CHECKED_HERE = Set.of(ID_NUMBER, CONTRACT_NUMBER, ALTERNATE_EMAIL, MOBILE_PHONE);

  @Override
  public boolean appliesTo(Topic topic) {
    return topic == Topic.CUENTA_USUARIO;
  }

  @Override
  public void read(Topic topic, InputReader in, Map<String, Object> out) {
    List<Field> fields = FieldCatalogue.topicFields(Topic.CUENTA_USUARIO);
    Map<String, Object> read = new HashMap<>();
    for (Field field : fields) {
      if (!CHECKED_HERE.contains(field)) InputReader.put(read, field.key(), field.read(in));
    }
    InputReader.put(read, ID_NUMBER.key(), IdentificationNumber.read(in, (String) read.get(ID_TYPE.key())));
    if (CONTRACTOR.equals(read.get(LINK_TYPE.key()))) {
      if (in.isBlank(CONTRACT_NUMBER.key())) {
        in.reject(CONTRACT_NUMBER.key(), "El número de contrato es obligatorio para los contratistas.");
      } else {
        InputReader.put(read, CONTRACT_NUMBER.key(), CONTRACT_NUMBER.text(in));
      }
    }
    InputReader.put(read, ALTERNATE_EMAIL.key(), alternateEmail(in));
    InputReader.put(read, MOBILE_PHONE.key(), mobile(in));
    // In the catalogue's order, as the form shows them.
    fields.forEach(field -> InputReader.put(out, field.key(), read.get(field.key())));
  }

  /** The second factor of the institutional mail cannot be an institutional address. */
  private static String alternateEmail(InputReader in) {
    if (in.raw(ALTERNATE_EMAIL.key()) instanceof String s
        && s.strip().toLowerCase(Locale.ROOT).endsWith(INSTITUTIONAL_DOMAIN)) {
      in.reject(ALTERNATE_EMAIL.key(),
          "El correo alterno debe ser externo: no puede ser del dominio idep.edu.co.");
      return null;
    }
    return ALTERNATE_EMAIL.text(in);
  }

  /** Stored as its ten digits; the format lets people write it with spaces, dashes, parentheses, +57. */
  private static String mobile(InputReader in) {
    String value = MOBILE_PHONE.text(in);
    if (value == null) return null;
    String digits = value.replaceAll("[ ()-]", "");
    return digits.startsWith("+57") ? digits.substring(3) : digits;
  }
}
