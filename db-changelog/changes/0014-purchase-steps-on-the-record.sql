--liquibase formatted sql

--changeset wholecare:0014-1
-- Who cancelled a booking and when, and which commissioner settled a disputed invoice (the
-- disputer stays in decided_by), so every step of a purchase names the person who took it.
ALTER TABLE purchase ADD COLUMN cancelled_by BIGINT NULL, ADD COLUMN cancelled_at DATETIME(6) NULL;
ALTER TABLE invoice ADD COLUMN resolved_by BIGINT NULL;
--rollback ALTER TABLE invoice DROP COLUMN resolved_by; ALTER TABLE purchase DROP COLUMN cancelled_by, DROP COLUMN cancelled_at;
