package co.edu.idep.mesa.document;

import co.edu.idep.mesa.privacy.PersonalDataKeeper;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A generated document (the exit form) prints the requester's name and identification: masking the
 * ticket deletes its documents, which were made to be printed and signed on paper.
 */
@Component
class DocumentPersonalData implements PersonalDataKeeper {

  private final JdbcClient jdbc;

  DocumentPersonalData(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<String> values(String ticketCode) {
    return List.of();
  }

  @Override
  public void mask(String ticketCode, String mask) {
    jdbc.sql("delete from ticket_document where ticket_code = ?").param(ticketCode).update();
  }
}
