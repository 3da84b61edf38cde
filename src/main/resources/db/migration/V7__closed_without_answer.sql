-- A ticket whose requester never verified the solution closes as CERRADO_SIN_RESPUESTA (21
-- characters): the state column grows. Standard SQL, for H2 and PostgreSQL alike.
alter table ticket alter column state set data type varchar(30);
