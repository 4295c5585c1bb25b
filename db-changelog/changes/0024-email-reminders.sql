--liquibase formatted sql

--changeset wholecare:0024-1
-- Reminders of something coming up (a consent or a budget ending, a plan review) are sent once for
-- each thing and day it is due: a row here says that one has been written to the outbox.
CREATE TABLE email_reminder (
    kind       VARCHAR(30) NOT NULL,
    about_id   BIGINT      NOT NULL,
    account_id BIGINT      NOT NULL,
    due_on     DATE        NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (kind, about_id, account_id, due_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE email_reminder;
