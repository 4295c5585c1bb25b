--liquibase formatted sql

--changeset wholecare:0002-1
CREATE TABLE user_account (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username          VARCHAR(60)  NOT NULL,
    full_name         VARCHAR(200) NOT NULL,
    role              VARCHAR(20)  NOT NULL,
    organisation_id   BIGINT       NULL,
    area_id           BIGINT       NULL,
    postcode_district VARCHAR(4)   NULL,
    password_hash     VARCHAR(255) NULL,
    failed_sign_ins   INT          NOT NULL DEFAULT 0,
    locked_until      DATETIME(6)  NULL,
    last_sign_in_at   DATETIME(6)  NULL,
    created_at        DATETIME(6)  NOT NULL,
    version           BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_user_account_username UNIQUE (username),
    CONSTRAINT fk_user_account_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_user_account_area FOREIGN KEY (area_id) REFERENCES area (id),
    CONSTRAINT fk_user_account_district FOREIGN KEY (postcode_district) REFERENCES postcode_district (code),
    CONSTRAINT ck_user_account_role CHECK (role IN ('BUDGET_HOLDER', 'REPRESENTATIVE', 'BROKER', 'PROVIDER',
                                                    'COMMISSIONER', 'ADMINISTRATOR'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_user_account_role_area ON user_account (role, area_id);
--rollback DROP TABLE user_account;

--changeset wholecare:0002-2
CREATE TABLE invitation (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_account_id BIGINT      NOT NULL,
    token_hash      CHAR(64)    NOT NULL,
    created_at      DATETIME(6) NOT NULL,
    expires_at      DATETIME(6) NOT NULL,
    used_at         DATETIME(6) NULL,
    created_by      BIGINT      NULL,
    CONSTRAINT uq_invitation_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_invitation_user_account FOREIGN KEY (user_account_id) REFERENCES user_account (id),
    CONSTRAINT fk_invitation_created_by FOREIGN KEY (created_by) REFERENCES user_account (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_invitation_account_open ON invitation (user_account_id, used_at, expires_at);
--rollback DROP TABLE invitation;
