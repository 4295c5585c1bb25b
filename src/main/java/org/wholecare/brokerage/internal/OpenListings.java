package org.wholecare.brokerage.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.wholecare.brokerage.ShortlistItem;
import org.wholecare.marketplace.Listing;
import org.wholecare.marketplace.ListingUnit;
import org.wholecare.marketplace.SearchService;
import org.wholecare.shared.ValidationException;

/** The services a broker may put in front of a client: listed, visible and serving where the client lives. */
@Component
public class OpenListings {

    private final SearchService search;

    OpenListings(SearchService search) {
        this.search = search;
    }

    /** The listing, or a message at the "listing" field saying it is not available. */
    public Listing available(long listingId, String district) {
        try {
            Listing listing = search.listing(listingId, district).listing();
            if (!listing.visible()) {
                throw ValidationException.of("listing", "That service is not available at the moment.");
            }
            return listing;
        } catch (AccessDeniedException e) {
            throw ValidationException.of("listing", "That service is not available at the moment.");
        }
    }

    /** A listing's unit as people read it ("hour", "session"). */
    public static String unit(String unit) {
        return ListingUnit.valueOf(unit).label();
    }

    /**
     * A shortlist line, or an option a proposal was weighed against, from the columns: id, listing
     * id, title, provider name, provider id, price, unit, note, who added it.
     */
    public static ShortlistItem shortlistItem(ResultSet rs, int row) throws SQLException {
        return new ShortlistItem(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getLong(6), unit(rs.getString(7)), rs.getString(8), rs.getString(9));
    }
}
