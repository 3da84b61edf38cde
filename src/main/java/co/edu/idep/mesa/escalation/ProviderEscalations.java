package co.edu.idep.mesa.escalation;

import co.edu.idep.mesa.ticket.SpanishDates;
import co.edu.idep.mesa.escalation.osticket.OsTicketClient;
import co.edu.idep.mesa.escalation.osticket.OsTicketException;
import co.edu.idep.mesa.escalation.osticket.OsTicketRequest;
import co.edu.idep.mesa.escalation.provider.Provider;
import co.edu.idep.mesa.escalation.provider.Providers;
import co.edu.idep.mesa.escalation.provider.SupportContract;
import co.edu.idep.mesa.notification.Audience;
import co.edu.idep.mesa.notification.Notifications;
import co.edu.idep.mesa.notification.Notifications.Notice;
import co.edu.idep.mesa.servicelevel.WorkingTime;
import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.Ticket;
import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.TicketState;
import co.edu.idep.mesa.ticket.TicketTimeline;
import co.edu.idep.mesa.ticket.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Step 11 with the providers of the record: the dossier by e-mail (maintenance contractor, web
 * vendor), a ticket on the vendor's osTicket (Humano), the case opened by hand when that API is not
 * configured. Each escalation is a row keyed by the step that made it: a retried job finds it done
 * and sends nothing twice. The answer is due by the contract's response time, in working hours.
 */
@Service
public class ProviderEscalations {

  static final String DOSSIER = "CASO_PROVEEDOR";
  static final String REMINDER = "CASO_PROVEEDOR_RECORDATORIO";
  static final String API_NOT_CONFIGURED = "La conexión con la mesa de ayuda (osTicket) del proveedor de Humano no"
      + " está configurada en esta instalación (mesa.humano.osticket.url), así que el caso no se pudo abrir"
      + " automáticamente. Ábralo usted en la mesa de ayuda del proveedor y registre aquí su número.";

  private final Providers providers;
  private final EscalationRepository records;
  private final TicketRepository tickets;
  private final TicketTimeline timeline;
  private final Notifications notifications;
  private final EscalationDossier dossiers;
  private final OsTicketClient osTicket;
  private final WorkingTime workingTime;
  private final Clock clock;
  private final TransactionTemplate ownTransaction;
  private final int defaultResponseHours;

  public ProviderEscalations(Providers providers, EscalationRepository records, TicketRepository tickets,
      TicketTimeline timeline, Notifications notifications, EscalationDossier dossiers, OsTicketClient osTicket,
      WorkingTime workingTime, Clock clock, PlatformTransactionManager transactions,
      @Value("${mesa.escalation.default-response-hours:16}") int defaultResponseHours) {
    this.providers = providers;
    this.records = records;
    this.tickets = tickets;
    this.timeline = timeline;
    this.notifications = notifications;
    this.dossiers = dossiers;
    this.osTicket = osTicket;
    this.workingTime = workingTime;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.defaultResponseHours = defaultResponseHours;
  }

  /** Whether the provider of the ticket's topic has a contract in force today. */
  public boolean contractInForce(String code) {
    Ticket ticket = ticket(code);
    return providers.forTopic(ticket.topic())
        .flatMap(p -> providers.contractInForce(p.id(), today())).isPresent();
  }

  /** The dossier to the provider of the ticket's topic, by e-mail through the outbox. */
  public EscalationRecord byMail(String code, String key, String diagnosis) {
    Ticket ticket = ticket(code);
    Provider provider = provider(ticket.topic());
    Optional<EscalationRecord> done = records.findByKey(key);
    if (done.isPresent()) return done.get();
    EscalationRecord escalation = newRecord(ticket, key, provider, EscalationChannel.CORREO, null);
    records.insertIfAbsent(escalation);
    notifications.toAddresses(new Notice(DOSSIER, key, code, "ticket-escalado",
        dossiers.model(ticket, provider, escalation, diagnosis)), List.of(provider.contactEmail()));
    note(escalation, "dossier enviado a " + provider.contactEmail());
    return escalation;
  }

  /**
   * A ticket on the vendor's osTicket, or the reason why the agent opens it by hand: the API is not
   * configured, or a request left and its answer did not come back. osTicket's API takes no
   * idempotency key, so a request is written down (in a transaction of its own) before it leaves and
   * struck off when the vendor answers; the vendor's number is kept in the same way as soon as it
   * comes. A retry, after a crash or a failure anywhere in this step, finds either the number, and
   * opens nothing more, or a request without an answer, and sends nothing: the case may exist, and
   * only a person can look at the vendor's desk.
   */
  public VendorCase byOsTicket(String code, String key, String diagnosis) {
    if (!osTicket.isConfigured()) return VendorCase.byHand(API_NOT_CONFIGURED);
    Optional<EscalationRecord> done = records.findByKey(key);
    if (done.isPresent()) return openedByApi(done.get());
    Optional<Instant> unanswered = records.requestWithoutAnswer(key);
    if (unanswered.isPresent()) {
      return outcomeUnknown(code, unanswered.get(), "un intento anterior no recibió el número del caso (la respuesta no"
          + " llegó o no lo traía, o el servidor de la Mesa de Servicios se detuvo durante la llamada).");
    }
    Ticket ticket = ticket(code);
    Provider provider = provider(ticket.topic());
    Instant leaving = clock.instant();
    ownTransaction.executeWithoutResult(status -> records.requestLeaving(key, code, leaving));
    String number;
    try {
      number = osTicket.open(new OsTicketRequest(dossiers.requesterName(ticket), dossiers.requesterEmail(ticket),
          "[" + code + "] " + ticket.subject(), dossiers.text(ticket, provider, diagnosis)));
    } catch (OsTicketException e) {
      if (!e.mayHaveOpened()) {
        // The vendor opened nothing: the retry (or the incident's) may send it again.
        ownTransaction.executeWithoutResult(status -> records.requestAnswered(key));
        throw e;
      }
      // A "created" without a number stops with its incident; a retry from Cockpit hands it over.
      if (!e.retryable()) throw e;
      return outcomeUnknown(code, leaving, e.whatHappened());
    }
    EscalationRecord opened = newRecord(ticket, key, provider, EscalationChannel.OSTICKET, number);
    ownTransaction.executeWithoutResult(status -> {
      records.insertIfAbsent(opened);
      records.requestAnswered(key);
    });
    return openedByApi(opened);
  }

