--liquibase formatted sql

--changeset wholecare:0009-1
-- Who reported a review and when; a commissioner then keeps it or removes it with a reason.
-- Removed reviews stay in the table (the record of what was said and why it went) but are not shown.
ALTER TABLE review
    ADD COLUMN replied_at        DATETIME(6)  NULL,
    ADD COLUMN reported_by       BIGINT       NULL,
    ADD COLUMN reported_at       DATETIME(6)  NULL,
    ADD COLUMN report_decided_by BIGINT       NULL,
    ADD COLUMN report_decided_at DATETIME(6)  NULL,
    ADD COLUMN removed           BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN removed_reason    VARCHAR(500) NULL;
CREATE INDEX ix_review_reported ON review (reported, removed);
--rollback DROP INDEX ix_review_reported ON review; ALTER TABLE review DROP COLUMN replied_at, DROP COLUMN reported_by, DROP COLUMN reported_at, DROP COLUMN report_decided_by, DROP COLUMN report_decided_at, DROP COLUMN removed, DROP COLUMN removed_reason;
