package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.notification.Audience;
import co.edu.idep.mesa.notification.Notifications;
import co.edu.idep.mesa.notification.Notifications.Notice;
import co.edu.idep.mesa.ticket.NoteKind;
import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.TicketTimeline;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The loan's notices, through the outbox: the reminder before the due date to the requester, and the
 * overdue notice to the requester and the technician who handed the equipment over. One message per
 * notice and day, however often its step is retried.
 */
@Component
public class LoanNotifications {

  static final String REMINDER = "PRESTAMO_RECORDATORIO";
  static final String OVERDUE = "PRESTAMO_VENCIDO";

  private final Notifications notifications;
  private final LoanRepository loans;
  private final TicketRepository tickets;
  private final TicketTimeline timeline;

  public LoanNotifications(Notifications notifications, LoanRepository loans, TicketRepository tickets,
      TicketTimeline timeline) {
    this.notifications = notifications;
    this.loans = loans;
    this.tickets = tickets;
    this.timeline = timeline;
  }

  public void reminder(String code) {
    Loan loan = loans.find(code).orElseThrow();
    if (loan.state() != LoanState.ACTIVO) return;
    notifications.toUsers(new Notice(REMINDER, "prestamo-recordatorio:" + code, code, "prestamo-recordatorio",
        model(loan)), List.of(loan.terms().requester()));
    timeline.record(code, NoteKind.RECORDATORIO_DEVOLUCION, "Se recordó al solicitante que debe devolver "
        + String.join(", ", loan.tags(LoanAssetState.PRESTADO)) + " el " + loan.terms().end().format(EquipmentLoan.DAY) + ".");
  }

  /** @return whether the loan is still out: false when it was closed some other way, and nobody is told */
  public boolean overdue(String code) {
    Loan loan = loans.find(code).orElseThrow();
    if (loan.state() != LoanState.ACTIVO) return false;
    // The engine's clock, as the timers': one notice per day of it.
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), timeline.now().getOffset());
    List<String> users = loan.handedOverBy() == null || loan.handedOverBy().equals(TicketTimeline.SYSTEM_AUTHOR)
        ? List.of(loan.terms().requester()) : List.of(loan.terms().requester(), loan.handedOverBy());
    Notice notice = new Notice(OVERDUE, "prestamo-vencido:" + code + ":" + today, code, "prestamo-vencido", model(loan));
    String group = tickets.findByCode(code).map(t -> t.assignedGroup()).orElse(null);
    // Without a technician on record, his group hears of it.
    notifications.to(notice, group != null && users.size() == 1
        ? new Audience(users, List.of(group), List.of()) : Audience.ofUsers(users));
    timeline.record(code, NoteKind.PRESTAMO_VENCIDO, "Préstamo vencido desde el "
        + loan.terms().end().format(EquipmentLoan.DAY) + ": se avisó al solicitante y al técnico. Siguen prestados: "
        + String.join(", ", loan.tags(LoanAssetState.PRESTADO)) + ".");
    return true;
  }

  private static Map<String, Object> model(Loan loan) {
    Map<String, Object> model = new HashMap<>();
    model.put("code", loan.ticketCode());
    model.put("due", loan.terms().end().format(EquipmentLoan.DAY));
    model.put("place", loan.terms().usePlace());
    model.put("assets", loan.in(LoanAssetState.PRESTADO).stream()
        .map(a -> a.tag() + " — " + a.description()).toList());
    return model;
  }
}
