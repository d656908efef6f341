-- Row outcomes are stored LZ4-compressed by the application (ADR 0020): a third of the bytes to write, log and
-- keep. Chunks written before keep their text in rows; a chunk has one or the other.
alter table import_row_chunk add column packed bytea;
alter table import_row_chunk alter column rows drop not null;
-- compressed already: PostgreSQL's own compression would only spend time finding nothing to gain
alter table import_row_chunk alter column packed set storage external;
alter table import_row_chunk add constraint import_row_chunk_rows_or_packed
  check ((rows is null) <> (packed is null));
