package co.edu.idep.mesa.escalation.provider;

import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.validation.InputReader;
import co.edu.idep.mesa.validation.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outside providers and their support contracts: what the escalation delegates ask (which
 * provider takes a topic, which contract is in force on the day of escalation) and what help-desk
 * staff change through {@code /api/providers}. The audit trail has no place for these changes, so
 * each one is logged with who made it, as the inventory's are.
 */
@Service
public class Providers {

  private static final Logger log = LoggerFactory.getLogger(Providers.class);

  private final ProviderRepository providers;
  private final SupportContractRepository contracts;
  private final Clock clock;

  public Providers(ProviderRepository providers, SupportContractRepository contracts, Clock clock) {
    this.providers = providers;
    this.contracts = contracts;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ what the escalations ask

  /**
   * The provider that escalations of {@code topic} go to: the active one whose topics include it.
   * Should several active providers take the same topic, the oldest (lowest id) answers, so the
   * choice never changes with the order the database happens to return rows in; staff settle it by
   * deactivating one or taking the topic off it.
   */
  public Optional<Provider> forTopic(Topic topic) {
    // Filtered here, not with LIKE on the column: a provider has a handful of topics, there are a
    // handful of providers, and "_" in the codes is a LIKE wildcard.
    return providers.active().stream().filter(p -> p.takes(topic)).findFirst();
  }

  public Optional<Provider> find(long id) {
    return providers.find(id);
  }

  /** The provider of a code as people type it (any case, spaces around); empty for a code no provider can have. */
  public Optional<Provider> findByCode(String code) {
    String normal = Provider.normalCode(code);
    return normal != null && normal.matches(Provider.CODE_PATTERN) ? providers.findByCode(normal) : Optional.empty();
  }

  /**
   * The provider's contract in force on {@code day} (both its first and last day included); of
   * several, the one that ends last (SupportContract.inForce). Empty when none is: the escalation
   * then has no contract to go under.
   */
  public Optional<SupportContract> contractInForce(long providerId, LocalDate day) {
    return SupportContract.inForce(contracts.ofProvider(providerId), day);
  }

  /** The provider's contracts, oldest first. */
  public List<SupportContract> contracts(long providerId) {
    return contracts.ofProvider(providerId);
  }

  /** Every provider, in code order. */
  public List<Provider> all() {
    return providers.all();
  }

  /** Every contract, by provider id and then oldest first (one query for a whole listing). */
  public List<SupportContract> allContracts() {
    return contracts.all();
  }

  /** A contract of a provider by its number as typed; empty if the provider has none by that number. */
  public Optional<SupportContract> contract(Provider provider, String number) {
    String normal = SupportContract.normalNumber(number);
    if (normal == null || !normal.matches(SupportContract.NUMBER_PATTERN)) return Optional.empty();
    return contracts.findByNumber(normal).filter(c -> c.providerId() == provider.id());
  }

  // ------------------------------------------------------------------ what staff change

  /** A new provider from a JSON body; 400 for a code already taken, checked before the insert. */
  @Transactional
  public Provider add(Map<String, Object> body, String user) {
    InputReader in = new InputReader(body);
    ProviderInput input = ProviderInput.read(in, null);
    if (input.code() != null && providers.findByCode(input.code()).isPresent()) {
      in.reject(ProviderInput.CODE, codeTaken(input.code()));
    }
    in.throwIfInvalid();
    Provider draft = new Provider(0, input.code(), input.name(), input.kind(), input.contactEmail(), input.services(),
        input.topics(), input.channel(), input.active() == null || input.active(), clock.instant());
    long id;
    try {
      id = providers.insert(draft);
    } catch (DuplicateKeyException e) {
      // Someone added the same code between the check and the insert.
      throw new InvalidInputException(ProviderInput.CODE, codeTaken(draft.code()));
    }
    Provider provider = withId(draft, id);
    log.info("Providers: {} added provider {} ({}, {}, topics {}, active {})", user, provider.code(), provider.kind(),
        provider.channel(), provider.topics(), provider.active());
    return provider;
  }

  /**
   * The provider of {@code code} as the JSON body leaves it — every field as in {@link #add}, the
   * services as sent (absent is none), {@code active} kept when absent — or empty if there is none.
   */
  @Transactional
  public Optional<Provider> update(String code, Map<String, Object> body, String user) {
    String normal = Provider.normalCode(code);
    if (normal == null || !normal.matches(Provider.CODE_PATTERN)) return Optional.empty();
    Optional<Provider> locked = providers.lockByCode(normal);
    if (locked.isEmpty()) return Optional.empty();
    Provider current = locked.get();
    InputReader in = new InputReader(body);
    ProviderInput input = ProviderInput.read(in, normal);
    in.throwIfInvalid();
    Provider changed = new Provider(current.id(), current.code(), input.name(), input.kind(), input.contactEmail(),
        input.services(), input.topics(), input.channel(), input.active() == null ? current.active() : input.active(),
        clock.instant());
    if (sameContent(current, changed)) return Optional.of(current); // its update time stays
    providers.update(changed);
    log.info("Providers: {} changed provider {} ({}, {}, topics {}, active {} → {})", user, changed.code(),
        changed.kind(), changed.channel(), changed.topics(), current.active(), changed.active());
    return Optional.of(changed);
  }

  /** A new contract of the provider of {@code code}; empty if there is no such provider. */
  @Transactional
  public Optional<SupportContract> addContract(String code, Map<String, Object> body, String user) {
    Optional<Provider> provider = findByCode(code);
    if (provider.isEmpty()) return Optional.empty();
    InputReader in = new InputReader(body);
    ContractInput input = ContractInput.read(in, null);
    if (input.number() != null && contracts.findByNumber(input.number()).isPresent()) {
      in.reject(ContractInput.NUMBER, numberTaken(input.number()));
    }
    in.throwIfInvalid();
    SupportContract draft = new SupportContract(0, provider.get().id(), input.number(), input.startsOn(),
        input.endsOn(), input.responseHours(), input.resolutionHours());
    long id;
    try {
      id = contracts.insert(draft, clock.instant());
    } catch (DuplicateKeyException e) {
      // Someone registered the same number between the check and the insert.
      throw new InvalidInputException(ContractInput.NUMBER, numberTaken(draft.number()));
    }
    SupportContract contract = new SupportContract(id, draft.providerId(), draft.number(), draft.startsOn(),
        draft.endsOn(), draft.responseHours(), draft.resolutionHours());
    log.info("Providers: {} added contract {} of provider {} ({} to {}, {} h / {} h)", user, contract.number(),
        provider.get().code(), contract.startsOn(), contract.endsOn(), contract.responseHours(),
        contract.resolutionHours());
    return Optional.of(contract);
  }

  /**
   * The contract {@code number} of the provider of {@code code} with the body's dates and hours (all
   * required); empty if the provider has no contract by that number.
   */
  @Transactional
  public Optional<SupportContract> updateContract(String code, String number, Map<String, Object> body, String user) {
    Optional<Provider> provider = findByCode(code);
    Optional<SupportContract> found = provider.flatMap(p -> contract(p, number));
    if (found.isEmpty()) return Optional.empty();
    SupportContract current = found.get();
    InputReader in = new InputReader(body);
    ContractInput input = ContractInput.read(in, current.number());
    in.throwIfInvalid();
    SupportContract changed = new SupportContract(current.id(), current.providerId(), current.number(),
        input.startsOn(), input.endsOn(), input.responseHours(), input.resolutionHours());
    if (changed.equals(current)) return Optional.of(current);
    contracts.update(changed, clock.instant());
    log.info("Providers: {} changed contract {} of provider {} ({} to {}, {} h / {} h)", user, changed.number(),
        provider.get().code(), changed.startsOn(), changed.endsOn(), changed.responseHours(),
        changed.resolutionHours());
    return Optional.of(changed);
  }

  static boolean sameContent(Provider a, Provider b) {
    return a.id() == b.id() && a.code().equals(b.code()) && a.name().equals(b.name()) && a.kind() == b.kind()
        && a.contactEmail().equals(b.contactEmail()) && Objects.equals(a.services(), b.services())
        && a.topics().equals(b.topics()) && a.channel() == b.channel() && a.active() == b.active();
  }

  private static Provider withId(Provider p, long id) {
    return new Provider(id, p.code(), p.name(), p.kind(), p.contactEmail(), p.services(), p.topics(), p.channel(),
        p.active(), p.updatedAt());
  }

  private static String codeTaken(String code) {
    return "Ya existe un proveedor con el código " + code + ".";
  }

  private static String numberTaken(String number) {
    return "Ya existe un contrato con el número " + number + ".";
  }
}
