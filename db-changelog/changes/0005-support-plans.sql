--liquibase formatted sql

--changeset wholecare:0005-1
-- Each version of a person's support plan is kept: drafts are edited until a commissioner agrees
-- one, and agreed versions are never changed afterwards.
CREATE TABLE support_plan (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    holder_id   BIGINT      NOT NULL,
    version     INT         NOT NULL,
    status      VARCHAR(10) NOT NULL,
    review_date DATE        NOT NULL,
    drafted_by  BIGINT      NOT NULL,
    drafted_at  DATETIME(6) NOT NULL,
    agreed_by   BIGINT      NULL,
    agreed_at   DATETIME(6) NULL,
    CONSTRAINT uq_support_plan_version UNIQUE (holder_id, version),
    CONSTRAINT fk_support_plan_holder FOREIGN KEY (holder_id) REFERENCES budget_holder (id),
    CONSTRAINT fk_support_plan_drafted_by FOREIGN KEY (drafted_by) REFERENCES user_account (id),
    CONSTRAINT fk_support_plan_agreed_by FOREIGN KEY (agreed_by) REFERENCES user_account (id),
    CONSTRAINT ck_support_plan_status CHECK (status IN ('DRAFT', 'AGREED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE support_plan_outcome (
    plan_id  BIGINT       NOT NULL,
    position INT          NOT NULL,
    wording  VARCHAR(300) NOT NULL,
    PRIMARY KEY (plan_id, position),
    CONSTRAINT fk_support_plan_outcome_plan FOREIGN KEY (plan_id) REFERENCES support_plan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE support_plan_line (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    plan_id          BIGINT       NOT NULL,
    category_id      BIGINT       NOT NULL,
    description      VARCHAR(300) NOT NULL,
    planned_pence    BIGINT       NOT NULL,
    frequency        VARCHAR(5)   NOT NULL,
    outcome_position INT          NOT NULL,
    CONSTRAINT fk_support_plan_line_plan FOREIGN KEY (plan_id) REFERENCES support_plan (id),
    CONSTRAINT fk_support_plan_line_category FOREIGN KEY (category_id) REFERENCES service_category (id),
    CONSTRAINT ck_support_plan_line_amount CHECK (planned_pence > 0),
    CONSTRAINT ck_support_plan_line_frequency CHECK (frequency IN ('WEEK', 'MONTH'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
--rollback DROP TABLE support_plan_line; DROP TABLE support_plan_outcome; DROP TABLE support_plan;
