-- Uploaded files are stored LZ4-compressed by the application (ADR 0020), as row outcomes are since V4_15: the
-- upload writes and logs about a third of the bytes, before the client has its 202. Earlier chunks stay as they
-- are (lz4 false) and are read as before.
alter table import_file_chunk add column lz4 boolean not null default false;
