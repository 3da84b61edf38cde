package co.edu.idep.mesa.accounts.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Login names from people's names: first given name, dot, first surname; [a-z0-9.] only; 20 at most. */
class LoginNamesTest {

  private static String login(String fullName) {
    return LoginNames.base(PersonName.parse(fullName));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Julián Ñungo                         | julian.nungo
      María Fernanda Pérez Ñáñez           | maria.perez
      ÁLVARO ÚRSULA                        | alvaro.ursula
      Inés Güell Çelik                     | ines.guell
      Zoë Brontë                           | zoe.bronte
      Søren Straße Łukasz                  | soren.strasse
      Æthel Œuvre                          | aethel.oeuvre
      '   Juan    Pérez   '                | juan.perez
      Jean-Paul O'Neil                     | jeanpaul.oneil
      Ana María D’Alessandro-Ruiz López    | ana.dalessandroruiz
      Juan de la Torre                     | juan.delatorre
      María de los Ángeles Díaz de la Torre | maria.diaz
      Juan Carlos de Brigard Pérez         | juan.debrigard
      Cher                                 | cher
      """)
  void foldsAccentsEnyeSpacesHyphensAndApostrophes(String fullName, String expected) {
    assertThat(login(fullName)).isEqualTo(expected).matches("[a-z0-9.]+");
  }

  @Test
  void theCharactersOfLdapNeverReachTheLoginName() {
    assertThat(LoginNames.base(new PersonName("*)(uid=*", "Pé\\rez, =+<>#;\""))).isEqualTo("uid.perez");
    assertThatThrownBy(() -> LoginNames.base(new PersonName("*()", "#;")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("El nombre de la persona no tiene letras con las que formar el usuario.");
  }

  @Test
  void collisionsGetANumberFromTwoOn() {
    assertThat(LoginNames.candidate("juan.perez", 1)).isEqualTo("juan.perez");
    assertThat(LoginNames.candidate("juan.perez", 2)).isEqualTo("juan.perez2");
    assertThat(LoginNames.candidate("juan.perez", 3)).isEqualTo("juan.perez3");
    assertThat(LoginNames.candidate("juan.perez", 10)).isEqualTo("juan.perez10");
  }

  @Test
  void longNamesAreCutToTwentyCharactersSoThatTheNumberFits() {
    String base = login("Maximiliano Altamirano Villavicencio");

    assertThat(base).isEqualTo("maximiliano.altamirano");
    assertThat(LoginNames.candidate(base, 1)).isEqualTo("maximiliano.altamira").hasSize(20);
    assertThat(LoginNames.candidate(base, 2)).isEqualTo("maximiliano.altamir2").hasSize(20);
    assertThat(LoginNames.candidate(base, 12)).isEqualTo("maximiliano.altami12").hasSize(20);
    // A cut that would end in the dot drops it.
    assertThat(LoginNames.candidate("bartolomeoalejandro.ruiz", 2)).isEqualTo("bartolomeoalejandro2");
  }
}
