package co.edu.idep.mesa.report;

import co.edu.idep.mesa.ticket.Topic;
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
 */
public record ReportFigures(
    long opened,
    Map<String, Long> openedByTopic,
    long closed,
    long openAtEnd,
    long escalated,
    long satisfactionAnswers,
    Double meanSatisfaction,
    Double meanHoursToClose) {

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
        "Tiempo medio hasta el cierre: " + decimal(meanHoursToClose) + " horas");
  }

  private static String decimal(Double value) {
    return value == null ? "sin datos" : String.format(java.util.Locale.ROOT, "%.1f", value).replace('.', ',');
  }
}
