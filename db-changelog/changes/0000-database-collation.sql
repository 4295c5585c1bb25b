--liquibase formatted sql

--changeset wholecare:0000-1
-- Tables that name no collation take the database's, and a foreign key between text columns needs
-- both sides to agree. Servers differ (Debian's MariaDB utf8mb4_general_ci, MySQL 8
-- utf8mb4_0900_ai_ci), so the database's own default is set here, before any table exists, to the
-- collation the other tables name. Already so on the embedded server; harmless where it is.
ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
--rollback SELECT 1;
