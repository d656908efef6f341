-- The name, town and department keys are already normalised (lower-case ASCII letters, digits and spaces, or a
-- department code), so byte order sorts them as the database's C.UTF-8 order did. Declared COLLATE "C", their three
-- indexes compare them with memcmp instead of the C library's strcoll: an import inserts one entry per new agency
-- into each, and those comparisons were a twentieth of PostgreSQL's time (ADR 0019).
alter table agency
  alter column name_key type text collate "C",
  alter column city_key type text collate "C",
  alter column department type text collate "C";
