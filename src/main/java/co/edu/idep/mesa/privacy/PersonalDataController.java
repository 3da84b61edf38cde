package co.edu.idep.mesa.privacy;

import co.edu.idep.mesa.web.ApiError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/tickets/{code}/personal-data/mask}: for the head of the office (SecurityConfiguration). */
@RestController
public class PersonalDataController {

  private final PersonalDataMasking masking;

  public PersonalDataController(PersonalDataMasking masking) {
    this.masking = masking;
  }

  @PostMapping("/api/tickets/{code}/personal-data/mask")
  public ResponseEntity<ApiError> mask(@PathVariable String code) {
    return switch (masking.mask(code)) {
      case MASKED -> ResponseEntity.ok(ApiError.of("Los datos personales del ticket quedaron enmascarados."));
      case NOT_FOUND -> ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(ApiError.of("No existe un ticket con el código indicado."));
      case NOT_CLOSED -> ResponseEntity.status(HttpStatus.CONFLICT)
          .body(ApiError.of("Solo se pueden enmascarar los datos de un ticket cerrado."));
    };
  }
}
