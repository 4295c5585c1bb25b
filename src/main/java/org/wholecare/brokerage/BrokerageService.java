package org.wholecare.brokerage;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.ConsentGrant;
import org.wholecare.budget.ConsentScope;
import org.wholecare.budget.ConsentService;
import org.wholecare.marketplace.Listing;
import org.wholecare.marketplace.SearchService;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Money;
import org.wholecare.shared.RefusedException;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/**
 * A broker's or representative's work for a client. Every read and write checks the client's
 * consent through {@link ConsentService#authorise}, which also writes the client's access log.
 */
@Service
@Transactional(readOnly = true)
public class BrokerageService {

    static final int MAX_NOTE = 1_000;
    static final int MAX_QUANTITY = 1_000;
    static final int MAX_MESSAGE = 2_000;
    /** £10,000.00: a quoted price per unit above this is a typing slip. */
    static final long MAX_QUOTED_PENCE = 1_000_000L;
    private static final int UNDERSPEND_PERCENT = 20;
    private static final int GRANT_ENDING_DAYS = 14;

    private final JdbcClient jdbc;
    private final org.wholecare.budget.HolderRecords records;
    private final ConsentService consent;
    private final SearchService search;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;
    private final Clock clock;

    BrokerageService(JdbcClient jdbc, ConsentService consent, SearchService search, OrganisationService organisations,
            CurrentUser currentUser, org.wholecare.budget.HolderRecords records, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.consent = consent;
        this.search = search;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Everyone whose consent is in force for the caller (or their brokerage), with what needs
     * attention: for a representative, the people who granted them access. One check (and one
     * access-log line) per person.
     */
    @PreAuthorize("hasAnyRole('BROKER', 'REPRESENTATIVE')")
    public List<Client> caseload() {
        Set<Long> seen = new HashSet<>();
        List<Client> clients = new ArrayList<>();
        for (ConsentGrant grant : consent.grantsToMe()) {
            if (seen.add(grant.holderId())) {
                clients.add(client(consent.glance(grant.holderId(), "Looked at the budget summary")));
            }
        }
        return clients;
    }

    /** One client's money, forecast, review date and alerts. */
    @PreAuthorize("hasAnyRole('BROKER', 'REPRESENTATIVE')")
    public Client client(long holderId) {
        return client(consent.glance(holderId, "Looked at the budget summary"));
    }

    private Client client(ConsentService.Glance glance) {
        LocalDate today = today();
        List<String> alerts = new ArrayList<>();
        var forecast = glance.forecast();
        LocalDate runsOut = forecast == null ? null : forecast.runsOutOn();
        if (forecast != null && forecast.started() && forecast.daysElapsed() >= 14 && forecast.allocatedPence() > 0
                && forecast.projectedUnspentPence() * 100 > forecast.allocatedPence() * UNDERSPEND_PERCENT) {
            alerts.add("On track to leave " + Money.format(forecast.projectedUnspentPence())
                    + " unspent, more than " + UNDERSPEND_PERCENT + "% of the budget");
        }
        if (runsOut != null) {
            alerts.add("Money runs out on " + DAY.format(runsOut) + " at this rate");
        }
        LocalDate review = glance.nextReview();
        if (review != null && review.isBefore(today)) {
            alerts.add("Support plan review is overdue");
        }
        ConsentGrant grant = glance.grant();
        if (grant != null && grant.endsWithin(today, GRANT_ENDING_DAYS)) {
            alerts.add("Consent ends on " + DAY.format(grant.endsOn()));
        }
        var holder = glance.who().holder();
        return new Client(holder.id(), holder.fullName(), holder.postcodeDistrict(), grant, glance.availablePence(),
                runsOut, review, alerts);
    }

    @PreAuthorize("isAuthenticated()")
    public List<ShortlistItem> shortlist(long holderId) {
        consent.authorise(holderId, ConsentScope.VIEW, "Looked at the shortlist");
        return jdbc.sql(SHORTLIST + "WHERE s.holder_id = ? AND s.removed_at IS NULL ORDER BY s.added_at, s.id")
                .param(holderId).query(BrokerageService::shortlistItem).list();
    }

    @PreAuthorize("hasAnyRole('BROKER', 'REPRESENTATIVE')")
    @Transactional
    public ShortlistItem addToShortlist(long holderId, long listingId, String note) {
        var who = consent.authorise(holderId, ConsentScope.PROPOSE, "Added a service to the shortlist");
        Listing listing = available(listingId, who.holder().postcodeDistrict());
        String text = note == null ? "" : note.strip();
        if (text.length() > MAX_NOTE) {
            throw ValidationException.of("note", "Keep the note to 1,000 characters or fewer.");
        }
        boolean already = jdbc.sql("SELECT COUNT(*) FROM shortlist_item WHERE holder_id = ? AND listing_id = ? "
                + "AND removed_at IS NULL").params(holderId, listingId).query(Long.class).single() > 0;
        if (already) {
            throw ValidationException.of("note", listing.title() + " is already on the shortlist.");
        }
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO shortlist_item (holder_id, listing_id, note, added_by, grant_id, added_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(holderId, listingId, text.isEmpty() ? null : text, who.actorAccountId(), who.grantId(), now())
                .update(key);
        return jdbc.sql(SHORTLIST + "WHERE s.id = ?").param(key.getKey().longValue())
                .query(BrokerageService::shortlistItem).single();
    }

    @PreAuthorize("hasAnyRole('BROKER', 'REPRESENTATIVE')")
    @Transactional
    public void removeFromShortlist(long holderId, long itemId) {
        consent.authorise(holderId, ConsentScope.PROPOSE, "Took a service off the shortlist");
        jdbc.sql("UPDATE shortlist_item SET removed_at = ? WHERE id = ? AND holder_id = ? AND removed_at IS NULL")
                .params(now(), itemId, holderId).update();
    }

    /**
     * Proposes a purchase for the holder to accept or decline. The shortlist at that moment is kept
     * with it as the other options considered; a quote the provider has given sets the price.
     */
    @PreAuthorize("hasAnyRole('BROKER', 'REPRESENTATIVE')")
    @Transactional
    public Proposal propose(long holderId, Long listingId, int quantity, Proposal.Frequency frequency,
            LocalDate startDate, String reason) {
        var who = consent.authorise(holderId, ConsentScope.PROPOSE, "Proposed a purchase");
        return insertProposal(who, listingId, quantity, frequency, startDate, reason, false);
    }

    /**
     * For a broker or representative with consent to buy: the proposal is made and accepted in one
     * step, recorded as theirs, ready to book from Purchases. Checked here, not only by the page.
     */
    @PreAuthorize("hasAnyRole('BROKER', 'REPRESENTATIVE')")
    @Transactional
    public Proposal proposeAndAccept(long holderId, Long listingId, int quantity, Proposal.Frequency frequency,
            LocalDate startDate, String reason) {
        var who = consent.authorise(holderId, ConsentScope.PURCHASE, "Accepted a purchase under consent to buy");
        return insertProposal(who, listingId, quantity, frequency, startDate, reason, true);
    }

    private Proposal insertProposal(ConsentService.Authorised who, Long listingId, int quantity,
            Proposal.Frequency frequency, LocalDate startDate, String reason, boolean accepted) {
        long holderId = who.holder().id();
        var errors = new ValidationException.Collector();
        Listing listing = null;
        if (listingId == null) {
            errors.add("listing", "Choose the service to propose from the shortlist.");
        } else {
            try {
                listing = available(listingId, who.holder().postcodeDistrict());
            } catch (ValidationException e) {
                errors.add("listing", e.getMessage());
            }
        }
        if (quantity < 1) {
            errors.add("quantity", "Enter how many, 1 or more.");
        } else if (quantity > MAX_QUANTITY) {
            errors.add("quantity", "Enter at most " + MAX_QUANTITY + " at a time.");
        }
        if (frequency == null) {
            errors.add("frequency", "Choose how often.");
        }
        LocalDate today = today();
        if (startDate == null) {
            errors.add("startDate", "Choose when it would start.");
        } else if (startDate.isBefore(today)) {
            errors.add("startDate", "The start date cannot be in the past.");
        } else if (startDate.isAfter(today.plusYears(1))) {
            errors.add("startDate", "Choose a start within a year.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            errors.add("reason", "Say why this suits the person, so they can decide.");
        } else if (why.length() > MAX_NOTE) {
            errors.add("reason", "Keep this to 1,000 characters or fewer.");
        }
        errors.throwIfAny();
        // the latest offer from the provider, if any, is the price
        Long quoted = jdbc.sql("SELECT quoted_price_pence FROM quote_request WHERE holder_id = ? AND listing_id = ? "
                        + "AND quoted_price_pence IS NOT NULL ORDER BY answered_at DESC, id DESC LIMIT 1")
                .params(holderId, listingId).query(Long.class).optional().orElse(null);
        long price = quoted != null ? quoted : listing.pricePence();
        Timestamp at = now();
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO proposal (holder_id, listing_id, quantity, frequency, start_date, unit_price_pence, reason,
                  status, proposed_by, grant_id, proposed_at, decided_by, decided_at, decision_comment)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(holderId, listingId, quantity, frequency.name(), Date.valueOf(startDate), price, why,
                        accepted ? "ACCEPTED" : "PROPOSED", who.actorAccountId(), who.grantId(), at,
                        accepted ? who.actorAccountId() : null, accepted ? at : null,
                        accepted ? "Booked by " + currentUser.require().fullName() + " under consent to buy" : null)
                .update(key);
        long id = key.getKey().longValue();
        jdbc.sql("""
                INSERT INTO proposal_option (proposal_id, listing_id, note)
                SELECT ?, s.listing_id, s.note FROM shortlist_item s
                WHERE s.holder_id = ? AND s.removed_at IS NULL AND s.listing_id <> ?""")
                .params(id, holderId, listingId).update();
        return proposal(id);
    }

    /** The person who proposed withdraws a proposal the holder has not decided yet. */
    @PreAuthorize("hasAnyRole('BROKER', 'REPRESENTATIVE')")
    @Transactional
    public Proposal withdraw(long proposalId) {
        record Row(long holderId, long proposedBy) {
        }
        Row row = jdbc.sql("SELECT holder_id, proposed_by FROM proposal WHERE id = ?").param(proposalId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2))).optional()
                .orElseThrow(() -> new AccessDeniedException("You do not have access to this proposal."));
        var who = consent.authorise(row.holderId(), ConsentScope.PROPOSE, "Withdrew a proposal");
        if (row.proposedBy() != who.actorAccountId()) {
            throw ValidationException.of("", "Only the person who proposed this can withdraw it.");
        }
        int changed = jdbc.sql("UPDATE proposal SET status = 'WITHDRAWN', decided_by = ?, decided_at = ? "
                        + "WHERE id = ? AND status = 'PROPOSED'")
                .params(who.actorAccountId(), now(), proposalId).update();
        if (changed == 0) {
            throw ValidationException.of("", "This proposal has already been decided, so it cannot be withdrawn.");
        }
        return proposal(proposalId);
    }

    /** Proposals for the holder, newest first, each with the other options and any declared conflict. */
    @PreAuthorize("isAuthenticated()")
    public List<Proposal> proposals(long holderId) {
        consent.authorise(holderId, ConsentScope.VIEW, "Looked at proposals");
        return jdbc.sql("SELECT id FROM proposal WHERE holder_id = ? ORDER BY proposed_at DESC, id DESC")
                .param(holderId).query(Long.class).list().stream().map(this::proposal).toList();
    }

    /**
     * The holder accepts or declines a proposal, with a comment; a representative may do so for them
     * only with consent to purchase, since accepting commits them to buy.
     */
    @PreAuthorize("hasAnyRole('BUDGET_HOLDER', 'REPRESENTATIVE')")
    @Transactional
    public Proposal decide(long proposalId, boolean accept, String comment) {
        Long holderId = jdbc.sql("SELECT holder_id FROM proposal WHERE id = ?").param(proposalId).query(Long.class)
                .optional().orElseThrow(() -> new AccessDeniedException("You do not have access to this proposal."));
        var who = consent.authorise(holderId, ConsentScope.PURCHASE,
                accept ? "Accepted a proposal" : "Declined a proposal");
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_NOTE) {
            throw ValidationException.of("comment", "Keep the comment to 1,000 characters or fewer.");
        }
        if (!accept && text.isEmpty()) {
            throw ValidationException.of("comment", "Say why you are declining, so your broker can find something better.");
        }
        int changed = jdbc.sql("UPDATE proposal SET status = ?, decided_by = ?, decided_at = ?, decision_comment = ? "
                        + "WHERE id = ? AND status = 'PROPOSED'")
                .params(accept ? "ACCEPTED" : "DECLINED", who.actorAccountId(), now(), text.isEmpty() ? null : text,
                        proposalId)
                .update();
        if (changed == 0) {
            throw ValidationException.of("", "This proposal has already been decided.");
        }
        return proposal(proposalId);
    }

