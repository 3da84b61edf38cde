package co.edu.idep.mesa.web;

/** The one wording of "too busy, come back in a moment", for every way an overload shows. */
public final class Overload {

  private Overload() {}

  public static String message(long retryAfterSeconds) {
    return "La Mesa de Servicios está atendiendo muchas solicitudes en este momento. "
        + "Su solicitud no se procesó ni cambió nada; intente de nuevo en " + retryAfterSeconds + " segundos.";
  }
}