  private VendorCase openedByApi(EscalationRecord escalation) {
    note(escalation, "caso " + escalation.externalReference() + " abierto por su API");
    return VendorCase.opened(escalation);
  }

  private VendorCase outcomeUnknown(String code, Instant sent, String whatHappened) {
    String when = SpanishDates.DATE_TIME.format(sent.atZone(workingTime.zone()));
    timeline.record(code, NoteKind.ESCALAMIENTO, "El caso salió hacia la mesa de ayuda del proveedor el " + when
        + ", pero no se sabe si lo abrió: " + whatHappened + " No se envía de nuevo; se revisa y registra a mano.");
    return VendorCase.byHand("El caso salió hacia la mesa de ayuda del proveedor el " + when + ", pero no se sabe si"
        + " lo abrió: " + whatHappened + " No se envió de nuevo, para no abrirlo dos veces. Búsquelo en la mesa del"
        + " proveedor por el código " + code + ", que va en su asunto: si está, registre aquí su número; si no, ábralo"
        + " usted y registre el nuevo.");
  }

  /** The agent opened the case by hand on the vendor's help desk and typed its number. */
  public void byHand(String code, String key, String reference, String comment) {
    Ticket ticket = ticket(code);
    Provider provider = provider(ticket.topic());
    EscalationRecord escalation = newRecord(ticket, key, provider, EscalationChannel.MANUAL, reference);
    records.insertIfAbsent(escalation);
    note(escalation, "caso " + reference + (comment == null ? "" : ". " + comment));
  }

  /** The provider's answer, recorded by the agent: solved or not, and the provider's reference. */
  public void answered(String code, boolean solved, String reference) {
    records.latest(code).ifPresent(e -> records.answered(e.id(), solved, reference, clock.instant()));
  }

  /** When the latest escalation's answer is due: the reminder's timer. */
  public Instant responseDue(String code) {
    return records.latest(code).map(EscalationRecord::responseDueAt)
        .orElseGet(() -> workingTime.plus(clock.instant(), Duration.ofHours(defaultResponseHours)));
  }

  /** The response time passed without an answer: the provider is reminded, the ticket's group told. */
  public void remind(String code) {
    Ticket ticket = ticket(code);
    EscalationRecord escalation = records.latest(code).orElseThrow();
    Provider provider = providers.findByCode(escalation.providerCode()).orElse(null);
    Notice notice = new Notice(REMINDER, "recordatorio:" + escalation.idempotencyKey(), code,
        "caso-proveedor-recordatorio", dossiers.model(ticket, provider, escalation, null));
    notifications.to(notice, new Audience(List.of(), ticket.assignedGroup() == null ? List.of()
        : List.of(ticket.assignedGroup()), provider == null ? List.of() : List.of(provider.contactEmail())));
    timeline.record(code, NoteKind.ESCALAMIENTO, "Venció el tiempo de respuesta de «" + escalation.providerName()
        + "» sin respuesta registrada: se le recordó el caso y se avisó al grupo.");
  }

  private EscalationRecord newRecord(Ticket ticket, String key, Provider provider, EscalationChannel channel,
      String reference) {
    Instant now = clock.instant();
    Optional<SupportContract> contract = providers.contractInForce(provider.id(), today());
    int hours = contract.map(SupportContract::responseHours).orElse(defaultResponseHours);
    return new EscalationRecord(0, ticket.code(), key, provider.code(), provider.name(), channel,
        contract.map(SupportContract::number).orElse(null), reference,
        workingTime.plus(now, Duration.ofHours(hours)), null, null, now);
  }

  private void note(EscalationRecord e, String how) {
    ZoneId zone = workingTime.zone();
    timeline.record(e.ticketCode(), NoteKind.ESCALAMIENTO, "Escalado a «" + e.providerName() + "» "
        + e.channel().how() + ": " + how + "."
        + (e.contractNumber() == null ? " Sin contrato de soporte vigente." : " Contrato " + e.contractNumber() + ".")
        + " Respuesta esperada antes del " + SpanishDates.DATE_TIME.format(e.responseDueAt().atZone(zone)) + ".", TicketState.ESCALADO);
  }

  private Provider provider(Topic topic) {
    return providers.forTopic(topic).orElseThrow(() -> new IllegalStateException(
        "No hay un proveedor activo para el tema «" + topic.label() + "»: regístrelo en /api/providers y reintente."));
  }

  private Ticket ticket(String code) {
    return tickets.findByCode(code).orElseThrow();
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(workingTime.zone()));
  }
}
