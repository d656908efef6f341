-- A running import decides its rows against the organisation's agencies as it loaded them: a row a person detached
-- from its agency, or an unmerge, while it ran, left it sending the rows of the detached row's values to the agency
-- the person had taken them out of, and an unmerged agency's rows to the one that had absorbed it (ADR 0130). Such a
-- change counts itself here, on the imports under way, in its own transaction and before it locks any agency (the
-- order in which an import's batch locks them, its job first): a batch that finds the count moved since its run
-- loaded the agencies is not written, and the run loads them again and goes on from its last committed batch. The
-- count is read with the job's row, which every batch locks already: no query more per batch, nothing on agency.
alter table import_job
  add column agencies_moved int not null default 0;
