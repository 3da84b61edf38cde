-- Ticket codes now come from one database sequence per year (ticket_number_<year>), read inside
-- the registering transaction; TicketCodeGenerator creates each year's sequence ahead of time,
-- starting after the highest code of that year already stored. The counter table goes: its row
-- lock had to be taken in a second transaction, on a second pooled connection.
drop table ticket_sequence;
