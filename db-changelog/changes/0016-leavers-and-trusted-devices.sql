--liquibase formatted sql

--changeset wholecare:0016-1
-- Leavers: an administrator disables an account (it cannot sign in, and its sessions end at the next
-- request). Any session that began before sessions_valid_from has ended: a change of role or
-- organisation, or a new password, sets it to now.
ALTER TABLE user_account ADD COLUMN disabled_at DATETIME(6) NULL, ADD COLUMN sessions_valid_from DATETIME(6) NULL;
--rollback ALTER TABLE user_account DROP COLUMN disabled_at, DROP COLUMN sessions_valid_from;

--changeset wholecare:0016-2
-- What administrators did to an account, kept: disabling, enabling, a new role or organisation.
CREATE TABLE account_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id  BIGINT       NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    detail      VARCHAR(500) NOT NULL,
    done_by     BIGINT       NULL,
    done_at     DATETIME(6)  NOT NULL,
    CONSTRAINT fk_account_event_account FOREIGN KEY (account_id) REFERENCES user_account (id),
    CONSTRAINT fk_account_event_done_by FOREIGN KEY (done_by) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_account_event_account ON account_event (account_id, done_at);
--rollback DROP TABLE account_event;

--changeset wholecare:0016-3
-- A browser someone has signed in from before (a cookie holding a random token; only its hash is
-- kept). Wrong passwords typed elsewhere lock the account for everyone else, not for these: so nobody
-- can keep a person out by typing their username, and each such browser has its own count.
CREATE TABLE trusted_device (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT      NOT NULL,
    token_hash      CHAR(64)    NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    last_used_at    DATETIME(6) NOT NULL,
    failed_sign_ins INT         NOT NULL DEFAULT 0,
    locked_until    DATETIME(6) NULL,
    CONSTRAINT uq_trusted_device_token UNIQUE (token_hash),
    CONSTRAINT fk_trusted_device_account FOREIGN KEY (account_id) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_trusted_device_account ON trusted_device (account_id);
--rollback DROP TABLE trusted_device;
