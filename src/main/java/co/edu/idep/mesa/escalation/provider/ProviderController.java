package co.edu.idep.mesa.escalation.provider;

import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.web.ApiError;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The outside providers and their support contracts, for help-desk staff, the Jefe OAP and
 * administrators (SecurityConfiguration): list, one, add, update, and each provider's contracts.
 * Every provider comes with its contracts and the one in force today, the Institute's day (Bogotá).
 */
@RestController
@RequestMapping("/api/providers")
public class ProviderController {

  record ContractView(String number, LocalDate startsOn, LocalDate endsOn, int responseHours, int resolutionHours,
      boolean inForce) {}

  record ProviderView(String code, String name, String kind, String kindLabel, String contactEmail, String services,
      List<String> topics, List<String> topicLabels, String channel, String channelLabel, boolean active,
      OffsetDateTime updatedAt, List<ContractView> contracts, ContractView contractInForce) {}

  private final Providers providers;
  private final Clock clock;
  private final ZoneId zone;

  public ProviderController(Providers providers, Clock clock, @Value("${mesa.zone-id}") String zone) {
    this.providers = providers;
    this.zone = ZoneId.of(zone);
    this.clock = clock.withZone(this.zone);
  }

  /** Every provider in code order, each with its contracts (oldest first) and the one in force today. */
  @GetMapping
  public List<ProviderView> list() {
    LocalDate today = LocalDate.now(clock);
    Map<Long, List<SupportContract>> contracts = providers.allContracts().stream()
        .collect(Collectors.groupingBy(SupportContract::providerId));
    return providers.all().stream().map(p -> view(p, contracts.getOrDefault(p.id(), List.of()), today)).toList();
  }

  @GetMapping("/{code}")
  public ResponseEntity<?> one(@PathVariable String code) {
    return providers.findByCode(code).<ResponseEntity<?>>map(p -> ResponseEntity.ok(view(p)))
        .orElseGet(ProviderController::noProvider);
  }

  /**
   * {@code {"code", "name", "kind", "contactEmail", "services", "topics", "channel", "active"}} → 201;
   * active unless {@code "active": false}.
   */
  @PostMapping
  public ResponseEntity<ProviderView> add(@RequestBody Map<String, Object> body, Authentication user) {
    Provider provider = providers.add(body, user.getName());
    return ResponseEntity.created(URI.create("/api/providers/" + provider.code())).body(view(provider));
  }

  /** The same fields as {@link #add}, the code in the path: services as sent, active kept when absent. */
  @PutMapping("/{code}")
  public ResponseEntity<?> update(@PathVariable String code, @RequestBody Map<String, Object> body,
      Authentication user) {
    return providers.update(code, body, user.getName()).<ResponseEntity<?>>map(p -> ResponseEntity.ok(view(p)))
        .orElseGet(ProviderController::noProvider);
  }

  @GetMapping("/{code}/contracts/{number}")
  public ResponseEntity<?> contract(@PathVariable String code, @PathVariable String number) {
    return providers.findByCode(code).flatMap(p -> providers.contract(p, number))
        .<ResponseEntity<?>>map(c -> ResponseEntity.ok(view(c, LocalDate.now(clock))))
        .orElseGet(ProviderController::noContract);
  }

  /** {@code {"number", "startsOn", "endsOn", "responseHours", "resolutionHours"}} → 201. */
  @PostMapping("/{code}/contracts")
  public ResponseEntity<?> addContract(@PathVariable String code, @RequestBody Map<String, Object> body,
      Authentication user) {
    return providers.addContract(code, body, user.getName()).<ResponseEntity<?>>map(c -> ResponseEntity
            .created(URI.create("/api/providers/" + Provider.normalCode(code) + "/contracts/" + c.number()))
            .body(view(c, LocalDate.now(clock))))
        .orElseGet(ProviderController::noProvider);
  }

  /** The dates and hours, all required; the number in the path (the body's, if any, must agree). */
  @PutMapping("/{code}/contracts/{number}")
  public ResponseEntity<?> updateContract(@PathVariable String code, @PathVariable String number,
      @RequestBody Map<String, Object> body, Authentication user) {
    return providers.updateContract(code, number, body, user.getName())
        .<ResponseEntity<?>>map(c -> ResponseEntity.ok(view(c, LocalDate.now(clock))))
        .orElseGet(ProviderController::noContract);
  }

  private static ResponseEntity<?> noProvider() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("No existe un proveedor con ese código."));
  }

  private static ResponseEntity<?> noContract() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ApiError.of("No existe un contrato con ese número para ese proveedor."));
  }

  private ProviderView view(Provider p) {
    return view(p, providers.contracts(p.id()), LocalDate.now(clock));
  }

  private ProviderView view(Provider p, List<SupportContract> contracts, LocalDate today) {
    return new ProviderView(p.code(), p.name(), p.kind().name(), p.kind().label(), p.contactEmail(), p.services(),
        p.topics().stream().map(Topic::name).toList(), p.topics().stream().map(Topic::label).toList(),
        p.channel().name(), p.channel().label(), p.active(), p.updatedAt().atZone(zone).toOffsetDateTime(),
        contracts.stream().map(c -> view(c, today)).toList(),
        SupportContract.inForce(contracts, today).map(c -> view(c, today)).orElse(null));
  }

  private static ContractView view(SupportContract c, LocalDate today) {
    return new ContractView(c.number(), c.startsOn(), c.endsOn(), c.responseHours(), c.resolutionHours(),
        c.inForceOn(today));
  }
}
