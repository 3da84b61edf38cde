package co.edu.idep.mesa.validation;

/** One rejected field, with a message for the person who filled it in. */
public record Violation(String field, String message) {}
