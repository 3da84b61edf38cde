package co.edu.idep.mesa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Mesa de Servicios del IDEP: el procedimiento PRO-GT-12-10 ejecutado en Camunda 7. */
@SpringBootApplication
public class MesaDeServiciosApplication {

  public static void main(String[] args) {
    SpringApplication.run(MesaDeServiciosApplication.class, args);
  }
}
