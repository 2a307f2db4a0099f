-- infra/saga (ADR 11), issue 12: the participant's own words for the refusal (or the deadline) that made a saga
-- compensate or park, next to its reason_code, so the saga's end hooks can tell the user exactly why.
ALTER TABLE saga_instance
    ADD COLUMN reason_detail VARCHAR(1000) NULL COMMENT 'what the refusal said (its message), or which step timed out';
