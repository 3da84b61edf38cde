package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.servicelevel.WorkingTime;
import co.edu.idep.mesa.servicelevel.WorkingTimeProperties;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The timers of "prestamo-de-equipos", in the institute's working days: the reminder on the working
 * day before the due date, the first overdue notice on the first working day after it, then one every
 * {@code mesa.loans.overdue-every-working-days}. Each fires when the office opens. The due date is
 * read from the loan's record when the timer is set.
 */
@Component
public class LoanCalendar {

  private final LoanRepository loans;
  private final WorkingTime workingTime;
  private final WorkingTimeProperties hours;
  private final int overdueEvery;

  public LoanCalendar(LoanRepository loans, WorkingTime workingTime, WorkingTimeProperties hours,
      @Value("${mesa.loans.overdue-every-working-days:2}") int overdueEvery) {
    if (overdueEvery < 1) throw new IllegalArgumentException("mesa.loans.overdue-every-working-days must be at least 1");
    this.loans = loans;
    this.workingTime = workingTime;
    this.hours = hours;
    this.overdueEvery = overdueEvery;
  }

  /** "Un día hábil antes de la devolución". */
  public Date reminderAt(String ticketCode) {
    return opening(workingDays(due(ticketCode), -1));
  }

  /** "Plazo de devolución vencido". */
  public Date overdueAt(String ticketCode) {
    return opening(workingDays(due(ticketCode), 1));
  }

  /** "Cada dos días hábiles", counted from today (the engine's clock). */
  public Date nextOverdueNotice() {
    LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(workingTime.zone()).toLocalDate();
    return opening(workingDays(today, overdueEvery));
  }

  private LocalDate due(String ticketCode) {
    return loans.find(ticketCode).orElseThrow().terms().end();
  }

  /** The {@code n}th working day after {@code day} (before it, for negative n). */
  LocalDate workingDays(LocalDate day, int n) {
    LocalDate date = day;
    int step = n < 0 ? -1 : 1;
    for (int left = Math.abs(n); left > 0; ) {
      date = date.plusDays(step);
      if (workingTime.isWorkingDay(date)) left--;
    }
    return date;
  }

  private Date opening(LocalDate day) {
    return Date.from(day.atTime(hours.opens()).atZone(workingTime.zone()).toInstant());
  }
}
