package co.edu.idep.mesa.ticket.field;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import co.edu.idep.mesa.accounts.AccountCreation;
import co.edu.idep.mesa.accounts.AccountFields;
import co.edu.idep.mesa.accounts.AccountPasswords;
import co.edu.idep.mesa.accounts.AccountRequestListener;
import co.edu.idep.mesa.escalation.RecordEscalationListener;
import co.edu.idep.mesa.loans.EquipmentLoan;
import co.edu.idep.mesa.loans.Loan;
import co.edu.idep.mesa.loans.LoanAsset;
import co.edu.idep.mesa.loans.LoanAssetState;
import co.edu.idep.mesa.loans.LoanRepository;
import co.edu.idep.mesa.loans.LoanReturns;
import co.edu.idep.mesa.loans.LoanState;
import co.edu.idep.mesa.loans.LoanTerms;
import co.edu.idep.mesa.inventory.AssetKind;
import java.time.LocalDate;
import co.edu.idep.mesa.loans.RecordReturnListener;
import co.edu.idep.mesa.loans.LoanFields;
import co.edu.idep.mesa.loans.RecordEquipmentDeliveryListener;
import co.edu.idep.mesa.loans.RecordEquipmentPreparationListener;
import co.edu.idep.mesa.report.QuarterlyReports;
import co.edu.idep.mesa.report.RecordReportCorrectionListener;
import co.edu.idep.mesa.report.RecordReportDecisionListener;
import co.edu.idep.mesa.ticket.RecordEvaluationListener;
import co.edu.idep.mesa.ticket.RecordSolutionListener;
import co.edu.idep.mesa.ticket.RecordVerificationListener;
import co.edu.idep.mesa.ticket.ReviewTopicListener;
import co.edu.idep.mesa.ticket.SupportFields;
import co.edu.idep.mesa.ticket.TicketAssignment;
import co.edu.idep.mesa.ticket.TicketTimeline;
import co.edu.idep.mesa.ticket.TicketRepository;
import co.edu.idep.mesa.ticket.TicketRequestValidator;
import co.edu.idep.mesa.ticket.TicketResolution;
import co.edu.idep.mesa.validation.InvalidInputException;
import co.edu.idep.mesa.validation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.lang.reflect.InvocationTargetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

/**
 * The server's validation of a form's submission, as the diagrams wire it: the start form goes
 * through {@link TicketRequestValidator}, a task form through its task's completion listener (the
 * real class, with its collaborators mocked). Answers which fields it refuses.
 */
final class ServerValidation {

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private final TicketRequestValidator validator;
  private final Map<String, Object> listeners;
  /** Form id → the user task that shows it; the start form has none. */
  private final Map<String, UserTask> tasks = new HashMap<>();
  private final Set<String> startForms;

  ServerValidation(Clock clock) {
    AccountFields accounts = new AccountFields();
    LoanFields loans = new LoanFields(clock);
    validator = new TicketRequestValidator(List.of(accounts, loans, new SupportFields()));
    TicketResolution resolution = mock(TicketResolution.class);
    listeners = new HashMap<>(Map.of(
        "reviewTopicListener", new ReviewTopicListener(new TicketAssignment(mock(TicketRepository.class), mock(TicketTimeline.class))),
        "accountRequestListener", new AccountRequestListener(accounts, mock(AccountCreation.class), revealed(), clock),
        "recordEquipmentPreparationListener", new RecordEquipmentPreparationListener(loans, mock(EquipmentLoan.class),
            mock(co.edu.idep.mesa.inventory.AssetRepository.class)),
        "recordEquipmentDeliveryListener", new RecordEquipmentDeliveryListener(mock(EquipmentLoan.class)),
        "recordEvaluationListener", new RecordEvaluationListener(resolution),
        "recordSolutionListener", new RecordSolutionListener(resolution),
        "recordEscalationListener", new RecordEscalationListener(mock(co.edu.idep.mesa.escalation.ProviderEscalations.class)),
        "recordVerificationListener", new RecordVerificationListener(resolution, mock(IdentityService.class)),
        "recordReportDecisionListener", new RecordReportDecisionListener(mock(QuarterlyReports.class)),
        "recordReportCorrectionListener", new RecordReportCorrectionListener()));
    LoanReturns returns = mock(LoanReturns.class);
    when(returns.record(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
        org.mockito.ArgumentMatchers.any())).thenReturn(LOAN_OUT);
    listeners.put("recordReturnListener", new RecordReturnListener(loanOut(), returns));
    listeners.put("recordProviderAnswerListener", new co.edu.idep.mesa.escalation.RecordProviderAnswerListener(
        mock(co.edu.idep.mesa.escalation.ProviderEscalations.class), resolution));
    List<BpmnModelInstance> models = diagrams();
    models.forEach(model -> model.getModelElementsByType(UserTask.class)
        .forEach(task -> tasks.put(task.getAttributeValueNs(CAMUNDA, "formRef"), task)));
    startForms = models.stream().flatMap(model -> model.getModelElementsByType(StartEvent.class).stream())
        .map(event -> event.getAttributeValueNs(CAMUNDA, "formRef")).filter(ref -> ref != null)
        .collect(Collectors.toSet());
  }

