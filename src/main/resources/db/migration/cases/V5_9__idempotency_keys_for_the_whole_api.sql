-- Idempotency keys are now kept for every write of the API, by the member who sent them
-- (api_idempotent_request, V2_3, ADR 0043); the cases' own table, which only served the creation of a case, goes.
-- What it held named requests for a day at most.
drop table case_idempotency_key;
