-- A request to a vendor's help desk that has left and whose answer has not come back (issue 14).
-- osTicket's API has no idempotency key: a case whose request arrived but whose answer was lost (a
-- timeout, a cut connection, the node killed mid-call) must never be sent again blindly. The row is
-- written in a transaction of its own before the request leaves and removed once the vendor has
-- answered (a case number, or a plain refusal). A step that finds it sends nothing: a person checks
-- the vendor's desk and records the case by hand.
-- Portable SQL: runs on H2 (embedded default) and PostgreSQL (production).

create table vendor_request (
  idempotency_key varchar(200) primary key,
  ticket_code     varchar(20)  not null references ticket (code),
  sent_at         timestamp with time zone not null
);
