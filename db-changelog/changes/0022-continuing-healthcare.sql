--liquibase formatted sql

--changeset wholecare:0022-1
-- Whether the person is eligible for NHS continuing healthcare, recorded on the budget by an NHS
-- commissioner of the area (with who and when), so the NHS return can count them.
ALTER TABLE budget ADD COLUMN continuing_healthcare BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN continuing_healthcare_recorded_by BIGINT NULL,
    ADD COLUMN continuing_healthcare_recorded_at DATETIME(6) NULL;
--rollback ALTER TABLE budget DROP COLUMN continuing_healthcare, DROP COLUMN continuing_healthcare_recorded_by, DROP COLUMN continuing_healthcare_recorded_at;
