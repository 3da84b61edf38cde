package co.edu.idep.mesa.ticket;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out codes {@code MDS-<year>-<6 digits>}, sequential per year. Each number is taken in a
 * short transaction of its own, under the row lock of the year's counter, so concurrent
 * registrations never get the same code and a number, once handed out, is never handed out again
 * (a registration that fails afterwards leaves a gap rather than a reused code).
 */
@Component
public class TicketCodeGenerator {

  private final JdbcClient jdbc;
  private final TransactionTemplate newTransaction;

  public TicketCodeGenerator(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String next(int year) {
    int number = nextNumber(year);
    if (number > 999_999) {
      throw new IllegalStateException("The ticket numbers of " + year + " are exhausted");
    }
    return "MDS-%d-%06d".formatted(year, number);
  }

  private int nextNumber(int year) {
    try {
      return newTransaction.execute(status -> increment(year));
    } catch (DuplicateKeyException firstOfTheYearTakenConcurrently) {
      return newTransaction.execute(status -> increment(year));
    }
  }

  private int increment(int year) {
    int updated = jdbc.sql("update ticket_sequence set last_number = last_number + 1 where ticket_year = ?")
        .param(year).update();
    if (updated == 0) {
      jdbc.sql("insert into ticket_sequence (ticket_year, last_number) values (?, 1)").param(year).update();
      return 1;
    }
    return jdbc.sql("select last_number from ticket_sequence where ticket_year = ?")
        .param(year).query(Integer.class).single();
  }
}
