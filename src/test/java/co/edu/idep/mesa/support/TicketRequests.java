package co.edu.idep.mesa.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Valid bodies for {@code POST /api/tickets}, one per kind of topic; tests change what they need. */
public final class TicketRequests {

  private TicketRequests() {}

  public static Map<String, Object> support() {
    Map<String, Object> body = new HashMap<>();
    body.put("topic", "SOPORTE_TECNICO");
    body.put("subject", "El computador no enciende");
    body.put("description", "Desde esta mañana el equipo no enciende.");
    body.put("location", "Sede principal, piso 2");
    return body;
  }

  public static Map<String, Object> account() {
    Map<String, Object> body = new HashMap<>();
    body.put("topic", "CUENTA_USUARIO");
    body.put("subject", "Cuenta para nuevo contratista");
    body.put("description", "Ingreso del contratista al equipo de investigación.");
    body.put("fullName", "Julián Andrés Ñungo");
    body.put("idType", "CC");
    body.put("idNumber", "80123456");
    body.put("linkType", "CONTRATISTA");
    body.put("contractNumber", "112-2026");
    body.put("alternateEmail", "julian.nungo@example.com");
    body.put("mobilePhone", "+57 310 555 1234");
    body.put("accesses", List.of("RED", "VPN"));
    return body;
  }

  public static Map<String, Object> loan() {
    Map<String, Object> body = support();
    body.remove("location");
    body.put("topic", "PRESTAMO_COMPUTO");
    body.put("equipment", "Portátil");
    body.put("quantity", 1);
    body.put("loanStart", LocalDate.now().toString());
    body.put("loanEnd", LocalDate.now().plusDays(2).toString());
    body.put("usePlace", "Sala de juntas");
    body.put("leavesInstitute", false);
    body.put("idType", "CC");
    body.put("idNumber", "52123456");
    return body;
  }

  public static Map<String, Object> web() {
    Map<String, Object> body = support();
    body.remove("location");
    body.put("topic", "SOPORTE_WEB");
    body.put("module", "Portal");
    body.put("webAddress", "https://www.idep.edu.co");
    return body;
  }
}
