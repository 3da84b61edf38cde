package co.edu.idep.mesa.servicelevel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import org.camunda.bpm.impl.juel.ExpressionFactoryImpl;
import org.camunda.bpm.impl.juel.SimpleContext;
import org.camunda.bpm.impl.juel.jakarta.el.ExpressionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The expressions the diagram writes, e.g. a timer's {@code timeDate}, evaluated by Camunda's JUEL:
 * the target's kind is written as text and reaches the method as {@link ServiceLevelKind}.
 */
class ServiceLevelExpressionsTest {

  final TestClock clock = new TestClock(at("2026-03-10T08:00"));
  final ServiceLevelDatabase db = ServiceLevelDatabase.h2(clock);

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aTimerExpressionGivesTheDueTimeAndAGatewayExpressionWhetherATimerIsStillNeeded() {
    db.ticket("MDS-2026-000007", "SOPORTE_TECNICO", at("2026-03-10T08:00"));
    db.transaction.executeWithoutResult(s ->
        db.serviceLevels.start("MDS-2026-000007", "SOPORTE_TECNICO", "ALTA", at("2026-03-10T08:00")));

    assertThat(evaluate("${serviceLevels.breachDue(ticketCode, 'RESOLUTION')}"))
        .isEqualTo(Date.from(at("2026-03-10T16:00")));
    assertThat(evaluate("${serviceLevels.warningDue(ticketCode, 'FIRST_ATTENTION')}"))
        .isEqualTo(Date.from(at("2026-03-10T08:45")));
    assertThat(evaluate("${serviceLevels.awaitsBreach(ticketCode, 'FIRST_ATTENTION')}")).isEqualTo(true);
  }

  private Object evaluate(String expression) {
    ExpressionFactory factory = new ExpressionFactoryImpl();
    SimpleContext context = new SimpleContext();
    context.setVariable("serviceLevels", factory.createValueExpression(db.serviceLevels, ServiceLevels.class));
    context.setVariable("ticketCode", factory.createValueExpression("MDS-2026-000007", String.class));
    return factory.createValueExpression(context, expression, Object.class).getValue(context);
  }

  private static Instant at(String bogotaTime) {
    return LocalDateTime.parse(bogotaTime).atZone(WorkingTimeProperties.DEFAULT_ZONE).toInstant();
  }
}
