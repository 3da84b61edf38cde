package co.edu.idep.mesa.portal;

import co.edu.idep.mesa.ticket.SpanishDates;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** What the pages «Mis tickets» show, ready for the templates: Spanish labels, Bogotá times. */
public final class Views {

  static final Locale SPANISH = SpanishDates.SPANISH;
  private static final DateTimeFormatter SHOWN = SpanishDates.SHORT_DATE_TIME;

  private Views() {}

  /** A moment as people read it ({@code text}, in the institute's zone) and as a machine does ({@code iso}). */
  public record When(String iso, String text) {
    static When of(OffsetDateTime time, ZoneId zone) {
      if (time == null) return null;
      OffsetDateTime local = time.atZoneSameInstant(zone).toOffsetDateTime();
      return new When(local.toString(), SHOWN.format(local));
    }
  }

  /** One line of the list. */
  public record Row(String code, String topic, String subject, String state, boolean closed, When openedAt,
      When changedAt, List<Due> dueTimes) {}

  /** A service-level target: its name, when it is (or was) due, and where it stands. */
  public record Due(String label, When dueAt, String state, boolean breached) {}

  /** A field of the ticket: its Spanish label and its value as text. */
  public record Shown(String label, String value) {}

  /** A timeline entry: who, when, what. */
  public record Entry(When at, String who, String what, String body) {}

  /** A task of the ticket that waits on the reader, or on his group, with its Tasklist link. */
  public record Waiting(String name, When since, When due, String href, boolean forGroup) {}

  /** A document of the ticket; its link is {@code /mis-tickets/{code}/documentos/{name}}. */
  public record Document(String name, String label, String type, String size, When createdAt) {}

  /** A ticket's page. */
  public record Page(String code, String subject, String topic, String state, boolean closed, List<Shown> fields,
      String description, List<Due> dueTimes, List<Waiting> waiting, List<Document> documents,
      List<Entry> timeline, boolean ownTicket) {}
}
