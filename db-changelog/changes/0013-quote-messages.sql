--liquibase formatted sql

--changeset wholecare:0013-1
-- A quote is a conversation between the broker (or representative) and the provider. Each message
-- is kept; a provider's message may carry an offer (a price per unit and what it covers). A new
-- offer is a new message, so the holder sees every price given; the latest offer is the current one
-- and quote_request.quoted_price_pence / quoted_terms keep a copy of it. An offer has both a price
-- and terms, and any other message has words.
CREATE TABLE quote_message (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    quote_request_id  BIGINT        NOT NULL,
    author_account_id BIGINT        NOT NULL,
    body              VARCHAR(2000) NULL,
    price_pence       BIGINT        NULL,
    terms             VARCHAR(2000) NULL,
    at                DATETIME(6)   NOT NULL,
    CONSTRAINT fk_quote_message_request FOREIGN KEY (quote_request_id) REFERENCES quote_request (id),
    CONSTRAINT fk_quote_message_author FOREIGN KEY (author_account_id) REFERENCES user_account (id),
    CONSTRAINT ck_quote_message_price CHECK (price_pence IS NULL OR price_pence > 0),
    CONSTRAINT ck_quote_message_offer CHECK ((price_pence IS NULL) = (terms IS NULL)),
    CONSTRAINT ck_quote_message_content CHECK (body IS NOT NULL OR price_pence IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
CREATE INDEX ix_quote_message_request ON quote_message (quote_request_id, at);

-- the request's own message, then the provider's answer as its first offer
INSERT INTO quote_message (quote_request_id, author_account_id, body, at)
SELECT id, requested_by, message, requested_at FROM quote_request;
INSERT INTO quote_message (quote_request_id, author_account_id, body, price_pence, terms, at)
SELECT id, answered_by, NULL, quoted_price_pence, COALESCE(quoted_terms, ''), COALESCE(answered_at, requested_at)
FROM quote_request WHERE quoted_price_pence IS NOT NULL AND answered_by IS NOT NULL;
--rollback DROP TABLE quote_message;
