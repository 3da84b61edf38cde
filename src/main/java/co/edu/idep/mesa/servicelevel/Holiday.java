package co.edu.idep.mesa.servicelevel;

import java.time.LocalDate;
import java.util.Objects;

/** A Colombian public holiday: the day it is observed and its Spanish name. */
public record Holiday(LocalDate date, String name) {

  public Holiday {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(name, "name");
  }
}
