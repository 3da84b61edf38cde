package co.edu.idep.mesa.ticket;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the help desk writes dates for people: in notes, mails, pages and the exit form. */
public final class SpanishDates {

  public static final Locale SPANISH = Locale.forLanguageTag("es-CO");
  /** «5 de marzo de 2026 a las 14:30»: when something is due. */
  public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy 'a las' HH:mm", SPANISH);
  /** «5 de marzo de 2026». */
  public static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d 'de' MMMM 'de' yyyy", SPANISH);
  /** «05/03/2026»: in lists, tables and forms. */
  public static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", SPANISH);
  /** «05/03/2026 14:30»: a moment in lists, tables and forms. */
  public static final DateTimeFormatter SHORT_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", SPANISH);

  private SpanishDates() {}
}
