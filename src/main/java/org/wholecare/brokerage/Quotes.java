package org.wholecare.brokerage;

import jakarta.annotation.security.RolesAllowed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.brokerage.internal.OpenListings;
import org.wholecare.consent.ConsentScope;
import org.wholecare.consent.ConsentService;
import org.wholecare.consent.HolderRecords;
import org.wholecare.marketplace.Listing;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Money;
import org.wholecare.shared.RefusedException;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/**
 * Asking a provider for a price: a thread between the broker or representative and the provider,
 * in which the provider may make an offer (a price and what it covers). The latest offer sets the
 * price of the next proposal of that service.
 */
@Service
@Transactional(readOnly = true)
public class Quotes {

    public static final int MAX_MESSAGE = 2_000;
    /** £10,000.00: a quoted price per unit above this is a typing slip. */
    static final long MAX_QUOTED_PENCE = 1_000_000L;

    private final JdbcClient jdbc;
    private final ConsentService consent;
    private final OpenListings listings;
    private final HolderRecords records;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Quotes(JdbcClient jdbc, ConsentService consent, OpenListings listings, HolderRecords records,
            CurrentUser currentUser, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.consent = consent;
        this.listings = listings;
        this.records = records;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Starts a quote's thread: a request to the listing's provider, from a broker or representative. */
    @RolesAllowed({Roles.BROKER, Roles.REPRESENTATIVE})
    @Transactional
    public Quote request(long holderId, long listingId, @Nullable String message) {
        var who = consent.authorise(holderId, ConsentScope.PROPOSE, "Asked a provider for a quote");
        Listing listing = listings.available(listingId, who.holder().postcodeDistrict());
        String text = message(message, "Say what is needed, for example how many hours a week and when.");
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO quote_request (holder_id, listing_id, provider_id, requested_by, grant_id, message, "
                        + "requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(holderId, listingId, listing.organisationId(), who.actorAccountId(), who.grantId(), text, now())
                .update(key);
        long id = key.getKey().longValue();
        addMessage(id, who.actorAccountId(), text, null, null);
        events.publishEvent(new QuoteRequested(id, listing.organisationId()));
        return quote(id);
    }

    /** The broker or representative writes again in a quote's thread, with consent to propose. */
    @RolesAllowed({Roles.BROKER, Roles.REPRESENTATIVE})
    @Transactional
    public Quote reply(long quoteId, @Nullable String message) {
        Long holderId = jdbc.sql("SELECT holder_id FROM quote_request WHERE id = ?").param(quoteId).query(Long.class)
                .optional().orElseThrow(() -> new AccessDeniedException("There is no such quote request."));
        var who = consent.authorise(holderId, ConsentScope.PROPOSE, "Wrote to a provider about a quote");
        String text = message(message, "Write your message to the provider.");
        addMessage(quoteId, who.actorAccountId(), text, null, null);
        return quote(quoteId);
    }

    /** Quote threads for the holder, newest first; the holder reads them, brokers and representatives write. */
    @PreAuthorize("isAuthenticated()")
    public List<Quote> of(long holderId) {
        consent.authorise(holderId, ConsentScope.VIEW, "Looked at quotes");
        return where("q.holder_id = ?", holderId);
    }

    /**
     * Quote requests to the signed-in provider's organisation, those waiting for its answer first; it
     * sees the person's first name and district only.
     */
    @RolesAllowed(Roles.PROVIDER)
    public List<Quote> requestsForMe() {
        List<Quote> quotes = where("q.provider_id = ?", currentUser.require().organisationId()).stream()
                .sorted(Comparator.comparing(q -> !q.waitingForProvider())).toList();
        // the messages say what support someone needs: each look is in their log
        records.recordLooks(quotes.stream().map(Quote::holderId).toList(), "Read your requests for a price");
        return quotes;
    }

    /**
     * The provider writes in a quote's thread sent to its own organisation: a message, an offer
     * (price and terms), or both. A new offer never changes an earlier one; it replaces it as the
     * current offer, which sets the price of the next proposal.
     */
    @RolesAllowed(Roles.PROVIDER)
    @Transactional
    public Quote answer(long quoteId, @Nullable String message, @Nullable Long pricePence, @Nullable String terms) {
        SignedInUser provider = currentUser.require();
        record Row(long holderId, long providerId, long requestedBy) {
        }
        Row row = jdbc.sql("SELECT holder_id, provider_id, requested_by FROM quote_request WHERE id = ?").param(quoteId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3))).optional()
                .orElseThrow(() -> new AccessDeniedException("There is no such quote request."));
        if (provider.organisationId() == null || row.providerId() != provider.organisationId()) {
            // refused (and written to the person's access log) by the consent check: a provider has no grant
            consent.authorise(row.holderId(), ConsentScope.VIEW, "Tried to answer a quote sent to another provider");
            throw new RefusedException("This quote request was sent to another provider, so you cannot answer it.",
                    false);
        }
        String text = message == null ? "" : message.strip();
        String covers = terms == null ? "" : terms.strip();
        boolean offer = pricePence != null || !covers.isEmpty();
        checkAnswer(text, offer, pricePence, covers);
        addMessage(quoteId, provider.accountId(), text.isEmpty() ? null : text, offer ? pricePence : null,
                offer ? covers : null);
        if (offer) {
            jdbc.sql("UPDATE quote_request SET quoted_price_pence = ?, quoted_terms = ?, answered_by = ?, "
                            + "answered_at = ? WHERE id = ?")
                    .params(pricePence, covers, provider.accountId(), now(), quoteId).update();
            events.publishEvent(new QuoteOffered(quoteId, row.holderId(), row.requestedBy()));
        }
        return quote(quoteId);
    }

