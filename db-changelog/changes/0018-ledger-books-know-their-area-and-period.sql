--liquibase formatted sql

--changeset wholecare:0018-1
-- A budget's book keeps the area whose funders it accounts for and the period it covers, given by
-- the budget feature when the book is opened, so an area's figures are summed by the ledger
-- itself (never by another feature reading its lines, nor the ledger reading budget tables).
ALTER TABLE ledger_book ADD COLUMN area_id BIGINT NULL, ADD COLUMN covers_from DATE NULL,
  ADD COLUMN covers_to DATE NULL;
UPDATE ledger_book k JOIN budget b ON b.id = k.budget_id
  SET k.area_id = b.area_id, k.covers_from = b.start_date, k.covers_to = b.end_date;
ALTER TABLE ledger_book MODIFY area_id BIGINT NOT NULL, MODIFY covers_from DATE NOT NULL,
  MODIFY covers_to DATE NOT NULL;
CREATE INDEX ix_ledger_book_area_period ON ledger_book (area_id, covers_from, covers_to);
--rollback DROP INDEX ix_ledger_book_area_period ON ledger_book; ALTER TABLE ledger_book DROP COLUMN area_id, DROP COLUMN covers_from, DROP COLUMN covers_to;
