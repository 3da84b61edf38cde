package co.edu.idep.mesa.inventory;

/**
 * Why one row of a CSV import was refused: its line in the file (the header is line 1), the column
 * (null for the row or the file as a whole) and a Spanish message.
 */
public record RowError(Long line, String field, String message) {}