  /** A loan with the offered assets out, as "Registrar la devolución" finds it. */
  private static final Loan LOAN_OUT = new Loan(1, new LoanTerms("MDS-2026-000001", "usuario1", AssetKind.COMPUTO,
      LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-03"), "Auditorio", false), LoanState.ACTIVO, null, null,
      null, null, FormJs.OFFERED.stream()
          .map(tag -> new LoanAsset(tag, "Portátil", null, null, LoanAssetState.PRESTADO, null, null, null)).toList());

  private static LoanRepository loanOut() {
    LoanRepository loans = mock(LoanRepository.class);
    when(loans.find(anyString())).thenReturn(java.util.Optional.of(LOAN_OUT));
    return loans;
  }

  /** At the hand-over the technician has revealed the password: the form's fields are what is probed. */
  private static AccountPasswords revealed() {
    AccountPasswords passwords = mock(AccountPasswords.class);
    when(passwords.revealedDuring(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any())).thenReturn(true);
    return passwords;
  }

  /** The fields the server refuses in this submission of the form. */
  Set<String> refused(String formId, Map<String, Object> submitted) {
    try {
      if (startForms.contains(formId)) {
        validator.validate(submitted);
      } else {
        complete(formId, submitted);
      }
      return Set.of();
    } catch (InvalidInputException e) {
      return e.violations().stream().map(Violation::field).collect(Collectors.toSet());
    }
  }

  private void complete(String formId, Map<String, Object> variables) {
    UserTask userTask = tasks.get(formId);
    if (userTask == null) throw new IllegalStateException("No user task shows form " + formId);
    DelegateTask task = mock(DelegateTask.class);
    when(task.getVariables()).thenReturn(variables);
    when(task.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
    when(task.getTaskDefinitionKey()).thenReturn(userTask.getId());
    when(task.getProcessInstanceId()).thenReturn("probe");
    userTask.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
        .filter(listener -> "complete".equals(listener.getCamundaEvent()))
        .forEach(listener -> invoke(listener, task));
  }

  /** A listener wired as {@code delegateExpression="${bean}"} or {@code expression="${bean.method(task)}"}. */
  private void invoke(CamundaTaskListener listener, DelegateTask task) {
    if (listener.getCamundaDelegateExpression() != null) {
      ((TaskListener) bean(listener.getCamundaDelegateExpression().replaceAll("^\\$\\{|}$", ""))).notify(task);
      return;
    }
    Matcher call = METHOD_CALL.matcher(listener.getCamundaExpression());
    if (!call.matches()) throw new IllegalStateException("The probe cannot call " + listener.getCamundaExpression());
    if (VALIDATE_NOTHING.contains(call.group(1))) return;
    Object bean = bean(call.group(1));
    try {
      bean.getClass().getMethod(call.group(2), DelegateTask.class).invoke(bean, task);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException failure) throw failure;
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Listeners that read no form field: they tell people and keep the clock, after validation. */
  private static final Set<String> VALIDATE_NOTHING = Set.of("serviceLevelSteps", "ticketNotifications",
      "reportNotifications");

  private static final Pattern METHOD_CALL = Pattern.compile("\\$\\{(\\w+)\\.(\\w+)\\(task\\)}");

  private Object bean(String name) {
    Object listener = listeners.get(name);
    if (listener == null) throw new IllegalStateException("The probe knows no listener " + name);
    return listener;
  }

  private static List<BpmnModelInstance> diagrams() {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted()
          .map(p -> Bpmn.readModelFromFile(p.toFile())).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
