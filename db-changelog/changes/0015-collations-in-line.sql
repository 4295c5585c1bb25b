--liquibase formatted sql

-- Tables made before 0000 set the database's collation took the server's default. Where one of them
-- differs from the rest it is converted, so text compares and joins the same way everywhere; where
-- it already agrees (every installation on the embedded server) nothing is rebuilt. Foreign-key
-- checks are off for the conversion only: both sides end in the same collation.

--changeset wholecare:0015-1
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'ledger_book' AND TABLE_COLLATION <> 'utf8mb4_unicode_ci'
SET FOREIGN_KEY_CHECKS = 0;
ALTER TABLE ledger_book CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SET FOREIGN_KEY_CHECKS = 1;
--rollback SELECT 1;

--changeset wholecare:0015-2
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'ledger_line' AND TABLE_COLLATION <> 'utf8mb4_unicode_ci'
SET FOREIGN_KEY_CHECKS = 0;
ALTER TABLE ledger_line CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SET FOREIGN_KEY_CHECKS = 1;
--rollback SELECT 1;

--changeset wholecare:0015-3
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'ledger_balance' AND TABLE_COLLATION <> 'utf8mb4_unicode_ci'
SET FOREIGN_KEY_CHECKS = 0;
ALTER TABLE ledger_balance CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SET FOREIGN_KEY_CHECKS = 1;
--rollback SELECT 1;

--changeset wholecare:0015-4
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'provider_district' AND TABLE_COLLATION <> 'utf8mb4_unicode_ci'
SET FOREIGN_KEY_CHECKS = 0;
ALTER TABLE provider_district CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SET FOREIGN_KEY_CHECKS = 1;
--rollback SELECT 1;

--changeset wholecare:0015-5
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'listing_district' AND TABLE_COLLATION <> 'utf8mb4_unicode_ci'
SET FOREIGN_KEY_CHECKS = 0;
ALTER TABLE listing_district CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SET FOREIGN_KEY_CHECKS = 1;
--rollback SELECT 1;

--changeset wholecare:0015-6
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'listing_price_history' AND TABLE_COLLATION <> 'utf8mb4_unicode_ci'
SET FOREIGN_KEY_CHECKS = 0;
ALTER TABLE listing_price_history CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SET FOREIGN_KEY_CHECKS = 1;
--rollback SELECT 1;

--changeset wholecare:0015-7
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'consent_event' AND TABLE_COLLATION <> 'utf8mb4_unicode_ci'
SET FOREIGN_KEY_CHECKS = 0;
ALTER TABLE consent_event CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SET FOREIGN_KEY_CHECKS = 1;
--rollback SELECT 1;

--changeset wholecare:0015-8
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'purchase_stream' AND TABLE_COLLATION <> 'utf8mb4_unicode_ci'
SET FOREIGN_KEY_CHECKS = 0;
ALTER TABLE purchase_stream CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SET FOREIGN_KEY_CHECKS = 1;
--rollback SELECT 1;

--changeset wholecare:0015-9
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'delivery' AND TABLE_COLLATION <> 'utf8mb4_unicode_ci'
SET FOREIGN_KEY_CHECKS = 0;
ALTER TABLE delivery CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SET FOREIGN_KEY_CHECKS = 1;
--rollback SELECT 1;

--changeset wholecare:0015-10
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'stripe_event' AND TABLE_COLLATION <> 'utf8mb4_unicode_ci'
SET FOREIGN_KEY_CHECKS = 0;
ALTER TABLE stripe_event CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SET FOREIGN_KEY_CHECKS = 1;
--rollback SELECT 1;

--changeset wholecare:0015-11
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'top_up' AND TABLE_COLLATION <> 'utf8mb4_unicode_ci'
SET FOREIGN_KEY_CHECKS = 0;
ALTER TABLE top_up CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SET FOREIGN_KEY_CHECKS = 1;
--rollback SELECT 1;

--changeset wholecare:0015-12
--preconditions onFail:MARK_RAN
--precondition-sql-check expectedResult:1 SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'payout_account' AND TABLE_COLLATION <> 'utf8mb4_unicode_ci'
SET FOREIGN_KEY_CHECKS = 0;
ALTER TABLE payout_account CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
SET FOREIGN_KEY_CHECKS = 1;
--rollback SELECT 1;
