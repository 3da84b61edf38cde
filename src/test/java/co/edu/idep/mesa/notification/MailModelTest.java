package co.edu.idep.mesa.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a model may hold, checked when a step enqueues it: the template sees at delivery exactly the
 * checked model, read back from the outbox's JSON.
 */
class MailModelTest {

  @Test
  void whatTheTemplateSeesAtDeliveryIsTheCheckedModel() {
    Map<String, Object> model = new HashMap<>();
    model.put("code", "MDS-2026-000042");
    model.put("score", 4);
    model.put("big", 12_345_678_901L);
    model.put("huge", new BigInteger("123456789012345678901234567890"));
    model.put("short", (short) 3);
    model.put("hours", 1.5);
    model.put("ratio", 0.1f);
    model.put("exact", new BigDecimal("2.50"));
    model.put("approved", true);
    model.put("group", null);
    model.put("day", LocalDate.of(2026, 3, 2));
    model.put("at", OffsetDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneOffset.ofHours(-5)));
    model.put("instant", Instant.parse("2026-03-02T14:30:00Z"));
    model.put("rows", List.of(Map.of("topic", "Soporte", "count", 3), List.of("a", false)));

    Map<String, Object> checked = MailModel.checked("prueba", model);

    assertThat(checked).containsEntry("short", 3).containsEntry("hours", new BigDecimal("1.5"))
        .containsEntry("ratio", new BigDecimal("0.1")).containsEntry("day", "2026-03-02")
        .containsEntry("at", "2026-03-02T09:30:00-05:00").containsEntry("instant", "2026-03-02T14:30:00Z")
        .containsEntry("group", null);
    assertThat(checked.keySet()).startsWith("approved", "at", "big"); // sorted: the stored JSON reads the same every time
    Map<String, Object> delivered = MailModel.fromJson(MailModel.toJson("prueba", checked));
    assertThat(delivered).isEqualTo(checked);
    assertThat(delivered.get("exact")).isEqualTo(new BigDecimal("2.50"));
  }

  @Test
  void anythingElseIsRefusedAtEnqueueNamingTheKeyAndTheType() {
    assertThatThrownBy(() -> MailModel.checked("ticket-registrado", Map.of("created", new Date(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The model of mail template «ticket-registrado» holds a java.util.Date at «created»: a mail model"
            + " holds only text, numbers, booleans, java.time dates (stored as ISO text), null, and lists and maps of those");
    assertThatThrownBy(() -> MailModel.checked("t", Map.of("rows", List.of(Map.of("state", Thread.State.NEW)))))
        .hasMessageContaining("a java.lang.Thread$State at «rows[0].state»");
    assertThatThrownBy(() -> MailModel.checked("t", Map.of("tags", Set.of("a")))).hasMessageContaining("at «tags»");
    assertThatThrownBy(() -> MailModel.checked("t", Map.of("n", Double.NaN))).hasMessageContaining("not finite");
    assertThatThrownBy(() -> MailModel.checked("t", Map.of("m", Map.of(1, "x"))))
        .hasMessageContaining("a key that is not a non-empty text (a java.lang.Integer) at «m»");
    Object deep = "x";
    for (int i = 0; i < 12; i++) deep = List.of(deep);
    Object tooDeep = deep;
    assertThatThrownBy(() -> MailModel.checked("t", Map.of("deep", tooDeep))).hasMessageContaining("nested more than");
  }
}
