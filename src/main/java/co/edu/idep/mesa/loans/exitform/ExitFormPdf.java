package co.edu.idep.mesa.loans.exitform;

import co.edu.idep.mesa.ticket.SpanishDates;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes the "Formato para salida de equipos" (PRO-GT-12-10, step 5) as a PDF in Spanish, letter
 * size, to be printed and signed by whoever delivers, receives and authorises the equipment. One page,
 * unless the list of equipment runs long: then its header repeats and the signatures stay together.
 */
@Component
public class ExitFormPdf {

  static final String INSTITUTE = "Instituto para la Investigación Educativa y el Desarrollo Pedagógico — IDEP";
  static final String OFFICE = "Oficina Asesora de Planeación — Mesa de Servicios";
  static final String TITLE = "Formato para salida de equipos";
  static final String PROCEDURE = "PRO-GT-12-10";

  private static final DateTimeFormatter DATE = SpanishDates.SHORT_DATE;
  private static final DateTimeFormatter DATE_TIME = SpanishDates.SHORT_DATE_TIME;
  private static final Color SHADE = new Color(230, 230, 230);
  /** Rows left blank in the equipment table when none is given, to be filled in by hand. */
  private static final int BLANK_ITEM_ROWS = 3;

  // The standard Helvetica in WinAnsi (cp1252): accents, ñ and the dash print and extract as
  // written, with nothing embedded. Characters outside cp1252 would be lost; Spanish has none.
  private static final BaseFont HELVETICA = font(BaseFont.HELVETICA);
  private static final BaseFont HELVETICA_BOLD = font(BaseFont.HELVETICA_BOLD);

  private static final Font TEXT = new Font(HELVETICA, 9);
  private static final Font SMALL = new Font(HELVETICA, 7.5f, Font.NORMAL, Color.DARK_GRAY);
  private static final Font BOLD = new Font(HELVETICA_BOLD, 9);
  private static final Font HEADING = new Font(HELVETICA_BOLD, 10);
  private static final Font TITLE_FONT = new Font(HELVETICA_BOLD, 13);

  private final ZoneId zone;

  public ExitFormPdf(@Value("${mesa.zone-id}") ZoneId zone) {
    this.zone = zone;
  }