    private static void checkAnswer(String text, boolean offer, @Nullable Long pricePence, String covers) {
        var errors = new ValidationException.Collector();
        if (text.length() > MAX_MESSAGE) {
            errors.add("message", "Keep the message to 2,000 characters or fewer.");
        } else if (!offer && text.isEmpty()) {
            errors.add("message", "Write a message, or give a price and what it covers.");
        }
        if (offer) {
            if (pricePence == null) {
                errors.add("price", "Enter the price per unit that these terms are for.");
            } else if (pricePence <= 0) {
                errors.add("price", "Enter a price greater than £0.00.");
            } else if (pricePence > MAX_QUOTED_PENCE) {
                errors.add("price", "A price can be at most " + Money.format(MAX_QUOTED_PENCE) + " per unit.");
            }
            if (covers.isEmpty()) {
                errors.add("terms", "Say what the price covers, for example times, notice to cancel and travel.");
            } else if (covers.length() > MAX_MESSAGE) {
                errors.add("terms", "Keep the terms to 2,000 characters or fewer.");
            }
        }
        errors.throwIfAny();
    }

    private static String message(@Nullable String typed, String whenEmpty) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw ValidationException.of("message", whenEmpty);
        }
        if (text.length() > MAX_MESSAGE) {
            throw ValidationException.of("message", "Keep the message to 2,000 characters or fewer.");
        }
        return text;
    }

    private void addMessage(long quoteId, long authorAccountId, @Nullable String body, @Nullable Long pricePence,
            @Nullable String terms) {
        jdbc.sql("INSERT INTO quote_message (quote_request_id, author_account_id, body, price_pence, terms, at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(quoteId, authorAccountId, body, pricePence, terms, now()).update();
    }

    /** Quotes matching a condition on {@code q} (quote_request), newest first, each with its whole thread. */
    private List<Quote> where(String condition, Object value) {
        List<Quote> quotes = jdbc.sql(QUOTES + "WHERE " + condition + " ORDER BY q.requested_at DESC, q.id DESC")
                .param(value).query(Quotes::quote).list();
        record Row(long quoteId, QuoteMessage message) {
        }
        Map<Long, List<QuoteMessage>> threads = new HashMap<>();
        jdbc.sql("""
                SELECT m.quote_request_id, m.id, a.full_name, o.name, a.role, a.organisation_id = q.provider_id,
                       m.body, m.price_pence, m.terms, m.at
                FROM quote_message m JOIN quote_request q ON q.id = m.quote_request_id
                JOIN user_account a ON a.id = m.author_account_id
                LEFT JOIN organisation o ON o.id = a.organisation_id
                WHERE\s""" + condition + " ORDER BY m.at, m.id")
                .param(value)
                .query((rs, n) -> new Row(rs.getLong(1), new QuoteMessage(rs.getLong(2), rs.getString(3),
                        rs.getString(4) != null ? rs.getString(4) : Role.valueOf(rs.getString(5)).label(),
                        rs.getBoolean(6), rs.getString(7), rs.getObject(8, Long.class), rs.getString(9),
                        rs.getTimestamp(10).toInstant())))
                .list()
                .forEach(r -> threads.computeIfAbsent(r.quoteId(), id -> new ArrayList<>()).add(r.message()));
        return quotes.stream().map(q -> q.withMessages(threads.getOrDefault(q.id(), List.of()))).toList();
    }

    private Quote quote(long id) {
        return where("q.id = ?", id).getFirst();
    }

    private static final String QUOTES = """
            SELECT q.id, q.holder_id, h.full_name, h.postcode_district, q.listing_id, l.title, o.name, l.unit,
                   a.full_name, q.requested_at, q.quoted_price_pence, q.quoted_terms
            FROM quote_request q JOIN budget_holder h ON h.id = q.holder_id JOIN listing l ON l.id = q.listing_id
            JOIN organisation o ON o.id = q.provider_id JOIN user_account a ON a.id = q.requested_by\s""";

    private static Quote quote(ResultSet rs, int row) throws SQLException {
        // a provider is told only the first name and district, not who the person is
        String first = rs.getString(3).split(" ")[0];
        return new Quote(rs.getLong(1), rs.getLong(2), first, rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getString(7), OpenListings.unit(rs.getString(8)), rs.getString(9), rs.getTimestamp(10).toInstant(),
                rs.getObject(11, Long.class), rs.getString(12), List.of());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
