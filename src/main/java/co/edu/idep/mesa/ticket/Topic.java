package co.edu.idep.mesa.ticket;

import java.util.Arrays;
import java.util.Optional;

/** The seven help topics ("Temas de Ayuda") of PRO-GT-12-10 step 2. */
public enum Topic {
  CUENTA_USUARIO("Creación de Cuentas de Usuario"),
  PRESTAMO_COMUNICACIONES("Préstamo de equipos de Comunicaciones"),
  PRESTAMO_COMPUTO("Préstamo de equipos de cómputo"),
  SOPORTE_TECNICO("Solicitud de Soporte Técnico"),
  SOPORTE_GOOBI("Soporte Sistema Goobi"),
  SOPORTE_HUMANO("Soporte Sistema Humano"),
  SOPORTE_WEB("Soporte Sistema Web");

  private final String label;

  Topic(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean isLoan() {
    return this == PRESTAMO_COMPUTO || this == PRESTAMO_COMUNICACIONES;
  }

  public boolean isSystemSupport() {
    return this == SOPORTE_GOOBI || this == SOPORTE_HUMANO || this == SOPORTE_WEB;
  }

  public static Optional<Topic> fromCode(Object code) {
    return Arrays.stream(values()).filter(t -> t.name().equals(code)).findFirst();
  }
}
