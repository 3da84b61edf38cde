package co.edu.idep.mesa.servicelevel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColombianHolidaysTest {

  private static final Set<String> ON_THE_DAY = Set.of("Año Nuevo", "Día del Trabajo",
      "Día de la Independencia", "Batalla de Boyacá", "Inmaculada Concepción", "Navidad", "Jueves Santo",
      "Viernes Santo");

  private final ColombianHolidays holidays = new ColombianHolidays();

  @Test
  void all_holidays_of_2026() {
    assertThat(holidays.of(2026)).containsExactly(
        holiday("2026-01-01", "Año Nuevo"),
        holiday("2026-01-12", "Día de los Reyes Magos"),   // Tue 6 Jan → Monday
        holiday("2026-03-23", "Día de San José"),          // Thu 19 Mar → Monday
        holiday("2026-04-02", "Jueves Santo"),
        holiday("2026-04-03", "Viernes Santo"),
        holiday("2026-05-01", "Día del Trabajo"),
        holiday("2026-05-18", "Ascensión del Señor"),      // Easter 5 Apr + 43
        holiday("2026-06-08", "Corpus Christi"),           // Easter + 64
        holiday("2026-06-15", "Sagrado Corazón de Jesús"), // Easter + 71
        holiday("2026-06-29", "San Pedro y San Pablo"),    // already a Monday
        holiday("2026-07-20", "Día de la Independencia"),
        holiday("2026-08-07", "Batalla de Boyacá"),
        holiday("2026-08-17", "Asunción de la Virgen"),    // Sat 15 Aug → Monday
        holiday("2026-10-12", "Día de la Raza"),           // already a Monday
        holiday("2026-11-02", "Día de Todos los Santos"),  // Sun 1 Nov → Monday
        holiday("2026-11-16", "Independencia de Cartagena"), // Wed 11 Nov → Monday
        holiday("2026-12-08", "Inmaculada Concepción"),
        holiday("2026-12-25", "Navidad"));
  }

  @Test
  void all_holidays_of_2027() {
    assertThat(holidays.of(2027)).containsExactly(
        holiday("2027-01-01", "Año Nuevo"),
        holiday("2027-01-11", "Día de los Reyes Magos"),   // Wed 6 Jan → Monday
        holiday("2027-03-22", "Día de San José"),          // Fri 19 Mar → Monday
        holiday("2027-03-25", "Jueves Santo"),
        holiday("2027-03-26", "Viernes Santo"),
        holiday("2027-05-01", "Día del Trabajo"),          // a Saturday, not moved
        holiday("2027-05-10", "Ascensión del Señor"),      // Easter 28 Mar + 43
        holiday("2027-05-31", "Corpus Christi"),           // Easter + 64
        holiday("2027-06-07", "Sagrado Corazón de Jesús"), // Easter + 71
        holiday("2027-07-05", "San Pedro y San Pablo"),    // Tue 29 Jun → Monday
        holiday("2027-07-20", "Día de la Independencia"),
        holiday("2027-08-07", "Batalla de Boyacá"),        // a Saturday, not moved
        holiday("2027-08-16", "Asunción de la Virgen"),    // Sun 15 Aug → Monday
        holiday("2027-10-18", "Día de la Raza"),           // Tue 12 Oct → Monday
        holiday("2027-11-01", "Día de Todos los Santos"),  // already a Monday
        holiday("2027-11-15", "Independencia de Cartagena"), // Thu 11 Nov → Monday
        holiday("2027-12-08", "Inmaculada Concepción"),
        holiday("2027-12-25", "Navidad"));                 // a Saturday, not moved
  }

  @ParameterizedTest
  @CsvSource({
      "1818, 1818-03-22", // the earliest possible date
      "1943, 1943-04-25", // the latest possible date
      "2000, 2000-04-23",
      "2008, 2008-03-23",
      "2019, 2019-04-21",
      "2024, 2024-03-31",
      "2025, 2025-04-20",
      "2026, 2026-04-05",
      "2027, 2027-03-28",
      "2038, 2038-04-25"})
  void easter_sunday(int year, LocalDate easter) {
    assertThat(ColombianHolidays.easterSunday(year)).isEqualTo(easter);
  }

  @Test
  void two_holidays_on_one_monday_are_both_listed() {
    // 2025: San Pedro (Sun 29 Jun) and Sagrado Corazón (Easter 20 Apr + 71) both fall on Mon 30 Jun.
    assertThat(holidays.of(2025)).hasSize(18)
        .filteredOn(holiday -> holiday.date().equals(LocalDate.of(2025, 6, 30)))
        .extracting(Holiday::name)
        .containsExactlyInAnyOrder("Sagrado Corazón de Jesús", "San Pedro y San Pablo");
  }

  @Test
  void tells_holidays_from_ordinary_days() {
    assertThat(holidays.isHoliday(LocalDate.of(2026, 4, 3))).isTrue();   // Viernes Santo
    assertThat(holidays.isHoliday(LocalDate.of(2026, 1, 6))).isFalse();  // moved to the 12th
    assertThat(holidays.isHoliday(LocalDate.of(2026, 12, 31))).isFalse();
    assertThat(holidays.isHoliday(LocalDate.of(2100, 1, 1))).isTrue();    // any year
  }

  @Test
  void every_year_has_eighteen_holidays_and_moved_ones_fall_on_monday() {
    for (int year = 1984; year <= 2100; year++) {
      int y = year;
      assertThat(holidays.of(year)).as("holidays of %d", year).hasSize(18)
          .allSatisfy(holiday -> assertThat(holiday.date().getYear()).isEqualTo(y))
          .filteredOn(holiday -> !ON_THE_DAY.contains(holiday.name()))
          .allSatisfy(holiday -> assertThat(holiday.date().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY));
    }
  }

  private static Holiday holiday(String date, String name) {
    return new Holiday(LocalDate.parse(date), name);
  }
}
