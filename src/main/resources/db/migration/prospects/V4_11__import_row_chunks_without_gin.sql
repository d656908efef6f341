-- The agencies a chunk's rows ended in are read only by the agency page, and the planner did not use the
-- GIN index for it: it read the organisation's chunks through the primary key and kept those naming the
-- agency (20 ms for 586 chunks; 30 ms for 5,860 chunks without any index, measured with psql). Keeping the
-- GIN index up to date cost the import's writer about 250 ms per 100,000 rows (ADR 0017).
drop index import_row_chunk_prospects_idx;
-- About 200 time-ordered ids (3.2 KB) do not compress: stored as written, without trying.
alter table import_row_chunk alter column prospects set storage external;
