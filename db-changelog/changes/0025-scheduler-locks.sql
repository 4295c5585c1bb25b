--liquibase formatted sql

--changeset wholecare:0025-1
-- One row per scheduled job (ShedLock): the instance that holds it runs the job, the others skip
-- that turn. DATETIME, not TIMESTAMP, so the server never rewrites a time by itself; the times are
-- the database's own (UTC), so instances whose clocks differ still agree.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE shedlock;
