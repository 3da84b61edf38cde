package co.edu.idep.mesa.escalation.provider;

import co.edu.idep.mesa.validation.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo providers for the embedded default profile only ({@code mesa.providers.seed}, off in
 * postgres, prod and test): the maintenance contractor, Humano's vendor and the web vendor, with
 * their contracts — the web vendor's old one expired and its new one in force — added through the
 * same rules as {@code /api/providers}, all or nothing, when there is no provider yet, so that every
 * escalation path can be tried right away. The addresses are example.com: nothing reaches a real
 * provider from a demo.
 */
@Component
@ConditionalOnProperty(name = "mesa.providers.seed", havingValue = "true")
public class ProviderSeed implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ProviderSeed.class);

  /** Recorded as the author of the seeded providers in the log. */
  static final String AUTHOR = "proveedores-demo";

  /** A demo provider and its contracts, as JSON bodies of /api/providers. */
  record Demo(Map<String, Object> provider, List<Map<String, Object>> contracts) {}

  static final List<Demo> DEMO = List.of(
      new Demo(provider("MANTENIMIENTO", "Contratista de mantenimiento de infraestructura", "MANTENIMIENTO",
          "soporte@mantenimiento.example.com", "Computadores, impresoras, red física", "SOPORTE_TECNICO", "EMAIL"),
          List.of(contract("CPS-101-2026", "2026-01-15", "2027-01-14", 8, 40))),
      new Demo(provider("HUMANO", "Soporte Lógico — Humano", "SOFTWARE", "mesadeayuda@humano.example.com",
          "Humano (nómina y talento humano)", "SOPORTE_HUMANO", "OSTICKET"),
          List.of(contract("CPS-118-2026", "2026-03-01", "2027-02-28", 4, 24))),
      // One contract expired and one in force: the web path's "¿Hay contrato de soporte vigente?" both ways.
      new Demo(provider("WEB", "Proveedor del portal web", "WEB", "soporte@web.example.com",
          "Portal web institucional", "SOPORTE_WEB", "EMAIL"),
          List.of(contract("CPS-077-2025", "2025-02-01", "2025-12-31", 8, 40),
              contract("CPS-140-2026", "2026-02-01", "2027-01-31", 8, 40))));

  private final ProviderRepository repository;
  private final Providers providers;
  private final TransactionTemplate transaction;

  public ProviderSeed(ProviderRepository repository, Providers providers, PlatformTransactionManager transactions) {
    this.repository = repository;
    this.providers = providers;
    this.transaction = new TransactionTemplate(transactions);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (repository.count() > 0) return;
    try {
      transaction.executeWithoutResult(status -> {
        for (Demo demo : DEMO) {
          Provider provider = providers.add(demo.provider(), AUTHOR);
          demo.contracts().forEach(c -> providers.addContract(provider.code(), c, AUTHOR));
        }
      });
      log.info("No providers yet: {} demo providers added", DEMO.size());
    } catch (InvalidInputException e) {
      // Another node seeded them first, or the list was edited wrongly: the application works without them.
      log.warn("Demo providers not added: {}", e.violations());
    }
  }

  private static Map<String, Object> provider(String code, String name, String kind, String email, String services,
      String topics, String channel) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(ProviderInput.CODE, code);
    body.put(ProviderInput.NAME, name);
    body.put(ProviderInput.KIND, kind);
    body.put(ProviderInput.CONTACT_EMAIL, email);
    body.put(ProviderInput.SERVICES, services);
    body.put(ProviderInput.TOPICS, topics);
    body.put(ProviderInput.CHANNEL, channel);
    return body;
  }

  private static Map<String, Object> contract(String number, String startsOn, String endsOn, int responseHours,
      int resolutionHours) {
    return Map.of(ContractInput.NUMBER, number, ContractInput.STARTS_ON, startsOn, ContractInput.ENDS_ON, endsOn,
        ContractInput.RESPONSE_HOURS, responseHours, ContractInput.RESOLUTION_HOURS, resolutionHours);
  }
}
