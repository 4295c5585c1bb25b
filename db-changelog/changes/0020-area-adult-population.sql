--liquibase formatted sql

--changeset wholecare:0020-1
-- How many adults live in the area (the latest official estimate, recorded by an administrator),
-- so the public comparison can say how many people have a budget per 10,000 adults.
ALTER TABLE area ADD COLUMN adult_population INT NULL;
--rollback ALTER TABLE area DROP COLUMN adult_population;

--changeset wholecare:0020-2
-- The public figures, worked out from the ledger and plans on a schedule and kept: the public
-- pages and the open data are served from here, never from live budgets.
CREATE TABLE public_figures (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    period_code   VARCHAR(10) NOT NULL,
    worked_out_at DATETIME(6) NOT NULL,
    document      MEDIUMTEXT  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_public_figures_worked_out ON public_figures (worked_out_at);
--rollback DROP TABLE public_figures;
