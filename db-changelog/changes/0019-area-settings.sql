--liquibase formatted sql

--changeset wholecare:0019-1
-- Each area's own thresholds, set by its commissioners: how many weeks of planned spending may be
-- left unspent before a budget needs attention, and how far above the typical price a purchase
-- must be to be looked at. An area without a row uses the defaults (8 weeks, 50%).
CREATE TABLE area_setting (
    area_id                 BIGINT      NOT NULL PRIMARY KEY,
    surplus_threshold_weeks INT         NOT NULL,
    price_margin_percent    INT         NOT NULL,
    changed_by              BIGINT      NOT NULL,
    changed_at              DATETIME(6) NOT NULL,
    CONSTRAINT fk_area_setting_area FOREIGN KEY (area_id) REFERENCES area (id),
    CONSTRAINT ck_area_setting_weeks CHECK (surplus_threshold_weeks BETWEEN 1 AND 52),
    CONSTRAINT ck_area_setting_margin CHECK (price_margin_percent BETWEEN 5 AND 500)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE area_setting;
