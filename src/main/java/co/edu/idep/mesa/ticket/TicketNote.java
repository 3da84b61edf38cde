package co.edu.idep.mesa.ticket;

import java.time.OffsetDateTime;

/** One entry of a ticket's timeline: who, when, what. */
public record TicketNote(OffsetDateTime createdAt, String author, NoteKind kind, String body) {}
