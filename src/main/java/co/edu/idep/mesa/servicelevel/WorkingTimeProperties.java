package co.edu.idep.mesa.servicelevel;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mesa.working-time.*}: when the help desk works, and so when service-level targets count.
 * Anything left out takes the institute's hours, so that plain Java (tests) and Spring get the
 * same defaults from one place. See application.yaml.
 *
 * @param zone where the hours are read; Bogotá has no daylight saving time
 * @param days the weekdays worked; public holidays are skipped on top of these
 * @param opens when a working day starts
 * @param closes when a working day ends
 * @param lunch a break inside the day that does not count, or {@code null} for none
 */
@ConfigurationProperties("mesa.working-time")
public record WorkingTimeProperties(ZoneId zone, Set<DayOfWeek> days, LocalTime opens, LocalTime closes,
    Break lunch) {

  public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Bogota");
  public static final Set<DayOfWeek> DEFAULT_DAYS =
      Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
  public static final LocalTime DEFAULT_OPENS = LocalTime.of(7, 0);
  public static final LocalTime DEFAULT_CLOSES = LocalTime.of(16, 30);

  public WorkingTimeProperties {
    zone = zone != null ? zone : DEFAULT_ZONE;
    days = days != null ? Set.copyOf(days) : DEFAULT_DAYS;
    opens = opens != null ? opens : DEFAULT_OPENS;
    closes = closes != null ? closes : DEFAULT_CLOSES;
  }

  /** Monday to Friday, 7:00 to 16:30 in Bogotá, no lunch break. */
  public static WorkingTimeProperties defaults() {
    return new WorkingTimeProperties(null, null, null, null, null);
  }

  /** A break inside the working day, e.g. 12:00 to 13:00. */
  public record Break(LocalTime start, LocalTime end) {}
}
