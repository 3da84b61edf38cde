package co.edu.idep.mesa.escalation.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a contract is in force: from its first day to its last, both included. */
class SupportContractTest {

  static final LocalDate START = LocalDate.of(2026, 1, 15);
  static final LocalDate END = LocalDate.of(2027, 1, 14);
  static final SupportContract CONTRACT = new SupportContract(1, 1, "CPS-101-2026", START, END, 8, 40);

  @Test
  void inForceFromTheFirstDayToTheLastBothIncluded() {
    assertThat(CONTRACT.inForceOn(LocalDate.of(2026, 1, 14))).as("the day before the start").isFalse();
    assertThat(CONTRACT.inForceOn(LocalDate.of(2026, 1, 15))).as("the start").isTrue();
    assertThat(CONTRACT.inForceOn(LocalDate.of(2026, 11, 30))).as("in between").isTrue();
    assertThat(CONTRACT.inForceOn(LocalDate.of(2027, 1, 13))).as("the day before the end").isTrue();
    assertThat(CONTRACT.inForceOn(LocalDate.of(2027, 1, 14))).as("the end").isTrue();
    assertThat(CONTRACT.inForceOn(LocalDate.of(2027, 1, 15))).as("the day after the end").isFalse();
  }

  @Test
  void aOneDayContractIsInForceOnThatDayOnly() {
    SupportContract oneDay = new SupportContract(2, 1, "CPS-1", START, START, 1, 1);
    assertThat(oneDay.inForceOn(START.minusDays(1))).isFalse();
    assertThat(oneDay.inForceOn(START)).isTrue();
    assertThat(oneDay.inForceOn(START.plusDays(1))).isFalse();
  }

  @Test
  void ofSeveralInForceTheOneEndingLastAnswersAndOfTheSameEndTheLastRegistered() {
    SupportContract expired = new SupportContract(1, 1, "CPS-077-2025", LocalDate.of(2025, 2, 1),
        LocalDate.of(2025, 12, 31), 8, 40);
    SupportContract current = new SupportContract(2, 1, "CPS-140-2026", LocalDate.of(2026, 2, 1),
        LocalDate.of(2027, 1, 31), 8, 40);
    SupportContract renewal = new SupportContract(3, 1, "CPS-150-2027", LocalDate.of(2027, 1, 15),
        LocalDate.of(2028, 1, 14), 4, 24);
    SupportContract sameEnd = new SupportContract(4, 1, "CPS-151-2027", LocalDate.of(2027, 1, 20),
        LocalDate.of(2028, 1, 14), 4, 24);
    List<SupportContract> all = List.of(sameEnd, renewal, current, expired);

    assertThat(SupportContract.inForce(all, LocalDate.of(2025, 12, 31))).contains(expired);
    assertThat(SupportContract.inForce(all, LocalDate.of(2026, 1, 15))).as("between two contracts").isEmpty();
    assertThat(SupportContract.inForce(all, LocalDate.of(2027, 1, 14))).contains(current);
    assertThat(SupportContract.inForce(all, LocalDate.of(2027, 1, 15))).as("the renewal ends last").contains(renewal);
    assertThat(SupportContract.inForce(all, LocalDate.of(2027, 1, 20))).as("same end: the last registered")
        .contains(sameEnd);
    assertThat(SupportContract.inForce(List.of(), LocalDate.of(2026, 6, 1))).isEmpty();
  }

  @Test
  void aContractNeverEndsBeforeItStarts() {
    assertThatThrownBy(() -> new SupportContract(1, 1, "CPS-1", END, START, 8, 40))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SupportContract(1, 1, "CPS-1", null, END, 8, 40))
        .isInstanceOf(NullPointerException.class);
  }
}
