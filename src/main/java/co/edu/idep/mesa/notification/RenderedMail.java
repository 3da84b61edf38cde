package co.edu.idep.mesa.notification;

/** A template rendered: the subject, and the same message as HTML and as plain text. */
public record RenderedMail(String subject, String html, String text) {}
