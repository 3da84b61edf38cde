package co.edu.idep.mesa.ticket;

import co.edu.idep.mesa.validation.InvalidInputException;
import co.edu.idep.mesa.validation.Violation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.edu.idep.mesa.accounts.AccountFields;
import co.edu.idep.mesa.loans.LoanFields;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** The shared validation on its own: what it keeps, how it normalises, what it refuses. */
class TicketRequestValidatorTest {

  static final Clock NOV_26 = Clock.fixed(Instant.parse("2026-11-26T15:00:00Z"), ZoneId.of("America/Bogota"));

  final TicketRequestValidator validator =
      new TicketRequestValidator(List.of(new AccountFields(), new LoanFields(NOV_26), new SupportFields()));

  @Test
  void keepsOnlyTheFieldsTheTopicAsksForAndNormalisesThem() {
    Map<String, Object> input = new HashMap<>(AbstractTicketApiTest.account());
    input.put("idNumber", "80.123.456");
    input.put("location", "dato de otro tema");
    input.put("salary", "no lo pide el procedimiento");
    input.put("linkType", "FUNCIONARIO");

    TicketRequest request = validator.validate(input);

    assertThat(request.topic()).isEqualTo(Topic.CUENTA_USUARIO);
    assertThat(request.details()).containsEntry("idNumber", "80123456").containsEntry("mobilePhone", "3105551234")
        .containsEntry("accesses", List.of("RED", "VPN"))
        .doesNotContainKeys("location", "salary", "contractNumber");
    assertThat(request.toVariables().get("accesses")).isInstanceOf(org.camunda.spin.json.SpinJsonNode.class);
  }

  @Test
  void readsListsAsTasklistSubmitsThem() {
    Map<String, Object> input = new HashMap<>(AbstractTicketApiTest.account());
    input.put("accesses", Spin.JSON(List.of("CORREO")));
    assertThat(validator.validate(input).details()).containsEntry("accesses", List.of("CORREO"));
  }

  @Test
  void reportsEveryProblemAtOnceWithoutRepeatingPersonalData() {
    Map<String, Object> input = new HashMap<>(AbstractTicketApiTest.account());
    input.put("idNumber", "ABC-99");
    input.put("mobilePhone", "555-1234");
    input.put("alternateEmail", "no-es-correo");

    assertThatThrownBy(() -> validator.validate(input))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.violations()).extracting(Violation::field)
              .containsExactlyInAnyOrder("idNumber", "mobilePhone", "alternateEmail");
          assertThat(e.getMessage()).doesNotContain("ABC-99", "555-1234", "no-es-correo");
        });
  }

  @Test
  void passportsAcceptLettersAndCedulasDoNot() {
    Map<String, Object> input = new HashMap<>(AbstractTicketApiTest.account());
    input.put("idType", "PA");
    input.put("idNumber", "ab123456");
    assertThat(validator.validate(input).details()).containsEntry("idNumber", "AB123456");
    input.put("idType", "CC");
    assertThatThrownBy(() -> validator.validate(input)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void loansMayNotStartInThePast() {
    Map<String, Object> input = new HashMap<>(AbstractTicketApiTest.loan());
    input.put("loanStart", "2026-11-25");
    input.put("loanEnd", "2026-11-27");
    assertThatThrownBy(() -> validator.validate(input)).hasMessageContaining("no puede estar en el pasado");
    input.put("loanStart", "2026-11-26");
    assertThat(validator.validate(input).details()).containsEntry("quantity", 1L).containsEntry("leavesInstitute", false);
  }

  @Test
  void plainComparisonSignsAreTextButTagsAreNot() {
    Map<String, Object> input = new HashMap<>(AbstractTicketApiTest.support());
    input.put("description", "Cuando a < b o 3 > 2, falla.");
    assertThat(validator.validate(input).description()).isEqualTo("Cuando a < b o 3 > 2, falla.");
    for (String markup : List.of("<b>x</b>", "<!-- x -->", "</p>", "&#60;script", "JavaScript:alert(1)")) {
      input.put("description", "texto " + markup);
      assertThatThrownBy(() -> validator.validate(input)).as(markup).hasMessageContaining("HTML");
    }
  }
}
