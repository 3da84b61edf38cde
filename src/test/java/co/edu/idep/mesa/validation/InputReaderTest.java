package co.edu.idep.mesa.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Free text: what shows nothing is blank, and what is not a character, or hides what it says, is refused. */
class InputReaderTest {

  static InputReader reading(String value) {
    Map<String, Object> input = new HashMap<>();
    input.put("subject", value);
    return new InputReader(input);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u202e\u200b\ufeff", "\u200b", " \u00a0\u2007 ", "\u00ad\u2060", "\t\n"})
  void textThatShowsNothingIsBlank(String value) {
    InputReader in = reading(value);
    assertThat(in.text("subject", "Asunto", true, 150)).isNull();
    assertThat(in.violations()).singleElement()
        .satisfies(v -> assertThat(v.message()).isEqualTo("El campo «Asunto» es obligatorio."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Factura \ud800 pendiente", "\udc00", "fin\ud83d", "Control \u0007 campana",
      "Pago a \u202eodnum", "Nombre \u2066aislado\u2069"})
  void loneSurrogatesControlsAndBidirectionalOverridesAreRefused(String value) {
    InputReader in = reading(value);
    assertThat(in.text("subject", "Asunto", true, 150)).isNull();
    assertThat(in.violations()).singleElement()
        .satisfies(v -> assertThat(v.message()).isEqualTo("El campo «Asunto» contiene caracteres no permitidos."));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Cañón de proyección dañado 😀", "Línea 1\nLínea 2\tcon tabulador", "ÁÉÍÓÚ ñ ü"})
  void ordinarySpanishTextEmojiAndLineBreaksPass(String value) {
    InputReader in = reading(value);
    assertThat(in.text("subject", "Asunto", true, 150)).isEqualTo(value);
    assertThat(in.violations()).isEmpty();
  }
}
