--liquibase formatted sql

--changeset wholecare:0006-1
CREATE TABLE provider_profile (
    organisation_id BIGINT       NOT NULL PRIMARY KEY,
    contact_name    VARCHAR(200) NOT NULL,
    contact_email   VARCHAR(200) NOT NULL,
    contact_phone   VARCHAR(30)  NULL,
    cqc_number      VARCHAR(20)  NULL,
    status          VARCHAR(10)  NOT NULL,
    status_reason   VARCHAR(500) NULL,
    decided_by      BIGINT       NULL,
    decided_at      DATETIME(6)  NULL,
    registered_at   DATETIME(6)  NOT NULL,
    CONSTRAINT fk_provider_profile_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT ck_provider_profile_status CHECK (status IN ('PENDING', 'VERIFIED', 'REJECTED', 'SUSPENDED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_provider_profile_status ON provider_profile (status);

CREATE TABLE provider_district (
    organisation_id   BIGINT     NOT NULL,
    postcode_district VARCHAR(4) NOT NULL,
    PRIMARY KEY (organisation_id, postcode_district),
    CONSTRAINT fk_provider_district_provider FOREIGN KEY (organisation_id) REFERENCES provider_profile (organisation_id),
    CONSTRAINT fk_provider_district_district FOREIGN KEY (postcode_district) REFERENCES postcode_district (code)
) ENGINE = InnoDB;

-- visible = published and its provider verified: kept by the marketplace service so a suspension
-- takes listings out of search in one statement.
CREATE TABLE listing (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organisation_id BIGINT       NOT NULL,
    category_id     BIGINT       NOT NULL,
    title           VARCHAR(120) NOT NULL,
    description     TEXT         NOT NULL,
    unit            VARCHAR(10)  NOT NULL,
    price_pence     BIGINT       NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    visible         BOOLEAN      NOT NULL DEFAULT FALSE,
    days_available  VARCHAR(30)  NOT NULL,
    times_available VARCHAR(100) NULL,
    languages       VARCHAR(200) NOT NULL,
    accessibility   VARCHAR(300) NULL,
    rating_average  DECIMAL(3, 2) NULL,
    review_count    INT          NOT NULL DEFAULT 0,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_listing_provider FOREIGN KEY (organisation_id) REFERENCES provider_profile (organisation_id),
    CONSTRAINT fk_listing_category FOREIGN KEY (category_id) REFERENCES service_category (id),
    CONSTRAINT ck_listing_price CHECK (price_pence > 0 AND price_pence <= 1000000),
    CONSTRAINT ck_listing_status CHECK (status IN ('DRAFT', 'PUBLISHED', 'PAUSED')),
    CONSTRAINT ck_listing_unit CHECK (unit IN ('HOUR', 'SESSION', 'DAY', 'ITEM'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE FULLTEXT INDEX ft_listing_text ON listing (title, description);
CREATE INDEX ix_listing_provider ON listing (organisation_id);

CREATE TABLE listing_district (
    listing_id        BIGINT     NOT NULL,
    postcode_district VARCHAR(4) NOT NULL,
    category_id       BIGINT     NOT NULL,
    price_pence       BIGINT     NOT NULL,
    visible           BOOLEAN    NOT NULL,
    PRIMARY KEY (listing_id, postcode_district),
    CONSTRAINT fk_listing_district_listing FOREIGN KEY (listing_id) REFERENCES listing (id),
    CONSTRAINT fk_listing_district_district FOREIGN KEY (postcode_district) REFERENCES postcode_district (code)
) ENGINE = InnoDB;
-- search and typical prices both start from "this kind of support in this district"
CREATE INDEX ix_listing_district_search ON listing_district (postcode_district, category_id, visible, price_pence);

CREATE TABLE listing_price_history (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    listing_id  BIGINT      NOT NULL,
    price_pence BIGINT      NOT NULL,
    changed_by  BIGINT      NULL,
    changed_at  DATETIME(6) NOT NULL,
    CONSTRAINT fk_listing_price_history_listing FOREIGN KEY (listing_id) REFERENCES listing (id)
) ENGINE = InnoDB;
CREATE INDEX ix_listing_price_history ON listing_price_history (listing_id, changed_at);

CREATE TABLE review (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organisation_id BIGINT        NOT NULL,
    listing_id      BIGINT        NULL,
    holder_id       BIGINT        NOT NULL,
    stars           INT           NOT NULL,
    wording         VARCHAR(2000) NOT NULL,
    provider_reply  VARCHAR(2000) NULL,
    reported        BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at      DATETIME(6)   NOT NULL,
    CONSTRAINT fk_review_provider FOREIGN KEY (organisation_id) REFERENCES provider_profile (organisation_id),
    CONSTRAINT fk_review_holder FOREIGN KEY (holder_id) REFERENCES budget_holder (id),
    CONSTRAINT ck_review_stars CHECK (stars BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_review_provider ON review (organisation_id, created_at);
--rollback DROP TABLE review; DROP TABLE listing_price_history; DROP TABLE listing_district; DROP TABLE listing; DROP TABLE provider_district; DROP TABLE provider_profile;
