--liquibase formatted sql

--changeset wholecare:0007-1
-- The words of a listing plus tokens for where it is offered (zd + district), its kind of support
-- (zc + category id) and whether it can be seen (zvisible), so one full-text lookup intersects them
-- all instead of reading every listing that contains a common word and filtering afterwards.
ALTER TABLE listing ADD COLUMN search_text TEXT NULL;
CREATE FULLTEXT INDEX ft_listing_search ON listing (search_text);
UPDATE listing l SET l.search_text = CONCAT_WS(' ', l.title, l.description,
    (SELECT GROUP_CONCAT(CONCAT('zd', LOWER(d.postcode_district)) SEPARATOR ' ') FROM listing_district d
     WHERE d.listing_id = l.id),
    CONCAT('zc', l.category_id), IF(l.visible, 'zvisible', NULL));
--rollback DROP INDEX ft_listing_search ON listing; ALTER TABLE listing DROP COLUMN search_text;
