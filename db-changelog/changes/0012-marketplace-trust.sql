--liquibase formatted sql

--changeset wholecare:0012-1
-- One review per budget holder per provider. A removed review still counts: the record of what
-- was said stays. (If an existing database holds two reviews by one holder of one provider, this
-- fails on purpose: decide which to keep by hand, then start again.)
ALTER TABLE review ADD CONSTRAINT uq_review_holder_provider UNIQUE (organisation_id, holder_id);
--rollback ALTER TABLE review DROP INDEX uq_review_holder_provider;

--changeset wholecare:0012-2
-- Kinds of support that are regulated activities: a provider needs a CQC registration number
-- before it may publish a listing of one. Existing areas get it for personal care and nursing.
ALTER TABLE service_category ADD COLUMN needs_cqc_registration BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE service_category SET needs_cqc_registration = TRUE WHERE name IN ('Personal care', 'Nursing');
--rollback ALTER TABLE service_category DROP COLUMN needs_cqc_registration;

--changeset wholecare:0012-3
-- When the provider itself last changed its CQC number, so commissioners know to check it again.
ALTER TABLE provider_profile ADD COLUMN cqc_number_changed_at DATETIME(6) NULL;
--rollback ALTER TABLE provider_profile DROP COLUMN cqc_number_changed_at;

--changeset wholecare:0012-4
-- Every commissioner decision about a provider, kept (provider_profile holds only the latest).
-- from_status is NULL for decisions made before this table existed.
CREATE TABLE provider_decision (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organisation_id BIGINT       NOT NULL,
    from_status     VARCHAR(10)  NULL,
    to_status       VARCHAR(10)  NOT NULL,
    reason          VARCHAR(500) NULL,
    decided_by      BIGINT       NULL,
    decided_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_provider_decision_provider FOREIGN KEY (organisation_id) REFERENCES provider_profile (organisation_id),
    CONSTRAINT ck_provider_decision_status CHECK (to_status IN ('VERIFIED', 'REJECTED', 'SUSPENDED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_provider_decision_provider ON provider_decision (organisation_id, decided_at);
INSERT INTO provider_decision (organisation_id, from_status, to_status, reason, decided_by, decided_at)
SELECT organisation_id, NULL, status, status_reason, decided_by, decided_at
FROM provider_profile WHERE decided_at IS NOT NULL AND status <> 'PENDING';
--rollback DROP TABLE provider_decision;
