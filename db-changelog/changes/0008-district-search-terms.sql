--liquibase formatted sql

--changeset wholecare:0008-1
-- Search text becomes each word joined to each district a listing is offered in ("nb4_dementia"),
-- so a search reads only its district's share of a word's postings. The application makes the
-- terms (SearchTerms) and remakes any row whose search_terms_version is older than its own at start.
-- Long descriptions offered in many districts outgrow TEXT, hence MEDIUMTEXT.
DROP INDEX ft_listing_search ON listing;
DROP INDEX ft_listing_text ON listing;
ALTER TABLE listing MODIFY search_text MEDIUMTEXT NULL,
    ADD COLUMN search_terms_version INT NOT NULL DEFAULT 0;
CREATE FULLTEXT INDEX ft_listing_search ON listing (search_text);
--rollback DROP INDEX ft_listing_search ON listing; ALTER TABLE listing DROP COLUMN search_terms_version, MODIFY search_text TEXT NULL; CREATE FULLTEXT INDEX ft_listing_text ON listing (title, description); CREATE FULLTEXT INDEX ft_listing_search ON listing (search_text);
