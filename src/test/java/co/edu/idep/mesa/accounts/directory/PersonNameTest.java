package co.edu.idep.mesa.accounts.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** "Nombres y apellidos" split as Colombians write them: the last two words are the surnames. */
class PersonNameTest {

  @ParameterizedTest(name = "{0} → {1} / {2}")
  @CsvSource(delimiter = '|', textBlock = """
      Juan Pérez                             | Juan                 | Pérez
      Juan Pérez Gómez                       | Juan                 | Pérez Gómez
      María Fernanda Pérez Ñáñez             | María Fernanda       | Pérez Ñáñez
      Ana María Luisa Rojas Díaz             | Ana María Luisa      | Rojas Díaz
      María de los Ángeles Díaz de la Torre  | María de los Ángeles | Díaz de la Torre
      Juan de la Torre                       | Juan                 | de la Torre
      """)
  void splitsGivenNamesAndSurnames(String fullName, String given, String surnames) {
    PersonName name = PersonName.parse(fullName);

    assertThat(name.givenNames()).isEqualTo(given);
    assertThat(name.surnames()).isEqualTo(surnames);
    assertThat(name.displayName()).isEqualTo(fullName);
  }

  @Test
  void spacesAndControlCharactersBecomeOneSpaceAndTheEndsAreTrimmed() {
    PersonName name = PersonName.parse(" \t José\u00A0\u00A0Ángel \n Núñez   Ñústez  ");

    assertThat(name.displayName()).isEqualTo("José Ángel Núñez Ñústez");
    assertThat(new PersonName("  Ana ", "  ").displayName()).isEqualTo("Ana");
  }

  @Test
  void someoneWithOneNameHasItAsSurnameToo() {
    PersonName name = PersonName.parse("Cher");

    assertThat(name.surnames()).isEmpty();
    assertThat(name.surnameOrName()).isEqualTo("Cher");
    assertThatThrownBy(() -> PersonName.parse("   ")).hasMessage("El nombre de la persona es obligatorio.");
  }
}
