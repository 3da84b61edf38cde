package co.edu.idep.mesa.report;

import co.edu.idep.mesa.ticket.Topic;
import co.edu.idep.mesa.ticket.field.Priority;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the quarterly report says about the incidents handled through the help desk. Counts come
 * from the ticket record's codes, topics, dates, states and scores, never from personal fields,
 * so masking a ticket's personal data (habeas data) leaves them unchanged.
 *
 * @param opened tickets opened in the quarter
 * @param openedByTopic the same, by help topic (every topic, zeros included)
 * @param closed tickets closed in the quarter, whenever they were opened
 * @param openAtEnd tickets opened before the quarter ended and not closed by then
 * @param escalated tickets escalated to a provider or the Goobi engineer during the quarter
 * @param satisfactionAnswers scores given by requesters on tickets closed in the quarter
 * @param meanSatisfaction their mean, 1 to 5 (null when there were none)
 * @param meanHoursToClose mean hours from opening to closing of the tickets closed in the quarter
 * @param compliance the service-level targets settled in the quarter, by topic and priority (only
 *     those that had one); empty in reports generated before service levels existed
 */
public record ReportFigures(
    long opened,
    Map<String, Long> openedByTopic,
    long closed,
    long openAtEnd,
    long escalated,
    long satisfactionAnswers,
    Double meanSatisfaction,
    Double meanHoursToClose,
    List<Compliance> compliance) {

  public ReportFigures {
    compliance = compliance == null ? List.of() : List.copyOf(compliance);
  }

  /** The figures without service levels, as reports were before them. */
  public ReportFigures(long opened, Map<String, Long> openedByTopic, long closed, long openAtEnd, long escalated,
      long satisfactionAnswers, Double meanSatisfaction, Double meanHoursToClose) {
    this(opened, openedByTopic, closed, openAtEnd, escalated, satisfactionAnswers, meanSatisfaction,
        meanHoursToClose, List.of());
  }

  /**
   * Service-level compliance of one topic and priority: of the targets settled in the quarter, how
   * many were met. A target is settled when it is met, or when its due time passes unmet (with the
   * clock stopped while the ticket waited on its requester); it is met when it was met by its due
   * time and no breach was recorded.
   */
  public record Compliance(String topic, String priority, long firstAttentionMeasured, long firstAttentionMet,
      long resolutionMeasured, long resolutionMet) {}

  /** The figures as the Jefe OAP reads them in the validation form: plain Spanish text. */
  public String summary(ReportPeriod period) {
    String byTopic = openedByTopic.entrySet().stream()
        .map(e -> "  · " + Topic.valueOf(e.getKey()).label() + ": " + e.getValue())
        .collect(Collectors.joining("\n"));
    return String.join("\n",
        "Informe de la Mesa de Servicios — " + period.label(),
        "Tickets abiertos en el trimestre: " + opened,
        byTopic,
        "Tickets cerrados en el trimestre: " + closed,
        "Tickets abiertos al final del trimestre: " + openAtEnd,
        "Tickets escalados a un proveedor: " + escalated,
        "Calificación media de los usuarios (1 a 5): " + decimal(meanSatisfaction)
            + " (" + satisfactionAnswers + " respuestas)",
        "Tiempo medio hasta el cierre: " + decimal(meanHoursToClose) + " horas",
        complianceSummary());
  }

  private String complianceSummary() {
    if (compliance.isEmpty()) {
      return "Cumplimiento de los niveles de servicio: sin objetivos medidos en el trimestre";
    }
    String rows = compliance.stream()
        .map(c -> "  · " + topicLabel(c.topic()) + ", prioridad " + priorityLabel(c.priority()) + ": "
            + share(c.firstAttentionMet(), c.firstAttentionMeasured(), c.resolutionMet(), c.resolutionMeasured()))
        .collect(Collectors.joining("\n"));
    String total = "  · Total: " + share(
        compliance.stream().mapToLong(Compliance::firstAttentionMet).sum(),
        compliance.stream().mapToLong(Compliance::firstAttentionMeasured).sum(),
        compliance.stream().mapToLong(Compliance::resolutionMet).sum(),
        compliance.stream().mapToLong(Compliance::resolutionMeasured).sum());
    return String.join("\n",
        "Cumplimiento de los niveles de servicio (objetivos cumplidos de los medidos):", rows, total);
  }

  private static String share(long firstMet, long firstMeasured, long resolutionMet, long resolutionMeasured) {
    return "primera atención " + share(firstMet, firstMeasured) + "; solución " + share(resolutionMet, resolutionMeasured);
  }

  private static String share(long met, long measured) {
    return measured == 0 ? "sin medir" : met + " de " + measured + " (" + Math.round(100.0 * met / measured) + " %)";
  }

  // Codes that the tables no longer know (an old report) are shown as they are.
  private static String topicLabel(String code) {
    return Topic.fromCode(code).map(Topic::label).orElse(code);
  }

  private static String priorityLabel(String code) {
    return Arrays.stream(Priority.values()).filter(p -> p.name().equals(code)).findFirst()
        .map(p -> p.label().toLowerCase(Locale.ROOT)).orElse(code);
  }

  private static String decimal(Double value) {
    return value == null ? "sin datos" : String.format(Locale.ROOT, "%.1f", value).replace('.', ',');
  }
}
