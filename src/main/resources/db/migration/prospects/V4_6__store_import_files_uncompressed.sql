-- An uploaded file is stored before its job is accepted (the client waits for the 202). PostgreSQL's default
-- compression (pglz) of the 1 MB chunks made storing them the slowest step of the upload (about 0.25 s of server
-- CPU for a 13 MB CSV, which it only shrinks to 60 %); stored out of line without compression, the chunks are
-- written about three times faster. lz4 would be as fast and smaller, but not every PostgreSQL build has it (the
-- embedded one has not). Affects new chunks only.
alter table import_file_chunk alter column data set storage external;
