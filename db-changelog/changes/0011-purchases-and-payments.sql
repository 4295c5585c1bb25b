--liquibase formatted sql

--changeset wholecare:0011-1
-- A booking from a listing, committed in the ledger in the same transaction. The price, unit and
-- split across funding streams are kept as they were when it was made.
CREATE TABLE purchase (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    holder_id        BIGINT        NOT NULL,
    budget_id        BIGINT        NOT NULL,
    listing_id       BIGINT        NOT NULL,
    provider_id      BIGINT        NOT NULL,
    category_id      BIGINT        NOT NULL,
    title            VARCHAR(120)  NOT NULL,
    unit             VARCHAR(10)   NOT NULL,
    unit_price_pence BIGINT        NOT NULL,
    quantity         INT           NOT NULL,
    frequency        VARCHAR(10)   NOT NULL,
    occurrences      INT           NOT NULL,
    start_date       DATE          NOT NULL,
    end_date         DATE          NOT NULL,
    total_pence      BIGINT        NOT NULL,
    plan_line        VARCHAR(300)  NULL,
    status           VARCHAR(10)   NOT NULL,
    commit_entry_id  BIGINT        NOT NULL,
    proposal_id      BIGINT        NULL,
    request_key      VARCHAR(80)   NOT NULL,
    created_by       BIGINT        NOT NULL,
    grant_id         BIGINT        NULL,
    created_at       DATETIME(6)   NOT NULL,
    decided_by       BIGINT        NULL,
    decided_at       DATETIME(6)   NULL,
    decline_reason   VARCHAR(500)  NULL,
    CONSTRAINT fk_purchase_holder FOREIGN KEY (holder_id) REFERENCES budget_holder (id),
    CONSTRAINT fk_purchase_listing FOREIGN KEY (listing_id) REFERENCES listing (id),
    CONSTRAINT fk_purchase_provider FOREIGN KEY (provider_id) REFERENCES organisation (id),
    CONSTRAINT uq_purchase_request UNIQUE (request_key),
    CONSTRAINT ck_purchase_quantity CHECK (quantity > 0),
    CONSTRAINT ck_purchase_total CHECK (total_pence > 0),
    CONSTRAINT ck_purchase_status CHECK (status IN ('REQUESTED', 'ACCEPTED', 'DECLINED', 'CANCELLED', 'COMPLETED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_purchase_holder ON purchase (holder_id, created_at);
CREATE INDEX ix_purchase_provider ON purchase (provider_id, status);

-- per funding stream: what the purchase set aside, and how much of it is spent or released since
CREATE TABLE purchase_stream (
    purchase_id    BIGINT      NOT NULL,
    stream         VARCHAR(30) NOT NULL,
    committed_pence BIGINT     NOT NULL,
    spent_pence    BIGINT      NOT NULL DEFAULT 0,
    released_pence BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (purchase_id, stream),
    CONSTRAINT fk_purchase_stream FOREIGN KEY (purchase_id) REFERENCES purchase (id),
    CONSTRAINT ck_purchase_stream CHECK (spent_pence + released_pence <= committed_pence AND spent_pence >= 0
        AND released_pence >= 0)
) ENGINE = InnoDB;

CREATE TABLE delivery (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    purchase_id  BIGINT      NOT NULL,
    units        INT         NOT NULL,
    delivered_on DATE        NOT NULL,
    recorded_by  BIGINT      NOT NULL,
    recorded_at  DATETIME(6) NOT NULL,
    CONSTRAINT fk_delivery_purchase FOREIGN KEY (purchase_id) REFERENCES purchase (id),
    CONSTRAINT ck_delivery_units CHECK (units > 0)
) ENGINE = InnoDB;
CREATE INDEX ix_delivery_purchase ON delivery (purchase_id);

CREATE TABLE invoice (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    purchase_id      BIGINT       NOT NULL,
    units            INT          NOT NULL,
    amount_pence     BIGINT       NOT NULL,
    status           VARCHAR(10)  NOT NULL,
    raised_by        BIGINT       NOT NULL,
    raised_at        DATETIME(6)  NOT NULL,
    decided_by       BIGINT       NULL,
    decided_at       DATETIME(6)  NULL,
    dispute_reason   VARCHAR(500) NULL,
    resolution       VARCHAR(500) NULL,
    spend_entry_id   BIGINT       NULL,
    CONSTRAINT fk_invoice_purchase FOREIGN KEY (purchase_id) REFERENCES purchase (id),
    CONSTRAINT ck_invoice_amount CHECK (amount_pence > 0 AND units > 0),
    CONSTRAINT ck_invoice_status CHECK (status IN ('RAISED', 'DISPUTED', 'CONFIRMED', 'REJECTED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_invoice_purchase ON invoice (purchase_id);
CREATE INDEX ix_invoice_status ON invoice (status, raised_at);

-- the outbox: a payment is written (PENDING) before Stripe is called, so a crash between the two
-- is found and finished at start-up with the same idempotency key
CREATE TABLE payment (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    invoice_id         BIGINT       NOT NULL,
    spend_entry_id     BIGINT       NULL,
    provider_id        BIGINT       NOT NULL,
    description        VARCHAR(300) NOT NULL,
    amount_pence       BIGINT       NOT NULL,
    method             VARCHAR(10)  NOT NULL,
    status             VARCHAR(10)  NOT NULL,
    idempotency_key    VARCHAR(80)  NOT NULL,
    stripe_account_id  VARCHAR(100) NULL,
    stripe_transfer_id VARCHAR(100) NULL,
    attempts           INT          NOT NULL DEFAULT 0,
    last_error         VARCHAR(500) NULL,
    note               VARCHAR(500) NULL,
    recorded_by        BIGINT       NULL,
    created_at         DATETIME(6)  NOT NULL,
    settled_at         DATETIME(6)  NULL,
    CONSTRAINT fk_payment_invoice FOREIGN KEY (invoice_id) REFERENCES invoice (id),
    CONSTRAINT uq_payment_invoice UNIQUE (invoice_id),
    CONSTRAINT uq_payment_key UNIQUE (idempotency_key),
    CONSTRAINT uq_payment_spend UNIQUE (spend_entry_id),
    CONSTRAINT ck_payment_method CHECK (method IN ('STRIPE', 'OUTSIDE')),
    CONSTRAINT ck_payment_status CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'SETTLED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Stripe events already applied, so a replay changes nothing
CREATE TABLE stripe_event (
    id          VARCHAR(100) NOT NULL PRIMARY KEY,
    type        VARCHAR(100) NOT NULL,
    received_at DATETIME(6)  NOT NULL
) ENGINE = InnoDB;

CREATE TABLE top_up (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    holder_id         BIGINT       NOT NULL,
    budget_id         BIGINT       NOT NULL,
    amount_pence      BIGINT       NOT NULL,
    status            VARCHAR(10)  NOT NULL,
    stripe_session_id VARCHAR(200) NULL,
    checkout_url      VARCHAR(1000) NULL,
    requested_by      BIGINT       NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    credited_entry_id BIGINT       NULL,
    credited_at       DATETIME(6)  NULL,
    CONSTRAINT fk_top_up_holder FOREIGN KEY (holder_id) REFERENCES budget_holder (id),
    CONSTRAINT ck_top_up_amount CHECK (amount_pence > 0),
    CONSTRAINT ck_top_up_status CHECK (status IN ('PENDING', 'CREDITED', 'FAILED'))
) ENGINE = InnoDB;
CREATE UNIQUE INDEX ux_top_up_session ON top_up (stripe_session_id);

-- where a provider is paid: its Stripe Connect account
CREATE TABLE payout_account (
    organisation_id   BIGINT       NOT NULL PRIMARY KEY,
    stripe_account_id VARCHAR(100) NOT NULL,
    connected_by      BIGINT       NOT NULL,
    connected_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_payout_account_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE = InnoDB;
--rollback DROP TABLE payout_account; DROP TABLE top_up; DROP TABLE stripe_event; DROP TABLE payment; DROP TABLE invoice; DROP TABLE delivery; DROP TABLE purchase_stream; DROP TABLE purchase;
