package co.edu.idep.mesa.privacy;

import java.util.List;

/**
 * Personal data that a capability keeps about a ticket outside the ticket's record (who received a
 * loan, a generated form with the requester's identification): masked together with the record.
 */
public interface PersonalDataKeeper {

  /** The personal values kept for the ticket, which the timeline may repeat and masking replaces there too. */
  List<String> values(String ticketCode);

  /** Replaces them with {@code mask}, or deletes what cannot be masked. */
  void mask(String ticketCode, String mask);
}
