--liquibase formatted sql

--changeset wholecare:0001-1
CREATE TABLE area (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT uq_area_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE area;

--changeset wholecare:0001-2
CREATE TABLE postcode_district (
    code    VARCHAR(4) NOT NULL PRIMARY KEY,
    area_id BIGINT     NOT NULL,
    CONSTRAINT fk_postcode_district_area FOREIGN KEY (area_id) REFERENCES area (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE postcode_district;

--changeset wholecare:0001-3
CREATE TABLE organisation (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    type       VARCHAR(20)  NOT NULL,
    area_id    BIGINT       NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT uq_organisation_name UNIQUE (name),
    CONSTRAINT fk_organisation_area FOREIGN KEY (area_id) REFERENCES area (id),
    CONSTRAINT ck_organisation_type CHECK (type IN ('COUNCIL', 'NHS_BOARD', 'BROKERAGE', 'PROVIDER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_organisation_area_type ON organisation (area_id, type);
--rollback DROP TABLE organisation;
