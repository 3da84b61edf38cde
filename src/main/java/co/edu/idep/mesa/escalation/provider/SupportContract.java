package co.edu.idep.mesa.escalation.provider;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A support contract with a provider: its number, the days it runs and the agreed response and
 * resolution times, in hours. The hours are the contract's figures as written; whether they count
 * working or calendar hours is for whoever measures them to say.
 */
public record SupportContract(long id, long providerId, String number, LocalDate startsOn, LocalDate endsOn,
    int responseHours, int resolutionHours) {

  /** How a number is written: capitals, digits, dots, hyphens and underscores (CPS-101-2026). */
  public static final String NUMBER_PATTERN = "[A-Z0-9._-]{1,40}";

  /** The longest agreed time: a year of hours. */
  public static final int MAX_HOURS = 8760;

  public SupportContract {
    Objects.requireNonNull(startsOn, "startsOn");
    Objects.requireNonNull(endsOn, "endsOn");
    if (endsOn.isBefore(startsOn)) {
      throw new IllegalArgumentException("A contract cannot end (" + endsOn + ") before it starts (" + startsOn + ")");
    }
  }

  /**
   * Whether the contract is in force on {@code day}: from {@code startsOn} to {@code endsOn}, both
   * days included — a contract "del 15 de enero al 14 de enero" covers the whole of both days, as
   * contracts are written. The day is the Institute's (Bogotá), not the server's.
   */
  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(startsOn) && !day.isAfter(endsOn);
  }

  /**
   * Of several contracts, the one in force on {@code day}; when more than one is (a renewal signed
   * before the old one ended), the one that ends last, and of those the last registered (highest id).
   */
  public static Optional<SupportContract> inForce(Collection<SupportContract> contracts, LocalDate day) {
    return contracts.stream().filter(c -> c.inForceOn(day))
        .max(Comparator.comparing(SupportContract::endsOn).thenComparingLong(SupportContract::id));
  }

  /** A number as people type it (spaces, lower case) in its stored form. */
  public static String normalNumber(String typed) {
    return typed == null ? null : typed.strip().toUpperCase(Locale.ROOT);
  }
}
