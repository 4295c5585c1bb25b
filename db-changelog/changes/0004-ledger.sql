--liquibase formatted sql

--changeset wholecare:0004-1
CREATE TABLE ledger_book (
    budget_id BIGINT      NOT NULL PRIMARY KEY,
    opened_at DATETIME(6) NOT NULL,
    CONSTRAINT fk_ledger_book_budget FOREIGN KEY (budget_id) REFERENCES budget (id)
) ENGINE = InnoDB;

CREATE TABLE ledger_entry (
    id                      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    budget_id               BIGINT       NOT NULL,
    kind                    VARCHAR(10)  NOT NULL,
    idempotency_key         VARCHAR(120) NOT NULL,
    reason                  VARCHAR(500) NOT NULL,
    reference               VARCHAR(100) NULL,
    actor_account_id        BIGINT       NULL,
    on_behalf_of_account_id BIGINT       NULL,
    reverses_entry_id       BIGINT       NULL,
    posted_at               DATETIME(6)  NOT NULL,
    CONSTRAINT uq_ledger_entry_idempotency_key UNIQUE (idempotency_key),
    CONSTRAINT uq_ledger_entry_reverses UNIQUE (reverses_entry_id),
    CONSTRAINT fk_ledger_entry_book FOREIGN KEY (budget_id) REFERENCES ledger_book (budget_id),
    CONSTRAINT fk_ledger_entry_reverses FOREIGN KEY (reverses_entry_id) REFERENCES ledger_entry (id),
    CONSTRAINT ck_ledger_entry_kind CHECK (kind IN ('ALLOCATE', 'ADJUST', 'COMMIT', 'RELEASE', 'SPEND', 'REVERSE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_ledger_entry_budget_posted ON ledger_entry (budget_id, posted_at);

CREATE TABLE ledger_line (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entry_id     BIGINT      NOT NULL,
    budget_id    BIGINT      NOT NULL,
    stream       VARCHAR(30) NOT NULL,
    account      VARCHAR(10) NOT NULL,
    amount_pence BIGINT      NOT NULL,
    CONSTRAINT fk_ledger_line_entry FOREIGN KEY (entry_id) REFERENCES ledger_entry (id),
    CONSTRAINT ck_ledger_line_account CHECK (account IN ('FUNDING', 'AVAILABLE', 'COMMITTED', 'SPENT'))
) ENGINE = InnoDB;
CREATE INDEX ix_ledger_line_budget ON ledger_line (budget_id, stream, account);

-- Running totals kept by the ledger in the same transaction as each entry. The check is the last
-- line of defence: no balance the person owns can go below zero whatever the code does.
CREATE TABLE ledger_balance (
    budget_id     BIGINT      NOT NULL,
    stream        VARCHAR(30) NOT NULL,
    account       VARCHAR(10) NOT NULL,
    balance_pence BIGINT      NOT NULL,
    PRIMARY KEY (budget_id, stream, account),
    CONSTRAINT fk_ledger_balance_book FOREIGN KEY (budget_id) REFERENCES ledger_book (budget_id),
    CONSTRAINT ck_ledger_balance_not_negative CHECK (account = 'FUNDING' OR balance_pence >= 0)
) ENGINE = InnoDB;
--rollback DROP TABLE ledger_balance; DROP TABLE ledger_line; DROP TABLE ledger_entry; DROP TABLE ledger_book;

--changeset wholecare:0004-2
-- Append-only, enforced by the database itself: corrections are reversing entries, never edits.
CREATE TRIGGER ledger_entry_is_append_only_update BEFORE UPDATE ON ledger_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Ledger entries are append-only: post a reversing entry instead';
CREATE TRIGGER ledger_entry_is_append_only_delete BEFORE DELETE ON ledger_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Ledger entries are append-only: post a reversing entry instead';
CREATE TRIGGER ledger_line_is_append_only_update BEFORE UPDATE ON ledger_line FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Ledger lines are append-only: post a reversing entry instead';
CREATE TRIGGER ledger_line_is_append_only_delete BEFORE DELETE ON ledger_line FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'Ledger lines are append-only: post a reversing entry instead';
--rollback DROP TRIGGER ledger_entry_is_append_only_update; DROP TRIGGER ledger_entry_is_append_only_delete; DROP TRIGGER ledger_line_is_append_only_update; DROP TRIGGER ledger_line_is_append_only_delete;