    /** What the signed-in broker's brokerage has declared. */
    public record Conflict(long providerId, String providerName, String description) {
    }

    @RolesAllowed(Roles.BROKER)
    public List<Conflict> conflicts() {
        return jdbc.sql("""
                SELECT c.provider_organisation_id, o.name, c.description FROM conflict_of_interest c
                JOIN organisation o ON o.id = c.provider_organisation_id WHERE c.brokerage_id = ? ORDER BY o.name""")
                .param(currentUser.require().organisationId())
                .query((rs, n) -> new Conflict(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The broker declares for their brokerage an interest in a provider; holders see it by every proposal of it. */
    @RolesAllowed(Roles.BROKER)
    @Transactional
    public void declareConflict(Long providerOrganisationId, String description) {
        SignedInUser broker = currentUser.require();
        var errors = new ValidationException.Collector();
        var provider = providerOrganisationId == null ? null : organisations.organisation(providerOrganisationId)
                .filter(o -> o.type() == OrganisationType.PROVIDER).orElse(null);
        if (provider == null) {
            errors.add("provider", "Choose the provider.");
        }
        String text = description == null ? "" : description.strip();
        if (text.isEmpty()) {
            errors.add("description", "Say what the interest is, for example 'our charity also runs this day centre'.");
        } else if (text.length() > 500) {
            errors.add("description", "Keep this to 500 characters or fewer.");
        }
        errors.throwIfAny();
        int updated = jdbc.sql("UPDATE conflict_of_interest SET description = ?, declared_by = ?, declared_at = ? "
                        + "WHERE brokerage_id = ? AND provider_organisation_id = ?")
                .params(text, broker.accountId(), now(), broker.organisationId(), provider.id()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO conflict_of_interest (brokerage_id, provider_organisation_id, description, declared_by, "
                            + "declared_at) VALUES (?, ?, ?, ?, ?)")
                    .params(broker.organisationId(), provider.id(), text, broker.accountId(), now()).update();
        }
    }

    /** Starts a quote's thread: a request to the listing's provider, from a broker or representative. */
    @PreAuthorize("hasAnyRole('BROKER', 'REPRESENTATIVE')")
    @Transactional
    public Quote requestQuote(long holderId, long listingId, String message) {
        var who = consent.authorise(holderId, ConsentScope.PROPOSE, "Asked a provider for a quote");
        Listing listing = available(listingId, who.holder().postcodeDistrict());
        String text = message(message, "Say what is needed, for example how many hours a week and when.");
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO quote_request (holder_id, listing_id, provider_id, requested_by, grant_id, message, "
                        + "requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(holderId, listingId, listing.organisationId(), who.actorAccountId(), who.grantId(), text, now())
                .update(key);
        long id = key.getKey().longValue();
        addMessage(id, who.actorAccountId(), text, null, null);
        return quote(id);
    }

    /** The broker or representative writes again in a quote's thread, with consent to propose. */
    @PreAuthorize("hasAnyRole('BROKER', 'REPRESENTATIVE')")
    @Transactional
    public Quote replyToQuote(long quoteId, String message) {
        Long holderId = jdbc.sql("SELECT holder_id FROM quote_request WHERE id = ?").param(quoteId).query(Long.class)
                .optional().orElseThrow(() -> new AccessDeniedException("There is no such quote request."));
        var who = consent.authorise(holderId, ConsentScope.PROPOSE, "Wrote to a provider about a quote");
        String text = message(message, "Write your message to the provider.");
        addMessage(quoteId, who.actorAccountId(), text, null, null);
        return quote(quoteId);
    }

    /** Quote threads for the holder, newest first; the holder reads them, brokers and representatives write. */
    @PreAuthorize("isAuthenticated()")
    public List<Quote> quotes(long holderId) {
        consent.authorise(holderId, ConsentScope.VIEW, "Looked at quotes");
        return quotesWhere("q.holder_id = ?", holderId);
    }

    /**
     * Quote requests to the signed-in provider's organisation, those waiting for its answer first; it
     * sees the person's first name and district only.
     */
    @RolesAllowed(Roles.PROVIDER)
    public List<Quote> quoteRequestsForMe() {
        List<Quote> quotes = quotesWhere("q.provider_id = ?", currentUser.require().organisationId()).stream()
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
    public Quote answerQuote(long quoteId, String message, Long pricePence, String terms) {
        SignedInUser provider = currentUser.require();
        record Row(long holderId, long providerId) {
        }
        Row row = jdbc.sql("SELECT holder_id, provider_id FROM quote_request WHERE id = ?").param(quoteId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2))).optional()
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
        addMessage(quoteId, provider.accountId(), text.isEmpty() ? null : text, offer ? pricePence : null,
                offer ? covers : null);
        if (offer) {
            jdbc.sql("UPDATE quote_request SET quoted_price_pence = ?, quoted_terms = ?, answered_by = ?, "
                            + "answered_at = ? WHERE id = ?")
                    .params(pricePence, covers, provider.accountId(), now(), quoteId).update();
        }
        return quote(quoteId);
    }

    private static String message(String typed, String whenEmpty) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw ValidationException.of("message", whenEmpty);
        }
        if (text.length() > MAX_MESSAGE) {
            throw ValidationException.of("message", "Keep the message to 2,000 characters or fewer.");
        }
        return text;
    }

    private void addMessage(long quoteId, long authorAccountId, String body, Long pricePence, String terms) {
        jdbc.sql("INSERT INTO quote_message (quote_request_id, author_account_id, body, price_pence, terms, at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(quoteId, authorAccountId, body, pricePence, terms, now()).update();
    }

    /** Quotes matching a condition on {@code q} (quote_request), newest first, each with its whole thread. */
    private List<Quote> quotesWhere(String condition, Object value) {
        List<Quote> quotes = jdbc.sql(QUOTES + "WHERE " + condition + " ORDER BY q.requested_at DESC, q.id DESC")
                .param(value).query(BrokerageService::quote).list();
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

    private Listing available(long listingId, String district) {
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

    private Proposal proposal(long id) {
        List<ShortlistItem> options = jdbc.sql("""
                SELECT 0, l.id, l.title, o.name, o.id, l.price_pence, l.unit, po.note, NULL
                FROM proposal_option po JOIN listing l ON l.id = po.listing_id JOIN organisation o ON o.id = l.organisation_id
                WHERE po.proposal_id = ? ORDER BY l.price_pence""").param(id)
                .query(BrokerageService::shortlistItem).list();
        return jdbc.sql("""
                SELECT p.id, p.holder_id, p.listing_id, l.title, o.name, o.id, p.quantity, p.frequency, p.start_date,
                       p.unit_price_pence, l.unit, p.reason, p.status, a.full_name, p.proposed_at, p.decision_comment,
                       c.description, p.proposed_by
                FROM proposal p JOIN listing l ON l.id = p.listing_id JOIN organisation o ON o.id = l.organisation_id
                JOIN user_account a ON a.id = p.proposed_by
                LEFT JOIN conflict_of_interest c ON c.brokerage_id = a.organisation_id
                  AND c.provider_organisation_id = l.organisation_id
                WHERE p.id = ?""").param(id)
                .query((rs, n) -> new Proposal(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getInt(7), Proposal.Frequency.valueOf(rs.getString(8)),
                        rs.getDate(9).toLocalDate(), rs.getLong(10), unit(rs.getString(11)), rs.getString(12),
                        Proposal.Status.valueOf(rs.getString(13)), rs.getString(14), rs.getTimestamp(15).toInstant(),
                        rs.getString(16), options, rs.getString(17), rs.getLong(18)))
                .single();
    }

    private Quote quote(long id) {
        return quotesWhere("q.id = ?", id).getFirst();
    }

    private static final String SHORTLIST = """
            SELECT s.id, l.id, l.title, o.name, o.id, l.price_pence, l.unit, s.note, a.full_name
            FROM shortlist_item s JOIN listing l ON l.id = s.listing_id JOIN organisation o ON o.id = l.organisation_id
            JOIN user_account a ON a.id = s.added_by\s""";

    private static final String QUOTES = """
            SELECT q.id, q.holder_id, h.full_name, h.postcode_district, q.listing_id, l.title, o.name, l.unit,
                   a.full_name, q.requested_at, q.quoted_price_pence, q.quoted_terms
            FROM quote_request q JOIN budget_holder h ON h.id = q.holder_id JOIN listing l ON l.id = q.listing_id
            JOIN organisation o ON o.id = q.provider_id JOIN user_account a ON a.id = q.requested_by\s""";

    private static ShortlistItem shortlistItem(ResultSet rs, int row) throws SQLException {
        return new ShortlistItem(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getLong(6), unit(rs.getString(7)), rs.getString(8), rs.getString(9));
    }

    private static Quote quote(ResultSet rs, int row) throws SQLException {
        // a provider is told only the first name and district, not who the person is
        String first = rs.getString(3).split(" ")[0];
        return new Quote(rs.getLong(1), rs.getLong(2), first, rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getString(7), unit(rs.getString(8)), rs.getString(9), rs.getTimestamp(10).toInstant(),
                rs.getObject(11, Long.class), rs.getString(12), List.of());
    }

    private static String unit(String unit) {
        return org.wholecare.marketplace.ListingUnit.valueOf(unit).label();
    }

    static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy", java.util.Locale.UK);

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BudgetService.UK));
    }
}
