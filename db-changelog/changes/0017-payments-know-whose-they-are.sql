--liquibase formatted sql

--changeset wholecare:0017-1
-- A payment keeps whose budget paid it and that person's area, given by the purchase feature when
-- the invoice is confirmed, so the payment feature never reads purchase or holder tables to find
-- which commissioner it is for.
ALTER TABLE payment ADD COLUMN holder_id BIGINT NULL, ADD COLUMN area_id BIGINT NULL;
UPDATE payment p JOIN invoice i ON i.id = p.invoice_id JOIN purchase pu ON pu.id = i.purchase_id
  JOIN budget_holder h ON h.id = pu.holder_id
  SET p.holder_id = h.id, p.area_id = h.area_id;
ALTER TABLE payment MODIFY holder_id BIGINT NOT NULL, MODIFY area_id BIGINT NOT NULL;
CREATE INDEX ix_payment_area_status ON payment (area_id, status);
--rollback DROP INDEX ix_payment_area_status ON payment; ALTER TABLE payment DROP COLUMN holder_id, DROP COLUMN area_id;
