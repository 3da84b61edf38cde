package co.edu.idep.mesa.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The Camunda groups: the roles of PRO-GT-12-10 (candidate groups of the diagram). */
public final class Roles {

  public static final String REQUESTERS = "usuarios";
  public static final String TECHNICIAN = "tecnico-operativo";
  public static final String INFORMATION_SYSTEMS = "sistemas-informacion";
  public static final String GOOBI_ENGINEER = "ingeniero-goobi";
  public static final String WEB_ENGINEER = "ingeniero-web";
  public static final String HEAD_OF_OFFICE = "jefe-oap";
  public static final String ADMIN = "camunda-admin";

  /** The help-desk staff who attend tickets. */
  public static final List<String> AGENTS = List.of(TECHNICIAN, INFORMATION_SYSTEMS, GOOBI_ENGINEER, WEB_ENGINEER);

  /** Group id → the name people see in Tasklist, Cockpit and the ticket notes. */
  public static final Map<String, String> NAMES = new LinkedHashMap<>();

  static {
    NAMES.put(REQUESTERS, "Usuarios (servidores públicos y contratistas)");
    NAMES.put(TECHNICIAN, "Técnico Operativo 314-02 (OAP)");
    NAMES.put(INFORMATION_SYSTEMS, "Contratista OAP de sistemas de información");
    NAMES.put(GOOBI_ENGINEER, "Ingeniero a cargo de Goobi");
    NAMES.put(WEB_ENGINEER, "Contratista OAP de sistemas web");
    NAMES.put(HEAD_OF_OFFICE, "Jefe Oficina Asesora de Planeación");
    NAMES.put(ADMIN, "Administradores de Camunda");
  }

  /** The groups of the person calling: his authorities, as this application's security gives them. */
  public static Set<String> of(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
  }

  private Roles() {}
}
