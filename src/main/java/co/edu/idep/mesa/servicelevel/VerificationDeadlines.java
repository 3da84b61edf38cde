package co.edu.idep.mesa.servicelevel;

import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the requester is reminded to verify a solution, and when the ticket closes without his
 * answer: the timers of "Verificar la solución" read these, counted in the institute's working days
 * from the moment the task appears (a task created on Friday at 15:00 with 2 days is due on Tuesday
 * at 15:00, holidays skipped). The numbers are {@code mesa.verification.*}.
 */
@Component
public class VerificationDeadlines {

  private final WorkingTime workingTime;
  private final Duration workingDay;
  private final long reminderAfterDays;
  private final long closeAfterDays;

  public VerificationDeadlines(WorkingTime workingTime, WorkingTimeProperties hours,
      @Value("${mesa.verification.reminder-after-working-days}") long reminderAfterDays,
      @Value("${mesa.verification.close-after-working-days}") long closeAfterDays) {
    if (reminderAfterDays < 1 || closeAfterDays <= reminderAfterDays) {
      throw new IllegalArgumentException("mesa.verification: the reminder comes after at least one working day, "
          + "and the closing after the reminder");
    }
    this.workingTime = workingTime;
    this.workingDay = workingDay(hours);
    this.reminderAfterDays = reminderAfterDays;
    this.closeAfterDays = closeAfterDays;
  }

  /** The timer of "Sin respuesta del solicitante". */
  public Date reminderDue(DelegateExecution execution) {
    return after(reminderAfterDays);
  }

  /** The timer of "Plazo de verificación vencido". */
  public Date closeDue(DelegateExecution execution) {
    return after(closeAfterDays);
  }

  private Date after(long days) {
    // The engine's clock, so that process tests can move time.
    return Date.from(workingTime.plus(ClockUtil.getCurrentTime().toInstant(), workingDay.multipliedBy(days)));
  }

  static Duration workingDay(WorkingTimeProperties hours) {
    Duration day = Duration.between(hours.opens(), hours.closes());
    return hours.lunch() == null ? day : day.minus(Duration.between(hours.lunch().start(), hours.lunch().end()));
  }
}
