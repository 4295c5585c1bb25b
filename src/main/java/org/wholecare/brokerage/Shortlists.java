package org.wholecare.brokerage;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.brokerage.internal.OpenListings;
import org.wholecare.consent.ConsentScope;
import org.wholecare.consent.ConsentService;
import org.wholecare.marketplace.Listing;
import org.wholecare.shared.ValidationException;
import org.wholecare.shared.Roles;

/** The services a broker or representative is weighing for a client, each with a note why. */
@Service
@Transactional(readOnly = true)
public class Shortlists {

    public static final int MAX_NOTE = 1_000;

    private final JdbcClient jdbc;
    private final ConsentService consent;
    private final OpenListings listings;
    private final Clock clock;

    Shortlists(JdbcClient jdbc, ConsentService consent, OpenListings listings, Clock clock) {
        this.jdbc = jdbc;
        this.consent = consent;
        this.listings = listings;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public List<ShortlistItem> shortlist(long holderId) {
        consent.authorise(holderId, ConsentScope.VIEW, "Looked at the shortlist");
        return jdbc.sql(SHORTLIST + "WHERE s.holder_id = ? AND s.removed_at IS NULL ORDER BY s.added_at, s.id")
                .param(holderId).query(OpenListings::shortlistItem).list();
    }

    @RolesAllowed({Roles.BROKER, Roles.REPRESENTATIVE})
    @Transactional
    public ShortlistItem add(long holderId, long listingId, @Nullable String note) {
        var who = consent.authorise(holderId, ConsentScope.PROPOSE, "Added a service to the shortlist");
        Listing listing = listings.available(listingId, who.holder().postcodeDistrict());
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw ValidationException.of("note", "Keep the note to 1,000 characters or fewer.");
        }
        boolean already = jdbc.sql("SELECT COUNT(*) FROM shortlist_item WHERE holder_id = ? AND listing_id = ? "
                + "AND removed_at IS NULL").params(holderId, listingId).query(Long.class).single() > 0;
        if (already) {
            throw ValidationException.of("note", listing.title() + " is already on the shortlist.");
        }
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO shortlist_item (holder_id, listing_id, note, added_by, grant_id, added_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(holderId, listingId, text.isEmpty() ? null : text, who.actorAccountId(), who.grantId(),
                        Timestamp.from(clock.instant()))
                .update(key);
        return jdbc.sql(SHORTLIST + "WHERE s.id = ?").param(key.getKey().longValue())
                .query(OpenListings::shortlistItem).single();
    }

    @RolesAllowed({Roles.BROKER, Roles.REPRESENTATIVE})
    @Transactional
    public void remove(long holderId, long itemId) {
        consent.authorise(holderId, ConsentScope.PROPOSE, "Took a service off the shortlist");
        jdbc.sql("UPDATE shortlist_item SET removed_at = ? WHERE id = ? AND holder_id = ? AND removed_at IS NULL")
                .params(Timestamp.from(clock.instant()), itemId, holderId).update();
    }

    private static final String SHORTLIST = """
            SELECT s.id, l.id, l.title, o.name, o.id, l.price_pence, l.unit, s.note, a.full_name
            FROM shortlist_item s JOIN listing l ON l.id = s.listing_id JOIN organisation o ON o.id = l.organisation_id
            JOIN user_account a ON a.id = s.added_by\s""";
}