  public byte[] render(ExitForm form) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.LETTER, 50, 50, 45, 50);
    PdfWriter writer = PdfWriter.getInstance(document, out);
    writer.setPageEvent(new Footer(form.ticketCode()));
    document.addTitle(TITLE + (form.ticketCode() == null ? "" : " — " + form.ticketCode()));
    document.addAuthor(INSTITUTE);
    document.addCreator("Mesa de Servicios IDEP");
    document.open();
    document.add(header(form));
    document.add(section("Datos del solicitante"));
    document.add(fields(
        "Nombre", form.requesterName(),
        "Usuario", form.requesterLogin(),
        "Identificación", join(form.requesterIdType(), form.requesterIdNumber())));
    document.add(section("Equipos que salen del Instituto"));
    document.add(items(form));
    document.add(section("Préstamo"));
    document.add(fields(
        "Fecha de inicio", date(form.startDate()),
        "Fecha de devolución", date(form.endDate()),
        "Lugar de uso", form.usePlace()));
    document.add(section("Firmas"));
    document.add(signatures());
    document.close();
    return out.toByteArray();
  }

  private PdfPTable header(ExitForm form) {
    PdfPTable table = table(new float[] {30, 30, 40});
    PdfPCell institute = cell(null, Rectangle.BOX);
    institute.setColspan(3);
    institute.addElement(new Paragraph(INSTITUTE, HEADING));
    institute.addElement(new Paragraph(OFFICE, TEXT));
    institute.setPaddingBottom(6);
    table.addCell(institute);
    PdfPCell banner = cell(new Phrase(TITLE, TITLE_FONT), Rectangle.BOX);
    banner.setColspan(3);
    banner.setHorizontalAlignment(Element.ALIGN_CENTER);
    banner.setPadding(8);
    banner.setBackgroundColor(SHADE);
    table.addCell(banner);
    table.addCell(cell(new Phrase("Procedimiento: " + PROCEDURE, TEXT), Rectangle.BOX));
    table.addCell(cell(new Phrase("Ticket: " + blank(form.ticketCode()), BOLD), Rectangle.BOX));
    table.addCell(cell(new Phrase("Expedido: " + dateTime(form.issuedAt()), TEXT), Rectangle.BOX));
    return table;
  }

  private Paragraph section(String name) {
    Paragraph section = new Paragraph(name, HEADING);
    section.setSpacingBefore(12);
    section.setSpacingAfter(4);
    return section;
  }

  /** Label and value pairs; an empty value is a line to write on. */
  private PdfPTable fields(String... labelsAndValues) {
    PdfPTable table = table(new float[] {25, 75});
    for (int i = 0; i < labelsAndValues.length; i += 2) {
      table.addCell(cell(new Phrase(labelsAndValues[i], BOLD), Rectangle.NO_BORDER));
      table.addCell(cell(new Phrase(blank(labelsAndValues[i + 1]), TEXT), Rectangle.BOTTOM));
    }
    return table;
  }

  private PdfPTable items(ExitForm form) {
    PdfPTable table = table(new float[] {16, 40, 24, 20});
    table.setHeaderRows(1);
    for (String column : new String[] {"Placa", "Descripción", "Marca / modelo", "Serial"}) {
      PdfPCell cell = cell(new Phrase(column, BOLD), Rectangle.BOX);
      cell.setBackgroundColor(SHADE);
      table.addCell(cell);
    }
    for (ExitForm.Item item : form.items()) {
      for (String value : new String[] {item.tag(), item.description(), item.brandModel(), item.serialNumber()}) {
        table.addCell(cell(new Phrase(blank(value), TEXT), Rectangle.BOX));
      }
    }
    for (int i = form.items().isEmpty() ? 0 : BLANK_ITEM_ROWS; i < BLANK_ITEM_ROWS; i++) {
      for (int column = 0; column < 4; column++) table.addCell(cell(new Phrase("", TEXT), Rectangle.BOX));
    }
    return table;
  }

  /** Who delivers, who receives and who authorises, each with a line to sign, name and cédula. */
  private PdfPTable signatures() {
    PdfPTable table = table(new float[] {1, 1, 1});
    table.setKeepTogether(true);
    table.addCell(signature("Entrega", "Quien entrega los equipos"));
    table.addCell(signature("Recibe", "Quien recibe los equipos"));
    table.addCell(signature("Autoriza", "Quien autoriza la salida"));
    return table;
  }

  private PdfPCell signature(String role, String who) {
    PdfPTable lines = table(new float[] {1});
    lines.addCell(cell(new Phrase(role, HEADING), Rectangle.NO_BORDER));
    lines.addCell(cell(new Phrase(who, SMALL), Rectangle.NO_BORDER));
    for (String line : new String[] {"Firma:", "Nombre:", "Cédula:"}) {
      PdfPCell cell = cell(new Phrase(line, SMALL), Rectangle.BOTTOM);
      cell.setMinimumHeight(line.equals("Firma:") ? 40 : 24);
      cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
      lines.addCell(cell);
    }
    PdfPCell cell = new PdfPCell(lines);
    cell.setBorder(Rectangle.BOX);
    cell.setPadding(6);
    return cell;
  }

  private static PdfPTable table(float[] widths) {
    PdfPTable table = new PdfPTable(widths);
    table.setWidthPercentage(100);
    return table;
  }

  private static PdfPCell cell(Phrase phrase, int border) {
    PdfPCell cell = phrase == null ? new PdfPCell() : new PdfPCell(phrase);
    cell.setBorder(border);
    cell.setPadding(4);
    cell.setMinimumHeight(18);
    return cell;
  }

  private String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(zone)) + " (hora de Bogotá)";
  }

  private static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  private static String join(String type, String number) {
    return (blank(type) + " " + blank(number)).strip();
  }

  private static String blank(String value) {
    return value == null ? "" : value;
  }

  private static BaseFont font(String name) {
    try {
      return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The ticket and the page at the foot of every page, should the equipment list run long. */
  private static final class Footer extends PdfPageEventHelper {

    private final String ticketCode;

    Footer(String ticketCode) {
      this.ticketCode = ticketCode;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
      String line = "Mesa de Servicios IDEP · " + PROCEDURE
          + (ticketCode == null ? "" : " · Ticket " + ticketCode) + " · Página " + writer.getPageNumber();
      PdfContentByte canvas = writer.getDirectContent();
      canvas.beginText();
      canvas.setFontAndSize(HELVETICA, 7.5f);
      canvas.showTextAligned(Element.ALIGN_CENTER, line, (document.left() + document.right()) / 2,
          document.bottom() - 20, 0);
      canvas.endText();
    }
  }
}
