package co.edu.idep.mesa.servicelevel;

import static java.time.temporal.TemporalAdjusters.nextOrSame;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The Colombian public holidays of any year, computed rather than listed, so that the calendar never
 * runs out:
 * <ul>
 *   <li>fixed dates, observed on the day whatever the weekday;
 *   <li>dates moved to the following Monday by Ley 51 de 1983 ("Ley Emiliani") unless they fall on
 *       a Monday;
 *   <li>dates that follow Easter: Holy Thursday and Good Friday on the day, Ascension, Corpus Christi
 *       and Sacred Heart moved to the Monday after them.
 * </ul>
 *
 * <p>Two holidays may fall on the same Monday (San Pedro and Sagrado Corazón on 30 June 2025): both
 * are listed, and the day is one day off.
 */
public class ColombianHolidays {

  private static final List<Named> FIXED = List.of(
      new Named(MonthDay.of(1, 1), "Año Nuevo"),
      new Named(MonthDay.of(5, 1), "Día del Trabajo"),
      new Named(MonthDay.of(7, 20), "Día de la Independencia"),
      new Named(MonthDay.of(8, 7), "Batalla de Boyacá"),
      new Named(MonthDay.of(12, 8), "Inmaculada Concepción"),
      new Named(MonthDay.of(12, 25), "Navidad"));

  private static final List<Named> MOVED_TO_MONDAY = List.of(
      new Named(MonthDay.of(1, 6), "Día de los Reyes Magos"),
      new Named(MonthDay.of(3, 19), "Día de San José"),
      new Named(MonthDay.of(6, 29), "San Pedro y San Pablo"),
      new Named(MonthDay.of(8, 15), "Asunción de la Virgen"),
      new Named(MonthDay.of(10, 12), "Día de la Raza"),
      new Named(MonthDay.of(11, 1), "Día de Todos los Santos"),
      new Named(MonthDay.of(11, 11), "Independencia de Cartagena"));

  // Computed once per year asked for; a service runs over a handful of years.
  private final Map<Integer, List<Holiday>> byYear = new ConcurrentHashMap<>();
  private final Map<Integer, Set<LocalDate>> datesByYear = new ConcurrentHashMap<>();

  /** Every holiday of {@code year}, in date order. */
  public List<Holiday> of(int year) {
    return byYear.computeIfAbsent(year, ColombianHolidays::compute);
  }

  public boolean isHoliday(LocalDate date) {
    return datesByYear
        .computeIfAbsent(date.getYear(), year -> of(year).stream().map(Holiday::date).collect(Collectors.toSet()))
        .contains(date);
  }

  /**
   * Easter Sunday of a Gregorian year, by the anonymous Gregorian computus (Meeus/Jones/Butcher).
   */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(year, month, day);
  }

  private static List<Holiday> compute(int year) {
    List<Holiday> holidays = new ArrayList<>();
    FIXED.forEach(named -> holidays.add(new Holiday(named.day().atYear(year), named.name())));
    MOVED_TO_MONDAY.forEach(named -> holidays.add(new Holiday(nextMonday(named.day().atYear(year)), named.name())));

    LocalDate easter = easterSunday(year);
    holidays.add(new Holiday(easter.minusDays(3), "Jueves Santo"));
    holidays.add(new Holiday(easter.minusDays(2), "Viernes Santo"));
    // Thursday, Thursday and Friday after Easter, always moved: Easter + 43, + 64 and + 71.
    holidays.add(new Holiday(nextMonday(easter.plusDays(39)), "Ascensión del Señor"));
    holidays.add(new Holiday(nextMonday(easter.plusDays(60)), "Corpus Christi"));
    holidays.add(new Holiday(nextMonday(easter.plusDays(68)), "Sagrado Corazón de Jesús"));

    holidays.sort(Comparator.comparing(Holiday::date));
    return List.copyOf(holidays);
  }

  /** Ley 51 de 1983: a holiday that does not fall on a Monday is observed the following Monday. */
  private static LocalDate nextMonday(LocalDate date) {
    return date.with(nextOrSame(DayOfWeek.MONDAY));
  }

  private record Named(MonthDay day, String name) {}
}
