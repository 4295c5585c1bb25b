--liquibase formatted sql

--changeset wholecare:0021-1
-- Each spend, one row per entry and stream, with when it was posted and what it paid for, written
-- by the ledger with the entry's lines (never changed afterwards): an area's spending by month and
-- purpose is summed from here, a narrow index-ordered table, instead of from every line joined to
-- its entry (measured by OversightBenchmark).
CREATE TABLE ledger_spend (
    entry_id     BIGINT       NOT NULL,
    stream       VARCHAR(30)  NOT NULL,
    budget_id    BIGINT       NOT NULL,
    posted_at    DATETIME(6)  NOT NULL,
    reference    VARCHAR(100) NULL,
    amount_pence BIGINT       NOT NULL,
    PRIMARY KEY (entry_id, stream),
    CONSTRAINT fk_ledger_spend_entry FOREIGN KEY (entry_id) REFERENCES ledger_entry (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_ledger_spend_budget_posted ON ledger_spend (budget_id, posted_at, stream, reference, amount_pence);
INSERT INTO ledger_spend (entry_id, stream, budget_id, posted_at, reference, amount_pence)
SELECT l.entry_id, l.stream, l.budget_id, e.posted_at, e.reference, SUM(l.amount_pence)
FROM ledger_line l JOIN ledger_entry e ON e.id = l.entry_id
WHERE l.account = 'SPENT' GROUP BY l.entry_id, l.stream, l.budget_id, e.posted_at, e.reference;
--rollback DROP TABLE ledger_spend;
