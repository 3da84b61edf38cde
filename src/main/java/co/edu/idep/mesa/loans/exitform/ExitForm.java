package co.edu.idep.mesa.loans.exitform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the "Formato para salida de equipos" (PRO-GT-12-10, step 5) carries: the ticket, the
 * requester and his identification, the equipment that leaves the institute, the loan's dates and
 * place of use, and when the form was issued. Any field may be null: it prints as a blank line to
 * be filled in by hand.
 */
public record ExitForm(String ticketCode, String requesterName, String requesterLogin, String requesterIdType,
    String requesterIdNumber, List<Item> items, LocalDate startDate, LocalDate endDate, String usePlace,
    Instant issuedAt) {

  /** One piece of equipment, by its asset tag ("placa"). */
  public record Item(String tag, String description, String brandModel, String serialNumber) {}

  public ExitForm {
    items = items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
  }
}
