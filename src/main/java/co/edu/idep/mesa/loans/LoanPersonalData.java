package co.edu.idep.mesa.loans;

import co.edu.idep.mesa.privacy.PersonalDataKeeper;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The loan keeps who received the equipment: masked with the ticket (Ley 1581 de 2012). */
@Component
class LoanPersonalData implements PersonalDataKeeper {

  private final JdbcClient jdbc;

  LoanPersonalData(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
  }

  @Override
  public List<String> values(String ticketCode) {
    return jdbc.sql("select received_by from loan where ticket_code = ?").param(ticketCode).query(String.class).list()
        .stream().filter(Objects::nonNull).toList();
  }

  @Override
  public void mask(String ticketCode, String mask) {
    jdbc.sql("update loan set received_by = ? where ticket_code = ? and received_by is not null")
        .params(mask, ticketCode).update();
  }
}
