--liquibase formatted sql

--changeset wholecare:0003-1
CREATE TABLE budget_holder (
    id                          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id                  BIGINT       NOT NULL,
    full_name                   VARCHAR(200) NOT NULL,
    date_of_birth               DATE         NOT NULL,
    nhs_number                  CHAR(10)     NOT NULL,
    postcode_district           VARCHAR(4)   NOT NULL,
    area_id                     BIGINT       NOT NULL,
    representative_account_id   BIGINT       NULL,
    representative_relationship VARCHAR(100) NULL,
    registered_by               BIGINT       NULL,
    created_at                  DATETIME(6)  NOT NULL,
    CONSTRAINT uq_budget_holder_account UNIQUE (account_id),
    CONSTRAINT uq_budget_holder_nhs_number UNIQUE (nhs_number),
    CONSTRAINT fk_budget_holder_account FOREIGN KEY (account_id) REFERENCES user_account (id),
    CONSTRAINT fk_budget_holder_representative FOREIGN KEY (representative_account_id) REFERENCES user_account (id),
    CONSTRAINT fk_budget_holder_area FOREIGN KEY (area_id) REFERENCES area (id),
    CONSTRAINT fk_budget_holder_district FOREIGN KEY (postcode_district) REFERENCES postcode_district (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_budget_holder_area ON budget_holder (area_id, full_name);
--rollback DROP TABLE budget_holder;

--changeset wholecare:0003-2
CREATE TABLE budget (
    id                        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    holder_id                 BIGINT      NOT NULL,
    area_id                   BIGINT      NOT NULL,
    start_date                DATE        NOT NULL,
    end_date                  DATE        NOT NULL,
    management                VARCHAR(20) NOT NULL,
    brokerage_organisation_id BIGINT      NULL,
    created_by                BIGINT      NULL,
    created_at                DATETIME(6) NOT NULL,
    CONSTRAINT fk_budget_holder FOREIGN KEY (holder_id) REFERENCES budget_holder (id),
    CONSTRAINT fk_budget_area FOREIGN KEY (area_id) REFERENCES area (id),
    CONSTRAINT fk_budget_brokerage FOREIGN KEY (brokerage_organisation_id) REFERENCES organisation (id),
    CONSTRAINT ck_budget_period CHECK (end_date > start_date),
    CONSTRAINT ck_budget_management CHECK (management IN ('DIRECT_PAYMENT', 'THIRD_PARTY', 'NOTIONAL'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_budget_holder_period ON budget (holder_id, start_date);
--rollback DROP TABLE budget;

--changeset wholecare:0003-3
CREATE TABLE budget_stream_basis (
    budget_id   BIGINT       NOT NULL,
    stream      VARCHAR(30)  NOT NULL,
    calculation VARCHAR(500) NOT NULL,
    PRIMARY KEY (budget_id, stream),
    CONSTRAINT fk_budget_stream_basis_budget FOREIGN KEY (budget_id) REFERENCES budget (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE budget_stream_basis;

--changeset wholecare:0003-4
CREATE TABLE service_category (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    area_id          BIGINT       NOT NULL,
    name             VARCHAR(100) NOT NULL,
    excluded         BOOLEAN      NOT NULL DEFAULT FALSE,
    exclusion_reason VARCHAR(300) NULL,
    CONSTRAINT uq_service_category_area_name UNIQUE (area_id, name),
    CONSTRAINT fk_service_category_area FOREIGN KEY (area_id) REFERENCES area (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE service_category;

--changeset wholecare:0003-5
CREATE TABLE pooling_agreement (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    area_id    BIGINT      NOT NULL,
    version    INT         NOT NULL,
    created_by BIGINT      NULL,
    created_at DATETIME(6) NOT NULL,
    CONSTRAINT uq_pooling_agreement_version UNIQUE (area_id, version),
    CONSTRAINT fk_pooling_agreement_area FOREIGN KEY (area_id) REFERENCES area (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE pooling_share (
    agreement_id       BIGINT      NOT NULL,
    category_id        BIGINT      NOT NULL,
    stream             VARCHAR(30) NOT NULL,
    share_basis_points INT         NOT NULL,
    PRIMARY KEY (agreement_id, category_id, stream),
    CONSTRAINT fk_pooling_share_agreement FOREIGN KEY (agreement_id) REFERENCES pooling_agreement (id),
    CONSTRAINT fk_pooling_share_category FOREIGN KEY (category_id) REFERENCES service_category (id),
    CONSTRAINT ck_pooling_share_range CHECK (share_basis_points BETWEEN 0 AND 10000)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE pooling_share; DROP TABLE pooling_agreement;
