package co.edu.idep.mesa.loans.exitform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The exit form as a person reads it: its text, extracted by another library (PDFBox) than the writer. */
class ExitFormPdfTest {

  private final ExitFormPdf pdf = new ExitFormPdf(ZoneId.of("America/Bogota"));

  private static final List<ExitForm.Item> ITEMS = List.of(
      new ExitForm.Item("IDEP-00123", "Portátil para presentación", "Lenovo ThinkPad E14", "PF3ÑX9A1"),
      new ExitForm.Item("IDEP-00456", "Videoproyector", "Epson PowerLite 119W", "X4KF120993"),
      new ExitForm.Item("IDEP-00789", "Cámara web con micrófono", "Logitech C920", "2231LZ0ABC"));

  private static ExitForm form(List<ExitForm.Item> items) {
    // 19:05 UTC is 14:05 in Bogotá (UTC-5, no daylight saving).
    return new ExitForm("MDS-2026-000042", "José Ñáñez Peña", "jnanez", "CC", "80123456", items,
        LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 20), "Auditorio, sede principal",
        Instant.parse("2026-03-15T19:05:00Z"));
  }

  @Test
  void carriesTheTicketTheRequesterTheEquipmentTheDatesAndThreeSignatureBlocksInSpanish() throws IOException {
    byte[] bytes = pdf.render(form(ITEMS));

    assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(bytes)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      PDRectangle page = document.getPage(0).getMediaBox();
      assertThat(page.getWidth()).isEqualTo(PDRectangle.LETTER.getWidth());
      assertThat(page.getHeight()).isEqualTo(PDRectangle.LETTER.getHeight());
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("Formato para salida de equipos — MDS-2026-000042");

      String text = words(new PDFTextStripper().getText(document));
      assertThat(text).contains(
          "Instituto para la Investigación Educativa y el Desarrollo Pedagógico — IDEP",
          "Oficina Asesora de Planeación — Mesa de Servicios",
          "Formato para salida de equipos",
          "PRO-GT-12-10",
          "MDS-2026-000042",
          "15/03/2026 14:05",
          "José Ñáñez Peña",
          "jnanez",
          "CC 80123456",
          "16/03/2026",
          "20/03/2026",
          "Auditorio, sede principal",
          "Placa", "Descripción", "Marca / modelo", "Serial");
      for (ExitForm.Item item : ITEMS) {
        assertThat(text).contains(item.tag(), item.serialNumber(), item.description(), item.brandModel());
      }
      assertThat(text).contains("Entrega", "Recibe", "Autoriza");
      assertThat(occurrences(text, "Firma:")).isEqualTo(3);
      assertThat(occurrences(text, "Nombre:")).isEqualTo(3);
      assertThat(occurrences(text, "Cédula:")).isEqualTo(3);
      // Nothing lost in the encoding: no replacement marks where an accent or ñ was.
      assertThat(text).doesNotContain("?", "\uFFFD");
    }
  }

  @Test
  void missingDataPrintsAsBlankLinesNeverAsNull() throws IOException {
    ExitForm empty = new ExitForm(null, null, null, null, null, null, null, null, null, null);
    List<ExitForm.Item> partial = new ArrayList<>();
    partial.add(new ExitForm.Item("IDEP-00123", null, null, null));
    partial.add(null);
    ExitForm someMissing = new ExitForm("MDS-2026-000043", "Ana Rodríguez", null, "CC", null, partial,
        LocalDate.of(2026, 3, 16), null, null, Instant.parse("2026-03-15T19:05:00Z"));

    for (ExitForm form : List.of(empty, someMissing)) {
      String text = text(pdf.render(form));
      assertThat(text).doesNotContainIgnoringCase("null")
          .contains("Formato para salida de equipos", "PRO-GT-12-10", "Entrega", "Recibe", "Autoriza");
    }
    assertThat(text(pdf.render(someMissing))).contains("IDEP-00123", "Ana Rodríguez", "16/03/2026");
  }

  @Test
  void aLongListOfEquipmentRunsOnToMorePagesWithTheTableHeaderAndTheSignaturesKeptWhole() throws IOException {
    List<ExitForm.Item> many = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      many.add(new ExitForm.Item("IDEP-%05d".formatted(i), "Portátil número " + i, "Lenovo", "SER-" + i));
    }

    try (PDDocument document = Loader.loadPDF(pdf.render(form(many)))) {
      assertThat(document.getNumberOfPages()).isGreaterThan(1);
      PDFTextStripper stripper = new PDFTextStripper();
      String all = words(stripper.getText(document));
      assertThat(all).contains("IDEP-00001", "IDEP-00040", "SER-40");
      stripper.setStartPage(document.getNumberOfPages());
      String last = words(stripper.getText(document));
      assertThat(last).contains("Marca / modelo", "Entrega", "Recibe", "Autoriza",
          "Página " + document.getNumberOfPages());
    }
  }

  private static String text(byte[] bytes) throws IOException {
    try (PDDocument document = Loader.loadPDF(bytes)) {
      return words(new PDFTextStripper().getText(document));
    }
  }

  /** The text with every run of spaces and line breaks as one space: where a line wraps is layout. */
  private static String words(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private static int occurrences(String text, String part) {
    return (text.length() - text.replace(part, "").length()) / part.length();
  }
}
