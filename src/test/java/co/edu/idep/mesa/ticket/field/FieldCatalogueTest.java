package co.edu.idep.mesa.ticket.field;

import static org.assertj.core.api.Assertions.assertThat;

import co.edu.idep.mesa.accounts.AccountFields;
import co.edu.idep.mesa.loans.LoanFields;
import co.edu.idep.mesa.privacy.PersonalDataMasking;
import co.edu.idep.mesa.ticket.SupportFields;
import co.edu.idep.mesa.ticket.TicketRequest;
import co.edu.idep.mesa.ticket.TicketRequestValidator;
import co.edu.idep.mesa.ticket.Topic;
import java.io.File;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue itself, and what is read from it: topics, priorities, personal data, the server's fields. */
class FieldCatalogueTest {

  @Test
  void eachKeyIsOneField() {
    List<String> keys = FieldCatalogue.fields().stream().map(Field::key).toList();
    assertThat(keys).doesNotHaveDuplicates();
    FieldCatalogue.forms().forEach(form -> form.fields().forEach(placed ->
        assertThat(FieldCatalogue.field(placed.key())).as("%s in %s", placed.key(), form.id())
            .contains(placed.field())));
  }

  /** The docs show them, and the tests build valid submissions from them. */
  @Test
  void everyFieldAPersonEditsHasAnExample() {
    FieldCatalogue.forms().forEach(form -> form.fields().stream().filter(FormField::editable)
        .forEach(placed -> assertThat(placed.field().example()).as("%s: example", placed.key()).isNotNull()));
  }

  /** form-js searches the pattern in the value: anchored, it says what the whole value may be. */
  @Test
  void everyFormatCoversTheWholeValueAndSaysWhatItWants() {
    FieldCatalogue.fields().stream().filter(f -> f.pattern() != null).forEach(field -> {
      assertThat(field.pattern().source()).as(field.key()).startsWith("^").endsWith("$");
      assertThat(field.patternHint()).as(field.key()).isNotBlank().endsWith(".");
      assertThat(field.type()).as(field.key()).isIn(FieldType.TEXT, FieldType.LONG_TEXT);
    });
  }

  @Test
  void theTopicListIsTopics() {
    List<Option> topics = Arrays.stream(Topic.values()).map(t -> new Option(t.name(), t.label())).toList();
    assertThat(Fields.TOPIC.options()).isEqualTo(topics);
    assertThat(Fields.NEW_TOPIC.options()).isEqualTo(topics);
  }

  /** The decision table gives each topic one of the priorities; their Tasklist ordering is {@link Priority}'s. */
  @Test
  void thePrioritiesAreTheDecisionTables() {
    DmnModelInstance dmn = Dmn.readModelFromFile(new File("processes/asignacion-por-tema.dmn"));
    DecisionTable table = dmn.getModelElementsByType(DecisionTable.class).iterator().next();
    List<String> outputs = table.getOutputs().stream().map(Output::getName).toList();
    int priority = outputs.indexOf("priority");
    assertThat(priority).as("output priority").isNotNegative();
    assertThat(outputs).as("the Tasklist ordering is written once, in Priority").doesNotContain("taskPriority");
    for (Rule rule : table.getRules()) {
      List<String> entries = rule.getOutputEntries().stream().map(e -> e.getText().getTextContent().strip()).toList();
      assertThat(Priority.fromCode(entries.get(priority).replace("\"", ""))).as(rule.getId()).isPresent();
    }
    assertThat(Fields.PRIORITY.codes()).containsExactly("ALTA", "MEDIA", "BAJA");
  }

  /** Ley 1581 de 2012: what identifies the person is masked on request. */
  @Test
  void personalDataIsTheCataloguesAndMaskingMasksIt() {
    assertThat(FieldCatalogue.personalKeys()).containsExactlyInAnyOrder("fullName", "idNumber", "contractNumber",
        "alternateEmail", "mobilePhone", "institutionalEmail", "accountUsername", "receivedBy");
    assertThat(PersonalDataMasking.PERSONAL_FIELDS).isEqualTo(FieldCatalogue.personalKeys());
  }

  /** The server keeps, for each topic, exactly the fields the catalogue gives it. */
  @ParameterizedTest
  @EnumSource(Topic.class)
  void theServerReadsEachTopicsCatalogueFields(Topic topic) {
    TicketRequestValidator validator = new TicketRequestValidator(List.of(
        new AccountFields(), new LoanFields(FormServerAgreementTest.CLOCK), new SupportFields()));
    Map<String, Object> input = new HashMap<>(FormServerAgreementTest.VALID);
    input.put("topic", topic.name());

    TicketRequest request = validator.validate(input);

    assertThat(request.details().keySet())
        .containsExactlyElementsOf(FieldCatalogue.topicFields(topic).stream().map(Field::key).toList());
  }

  @Test
  void bothLoanTopicsCarryTheSameFieldsAsLoanFieldsReadsThem() {
    assertThat(FieldCatalogue.topicFields(Topic.PRESTAMO_COMUNICACIONES))
        .as("LoanFields reads PRESTAMO_COMPUTO's fields for both loan topics; change it too")
        .isEqualTo(FieldCatalogue.topicFields(Topic.PRESTAMO_COMPUTO));
  }

  @Test
  void theEngineIsToldWhatEachFormLetsAPersonWrite() {
    CatalogueFormFieldPolicy policy = new CatalogueFormFieldPolicy();
    assertThat(policy.editable("verificar-tema")).containsExactlyInAnyOrder("topicMatches", "newTopic", "topicComment",
        "newPriority", "priorityReason");
    assertThat(policy.readOnly("verificar-tema")).contains("topic", "requester", "priority", "ticketCode")
        .doesNotContain("topicMatches");
    assertThat(policy.editable("abrir-ticket")).contains("topic", "subject", "fullName", "webAddress")
        .doesNotContain("requester", "ticketCode", "candidateGroup", "priority");
    assertThat(policy.readOnly("abrir-ticket")).isEmpty();
    assertThat(policy.editable("no-such-form")).isEmpty();
    assertThat(policy.readOnly("no-such-form")).isEmpty();
    assertThat(policy.label("alternateEmail")).contains("Correo electrónico alterno");
    assertThat(policy.label("candidateGroup")).isEmpty();
  }
}
