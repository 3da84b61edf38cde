package co.edu.idep.mesa.loans;

import static co.edu.idep.mesa.ticket.field.Fields.EXIT_FORM_URL;
import static co.edu.idep.mesa.ticket.field.Fields.ID_NUMBER;
import static co.edu.idep.mesa.ticket.field.Fields.ID_TYPE;

import co.edu.idep.mesa.document.TicketDocuments;
import co.edu.idep.mesa.loans.exitform.ExitForm;
import co.edu.idep.mesa.loans.exitform.ExitFormPdf;
import co.edu.idep.mesa.security.PersonNames;
import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.Ticket;
import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.TicketTimeline;
import co.edu.idep.mesa.ticket.TicketVariables;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Generar el formato para salida de equipos", asynchronous: the PDF of the reserved equipment is
 * stored with the ticket (replacing an earlier one, so a retry or a second pass leaves one), and the
 * hand-over form links to it.
 */
@Component
public class GenerateExitFormDelegate implements JavaDelegate {

  public static final String DOCUMENT = "salida-de-equipos.pdf";

  private final TicketRepository tickets;
  private final LoanRepository loans;
  private final PersonNames names;
  private final ExitFormPdf pdf;
  private final TicketDocuments documents;
  private final TicketTimeline timeline;
  private final Clock clock;

  public GenerateExitFormDelegate(TicketRepository tickets, LoanRepository loans, PersonNames names,
      ExitFormPdf pdf, TicketDocuments documents, TicketTimeline timeline, Clock clock) {
    this.tickets = tickets;
    this.loans = loans;
    this.names = names;
    this.pdf = pdf;
    this.documents = documents;
    this.timeline = timeline;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Ticket ticket = tickets.findByCode(TicketVariables.ticketCode(execution)).orElseThrow();
    Loan loan = loans.find(ticket.code()).orElseThrow();
    Map<String, Object> details = ticket.details();
    List<ExitForm.Item> items = loan.assets().stream().filter(a -> a.state().held())
        .map(a -> new ExitForm.Item(a.tag(), a.description(), a.brandModel(), a.serialNumber())).toList();
    ExitForm form = new ExitForm(ticket.code(), names.of(ticket.requester()), ticket.requester(),
        (String) details.get(ID_TYPE.key()), (String) details.get(ID_NUMBER.key()), items, loan.terms().start(),
        loan.terms().end(), loan.terms().usePlace(), clock.instant());
    documents.store(ticket.code(), DOCUMENT, "application/pdf", pdf.render(form), TicketTimeline.SYSTEM_AUTHOR);
    timeline.record(ticket.code(), NoteKind.FORMATO_SALIDA_GENERADO, "Se generó el Formato para salida de equipos ("
        + items.size() + " equipo(s)).");
    execution.setVariable(EXIT_FORM_URL.key(), "/api/tickets/" + ticket.code() + "/documents/" + DOCUMENT);
  }

}
