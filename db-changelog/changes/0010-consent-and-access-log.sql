--liquibase formatted sql

--changeset wholecare:0010-1
-- A budget holder's consent for an organisation (a brokerage) or a named person (a carer,
-- representative, court-appointed deputy or attorney) to act for them, with a scope and an end.
-- Grants are never deleted: a revocation is a date, so the access log can always name the grant.
CREATE TABLE consent_grant (
    id                      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    holder_id               BIGINT       NOT NULL,
    kind                    VARCHAR(20)  NOT NULL,
    grantee_organisation_id BIGINT       NULL,
    grantee_account_id      BIGINT       NULL,
    relationship            VARCHAR(100) NULL,
    scope                   VARCHAR(10)  NOT NULL,
    ends_on                 DATE         NULL,
    document_reference      VARCHAR(100) NULL,
    granted_by              BIGINT       NOT NULL,
    granted_at              DATETIME(6)  NOT NULL,
    revoked_by              BIGINT       NULL,
    revoked_at              DATETIME(6)  NULL,
    CONSTRAINT fk_consent_grant_holder FOREIGN KEY (holder_id) REFERENCES budget_holder (id),
    CONSTRAINT fk_consent_grant_organisation FOREIGN KEY (grantee_organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_consent_grant_account FOREIGN KEY (grantee_account_id) REFERENCES user_account (id),
    CONSTRAINT ck_consent_grant_kind CHECK (kind IN ('BROKERAGE', 'REPRESENTATIVE', 'DEPUTY', 'ATTORNEY')),
    CONSTRAINT ck_consent_grant_scope CHECK (scope IN ('VIEW', 'PROPOSE', 'PURCHASE')),
    CONSTRAINT ck_consent_grant_grantee CHECK ((grantee_organisation_id IS NULL) <> (grantee_account_id IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_consent_grant_holder ON consent_grant (holder_id);
CREATE INDEX ix_consent_grant_organisation ON consent_grant (grantee_organisation_id);
CREATE INDEX ix_consent_grant_account ON consent_grant (grantee_account_id);

-- every grant, change and revocation, as it was at that moment
CREATE TABLE consent_event (
    id               BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    grant_id         BIGINT      NOT NULL,
    event            VARCHAR(10) NOT NULL,
    scope            VARCHAR(10) NOT NULL,
    ends_on          DATE        NULL,
    actor_account_id BIGINT      NOT NULL,
    at               DATETIME(6) NOT NULL,
    CONSTRAINT fk_consent_event_grant FOREIGN KEY (grant_id) REFERENCES consent_grant (id),
    CONSTRAINT ck_consent_event CHECK (event IN ('GRANTED', 'CHANGED', 'REVOKED'))
) ENGINE = InnoDB;
CREATE INDEX ix_consent_event_grant ON consent_event (grant_id, at);

-- who looked at or changed a holder's records, when, under which grant; refusals too
CREATE TABLE access_log (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    holder_id        BIGINT       NOT NULL,
    actor_account_id BIGINT       NOT NULL,
    grant_id         BIGINT       NULL,
    action           VARCHAR(200) NOT NULL,
    outcome          VARCHAR(10)  NOT NULL,
    detail           VARCHAR(300) NULL,
    at               DATETIME(6)  NOT NULL,
    CONSTRAINT fk_access_log_holder FOREIGN KEY (holder_id) REFERENCES budget_holder (id),
    CONSTRAINT ck_access_log_outcome CHECK (outcome IN ('ALLOWED', 'REFUSED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_access_log_holder ON access_log (holder_id, at);
CREATE INDEX ix_access_log_actor ON access_log (actor_account_id, holder_id, action, at);

-- representatives recorded at registration become grants to purchase, with no end date
INSERT INTO consent_grant (holder_id, kind, grantee_account_id, relationship, scope, granted_by, granted_at)
SELECT h.id, 'REPRESENTATIVE', h.representative_account_id, h.representative_relationship, 'PURCHASE',
       COALESCE(h.registered_by, h.account_id), h.created_at
FROM budget_holder h WHERE h.representative_account_id IS NOT NULL;
INSERT INTO consent_event (grant_id, event, scope, ends_on, actor_account_id, at)
SELECT g.id, 'GRANTED', g.scope, g.ends_on, g.granted_by, g.granted_at FROM consent_grant g;
--rollback DROP TABLE access_log; DROP TABLE consent_event; DROP TABLE consent_grant;

--changeset wholecare:0010-2
-- Brokerage work for a client: a shortlist with notes, quote requests answered by providers,
-- proposals the holder accepts or declines, and the conflicts of interest brokers declare.
CREATE TABLE shortlist_item (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    holder_id   BIGINT        NOT NULL,
    listing_id  BIGINT        NOT NULL,
    note        VARCHAR(1000) NULL,
    added_by    BIGINT        NOT NULL,
    grant_id    BIGINT        NULL,
    added_at    DATETIME(6)   NOT NULL,
    removed_at  DATETIME(6)   NULL,
    CONSTRAINT fk_shortlist_holder FOREIGN KEY (holder_id) REFERENCES budget_holder (id),
    CONSTRAINT fk_shortlist_listing FOREIGN KEY (listing_id) REFERENCES listing (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_shortlist_holder ON shortlist_item (holder_id, removed_at);

CREATE TABLE proposal (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    holder_id        BIGINT        NOT NULL,
    listing_id       BIGINT        NOT NULL,
    quantity         INT           NOT NULL,
    frequency        VARCHAR(10)   NOT NULL,
    start_date       DATE          NOT NULL,
    unit_price_pence BIGINT        NOT NULL,
    reason           VARCHAR(1000) NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    proposed_by      BIGINT        NOT NULL,
    grant_id         BIGINT        NULL,
    proposed_at      DATETIME(6)   NOT NULL,
    decided_by       BIGINT        NULL,
    decided_at       DATETIME(6)   NULL,
    decision_comment VARCHAR(1000) NULL,
    CONSTRAINT fk_proposal_holder FOREIGN KEY (holder_id) REFERENCES budget_holder (id),
    CONSTRAINT fk_proposal_listing FOREIGN KEY (listing_id) REFERENCES listing (id),
    CONSTRAINT ck_proposal_quantity CHECK (quantity > 0),
    CONSTRAINT ck_proposal_price CHECK (unit_price_pence > 0),
    CONSTRAINT ck_proposal_frequency CHECK (frequency IN ('ONE_OFF', 'WEEKLY', 'MONTHLY')),
    CONSTRAINT ck_proposal_status CHECK (status IN ('PROPOSED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_proposal_holder ON proposal (holder_id, proposed_at);

-- the other options the broker considered: the shortlist when the proposal was made
CREATE TABLE proposal_option (
    proposal_id BIGINT        NOT NULL,
    listing_id  BIGINT        NOT NULL,
    note        VARCHAR(1000) NULL,
    PRIMARY KEY (proposal_id, listing_id),
    CONSTRAINT fk_proposal_option_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
    CONSTRAINT fk_proposal_option_listing FOREIGN KEY (listing_id) REFERENCES listing (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE conflict_of_interest (
    id                       BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    brokerage_id             BIGINT       NOT NULL,
    provider_organisation_id BIGINT       NOT NULL,
    description              VARCHAR(500) NOT NULL,
    declared_by              BIGINT       NOT NULL,
    declared_at              DATETIME(6)  NOT NULL,
    CONSTRAINT fk_conflict_brokerage FOREIGN KEY (brokerage_id) REFERENCES organisation (id),
    CONSTRAINT fk_conflict_provider FOREIGN KEY (provider_organisation_id) REFERENCES organisation (id),
    CONSTRAINT uq_conflict UNIQUE (brokerage_id, provider_organisation_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE quote_request (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    holder_id        BIGINT        NOT NULL,
    listing_id       BIGINT        NOT NULL,
    provider_id      BIGINT        NOT NULL,
    requested_by     BIGINT        NOT NULL,
    grant_id         BIGINT        NULL,
    message          VARCHAR(2000) NOT NULL,
    requested_at     DATETIME(6)   NOT NULL,
    quoted_price_pence BIGINT      NULL,
    quoted_terms     VARCHAR(2000) NULL,
    answered_by      BIGINT        NULL,
    answered_at      DATETIME(6)   NULL,
    CONSTRAINT fk_quote_holder FOREIGN KEY (holder_id) REFERENCES budget_holder (id),
    CONSTRAINT fk_quote_listing FOREIGN KEY (listing_id) REFERENCES listing (id),
    CONSTRAINT fk_quote_provider FOREIGN KEY (provider_id) REFERENCES organisation (id),
    CONSTRAINT ck_quote_price CHECK (quoted_price_pence IS NULL OR quoted_price_pence > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_quote_provider ON quote_request (provider_id, requested_at);
CREATE INDEX ix_quote_holder ON quote_request (holder_id, requested_at);
--rollback DROP TABLE quote_request; DROP TABLE conflict_of_interest; DROP TABLE proposal_option; DROP TABLE proposal; DROP TABLE shortlist_item;
