package co.edu.idep.mesa.document;

import java.time.OffsetDateTime;

/** A document of a ticket without its content: what a listing shows. */
public record DocumentInfo(String name, String contentType, int sizeBytes, OffsetDateTime createdAt,
    String createdBy) {}
