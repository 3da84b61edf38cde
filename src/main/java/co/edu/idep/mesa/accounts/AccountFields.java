package co.edu.idep.mesa.accounts;

import co.edu.idep.mesa.validation.InputReader;
import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.ticket.TopicFields;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The account request of step 4: names, identification, vinculación, contract number for
 * contractors, the two second factors of the institutional mail, and the accesses wanted.
 * Messages never repeat the values: they are personal data (Ley 1581 de 2012).
 */
@Component
public class AccountFields implements TopicFields {

  public static final List<String> ID_TYPES = List.of("CC", "CE", "TI", "PA", "PPT");
  public static final List<String> LINK_TYPES = List.of("FUNCIONARIO", "CONTRATISTA");
  public static final List<String> ACCESSES = List.of("RED", "VPN", "CORREO");
  public static final String INSTITUTIONAL_DOMAIN = "@idep.edu.co";

  private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L} .'-]*");
  private static final Pattern DIGITS = Pattern.compile("\\d{5,10}");
  private static final Pattern DOCUMENT = Pattern.compile("[A-Z0-9]{5,15}");
  private static final Pattern CONTRACT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 /-]*");
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern MOBILE = Pattern.compile("3\\d{9}");

  @Override
  public boolean appliesTo(Topic topic) {
    return topic == Topic.CUENTA_USUARIO;
  }

  @Override
  public void read(Topic topic, InputReader in, Map<String, Object> out) {
    InputReader.put(out, "fullName", in.matching("fullName", "Nombres y apellidos", true, 150, NAME,
        "solo admite letras, espacios, puntos, apóstrofos y guiones."));
    String idType = in.choice("idType", "Tipo de identificación", true, ID_TYPES);
    InputReader.put(out, "idType", idType);
    InputReader.put(out, "idNumber", idNumber(in, idType));
    String linkType = in.choice("linkType", "Tipo de vinculación", true, LINK_TYPES);
    InputReader.put(out, "linkType", linkType);
    if ("CONTRATISTA".equals(linkType)) {
      if (in.isBlank("contractNumber")) {
        in.reject("contractNumber", "El número de contrato es obligatorio para los contratistas.");
      } else {
        InputReader.put(out, "contractNumber", in.matching("contractNumber", "Número de contrato", true, 30,
            CONTRACT, "solo admite letras, números, espacios, «-» y «/»."));
      }
    }
    String email = in.matching("alternateEmail", "Correo electrónico alterno", true, 120, EMAIL,
        "no es una dirección de correo válida.");
    if (email != null && email.toLowerCase().endsWith(INSTITUTIONAL_DOMAIN)) {
      in.reject("alternateEmail",
          "El correo alterno debe ser externo: no puede ser del dominio idep.edu.co.");
      email = null;
    }
    InputReader.put(out, "alternateEmail", email);
    InputReader.put(out, "mobilePhone", mobile(in));
    List<String> accesses = in.codes("accesses", "Accesos solicitados", true, ACCESSES);
    if (!accesses.isEmpty()) out.put("accesses", accesses);
  }

  private static String idNumber(InputReader in, String idType) {
    String value = in.text("idNumber", "Número de identificación", true, 20);
    if (value == null || idType == null) return null;
    String normalized = value.replace(".", "").replace(" ", "").toUpperCase();
    boolean numeric = List.of("CC", "CE", "TI").contains(idType);
    if (numeric ? !DIGITS.matcher(normalized).matches() : !DOCUMENT.matcher(normalized).matches()) {
      in.reject("idNumber", numeric
          ? "El número de identificación debe tener entre 5 y 10 dígitos, sin letras."
          : "El número de identificación debe tener entre 5 y 15 letras o dígitos.");
      return null;
    }
    return normalized;
  }

  private static String mobile(InputReader in) {
    String value = in.text("mobilePhone", "Celular", true, 20);
    if (value == null) return null;
    String digits = value.replaceAll("[\\s()-]", "");
    if (digits.startsWith("+57")) digits = digits.substring(3);
    if (!MOBILE.matcher(digits).matches()) {
      in.reject("mobilePhone",
          "El celular debe ser un número móvil colombiano de 10 dígitos que empiece por 3.");
      return null;
    }
    return digits;
  }
}
