--liquibase formatted sql

--changeset wholecare:0023-1
-- Each person's own email address, given on Your details; Wholecare's emails go only there.
ALTER TABLE user_account ADD COLUMN email VARCHAR(254) NULL;
--rollback ALTER TABLE user_account DROP COLUMN email;

--changeset wholecare:0023-2
-- Which emails each person wants (all, only what needs them to answer or act, none); no row is "all".
CREATE TABLE email_preference (
    account_id BIGINT      NOT NULL PRIMARY KEY,
    choice     VARCHAR(10) NOT NULL,
    changed_at DATETIME(6) NOT NULL,
    CONSTRAINT ck_email_preference_choice CHECK (choice IN ('ALL', 'ANSWERS', 'NONE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE email_preference;

--changeset wholecare:0023-3
-- Emails waiting to go, written in the same transaction as the change they tell of, and sent after
-- it has committed by whichever instance takes them first; retried with a growing wait, and left
-- FAILED (for administrators to see) after the last try. The body is emptied once sent.
CREATE TABLE email_outbox (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT       NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    subject         VARCHAR(200) NOT NULL,
    body            TEXT         NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)  NOT NULL,
    last_error      VARCHAR(300) NULL,
    created_at      DATETIME(6)  NOT NULL,
    sent_at         DATETIME(6)  NULL,
    CONSTRAINT ck_email_outbox_status CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_email_outbox_due ON email_outbox (status, next_attempt_at);
CREATE INDEX ix_email_outbox_account ON email_outbox (account_id, kind);
--rollback DROP TABLE email_outbox;
