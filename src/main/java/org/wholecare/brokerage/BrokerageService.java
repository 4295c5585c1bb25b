package org.wholecare.brokerage;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.ConsentGrant;
import org.wholecare.budget.ConsentScope;
import org.wholecare.budget.ConsentService;
import org.wholecare.budget.SupportPlan;
import org.wholecare.budget.SupportPlanService;
import org.wholecare.marketplace.Listing;
import org.wholecare.marketplace.SearchService;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Money;
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
    private static final int UNDERSPEND_PERCENT = 20;
    private static final int GRANT_ENDING_DAYS = 14;

    private final JdbcClient jdbc;
    private final ConsentService consent;
    private final BudgetService budgets;
    private final SupportPlanService plans;
    private final SearchService search;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;
    private final Clock clock;

    BrokerageService(JdbcClient jdbc, ConsentService consent, BudgetService budgets, SupportPlanService plans,
            SearchService search, OrganisationService organisations, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.consent = consent;
        this.budgets = budgets;
        this.plans = plans;
        this.search = search;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Everyone whose consent is in force for the caller (or their brokerage), with what needs attention. */
    @PreAuthorize("hasAnyRole('BROKER', 'REPRESENTATIVE')")
    public List<Client> caseload() {
        List<Client> clients = new ArrayList<>();
        for (ConsentGrant grant : consent.grantsToMe()) {
            clients.add(client(grant.holderId()));
        }
        return clients;
    }

    /** One client's money, forecast, review date and alerts. */
    @PreAuthorize("isAuthenticated()")
    public Client client(long holderId) {
        var who = consent.authorise(holderId, ConsentScope.VIEW, "Looked at the budget summary");
        LocalDate today = today();
        List<String> alerts = new ArrayList<>();
        Long available = null;
        LocalDate runsOut = null;
        var budget = budgets.currentBudget(holderId);
        if (budget.isPresent()) {
            var overview = budgets.overview(budget.get().id());
            available = overview.balance().available();
            runsOut = overview.forecast().runsOutOn();
            var forecast = overview.forecast();
            if (forecast.started() && forecast.daysElapsed() >= 14 && forecast.allocatedPence() > 0
                    && forecast.projectedUnspentPence() * 100 > forecast.allocatedPence() * UNDERSPEND_PERCENT) {
                alerts.add("On track to leave " + Money.format(forecast.projectedUnspentPence())
                        + " unspent, more than " + UNDERSPEND_PERCENT + "% of the budget");
            }
            if (runsOut != null) {
                alerts.add("Money runs out on " + runsOut.format(java.time.format.DateTimeFormatter
                        .ofPattern("d MMMM yyyy", java.util.Locale.UK)) + " at this rate");
            }
        }
        LocalDate review = plans.agreed(holderId).map(SupportPlan::reviewDate).orElse(null);
        if (review != null && review.isBefore(today)) {
            alerts.add("Support plan review is overdue");
        }
        ConsentGrant grant = who.grantId() == null ? null
                : consent.grantsToMe().stream().filter(g -> g.id() == who.grantId()).findFirst().orElse(null);
        if (grant != null && grant.endsWithin(today, GRANT_ENDING_DAYS)) {
            alerts.add("Consent ends on " + grant.endsOn().format(java.time.format.DateTimeFormatter
                    .ofPattern("d MMMM yyyy", java.util.Locale.UK)));
        }
        return new Client(holderId, who.holder().fullName(), who.holder().postcodeDistrict(), grant, available,
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
        Long quoted = jdbc.sql("SELECT quoted_price_pence FROM quote_request WHERE holder_id = ? AND listing_id = ? "
                        + "AND quoted_price_pence IS NOT NULL ORDER BY answered_at DESC LIMIT 1")
                .params(holderId, listingId).query(Long.class).optional().orElse(null);
        long price = quoted != null ? quoted : listing.pricePence();
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO proposal (holder_id, listing_id, quantity, frequency, start_date, unit_price_pence, reason,
                  status, proposed_by, grant_id, proposed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?, ?, ?)""")
                .params(holderId, listingId, quantity, frequency.name(), Date.valueOf(startDate), price, why,
                        who.actorAccountId(), who.grantId(), now())
                .update(key);
        long id = key.getKey().longValue();
        jdbc.sql("""
                INSERT INTO proposal_option (proposal_id, listing_id, note)
                SELECT ?, s.listing_id, s.note FROM shortlist_item s
                WHERE s.holder_id = ? AND s.removed_at IS NULL AND s.listing_id <> ?""")
                .params(id, holderId, listingId).update();
        return proposal(id);
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

    @PreAuthorize("hasAnyRole('BROKER', 'REPRESENTATIVE')")
    @Transactional
    public Quote requestQuote(long holderId, long listingId, String message) {
        var who = consent.authorise(holderId, ConsentScope.PROPOSE, "Asked a provider for a quote");
        Listing listing = available(listingId, who.holder().postcodeDistrict());
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            throw ValidationException.of("message", "Say what is needed, for example how many hours a week and when.");
        }
        if (text.length() > 2_000) {
            throw ValidationException.of("message", "Keep the message to 2,000 characters or fewer.");
        }
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO quote_request (holder_id, listing_id, provider_id, requested_by, grant_id, message, "
                        + "requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(holderId, listingId, listing.organisationId(), who.actorAccountId(), who.grantId(), text, now())
                .update(key);
        return quote(key.getKey().longValue());
    }

    @PreAuthorize("isAuthenticated()")
    public List<Quote> quotes(long holderId) {
        consent.authorise(holderId, ConsentScope.VIEW, "Looked at quotes");
        return jdbc.sql(QUOTES + "WHERE q.holder_id = ? ORDER BY q.requested_at DESC, q.id DESC").param(holderId)
                .query(BrokerageService::quote).list();
    }

    /** Quote requests to the signed-in provider's organisation; it sees the person's first name and district only. */
    @RolesAllowed(Roles.PROVIDER)
    public List<Quote> quoteRequestsForMe() {
        return jdbc.sql(QUOTES + "WHERE q.provider_id = ? ORDER BY q.quoted_price_pence IS NOT NULL, q.requested_at DESC")
                .param(currentUser.require().organisationId()).query(BrokerageService::quote).list();
    }

    @RolesAllowed(Roles.PROVIDER)
    @Transactional
    public Quote answerQuote(long quoteId, long pricePence, String terms) {
        Quote quote = jdbc.sql(QUOTES + "WHERE q.id = ? AND q.provider_id = ?")
                .params(quoteId, currentUser.require().organisationId()).query(BrokerageService::quote).optional()
                .orElseThrow(() -> new AccessDeniedException("Not a quote request to your organisation"));
        var errors = new ValidationException.Collector();
        if (pricePence <= 0) {
            errors.add("price", "Enter a price greater than £0.00.");
        } else if (pricePence > 1_000_000L) {
            errors.add("price", "A price can be at most £10,000.00 per unit.");
        }
        String text = terms == null ? "" : terms.strip();
        if (text.isEmpty()) {
            errors.add("terms", "Say what the price covers, for example times, notice to cancel and travel.");
        } else if (text.length() > 2_000) {
            errors.add("terms", "Keep the terms to 2,000 characters or fewer.");
        }
        errors.throwIfAny();
        jdbc.sql("UPDATE quote_request SET quoted_price_pence = ?, quoted_terms = ?, answered_by = ?, answered_at = ? "
                        + "WHERE id = ?")
                .params(pricePence, text, currentUser.require().accountId(), now(), quote.id()).update();
        return quote(quote.id());
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
                       c.description
                FROM proposal p JOIN listing l ON l.id = p.listing_id JOIN organisation o ON o.id = l.organisation_id
                JOIN user_account a ON a.id = p.proposed_by
                LEFT JOIN conflict_of_interest c ON c.brokerage_id = a.organisation_id
                  AND c.provider_organisation_id = l.organisation_id
                WHERE p.id = ?""").param(id)
                .query((rs, n) -> new Proposal(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getInt(7), Proposal.Frequency.valueOf(rs.getString(8)),
                        rs.getDate(9).toLocalDate(), rs.getLong(10), unit(rs.getString(11)), rs.getString(12),
                        Proposal.Status.valueOf(rs.getString(13)), rs.getString(14), rs.getTimestamp(15).toInstant(),
                        rs.getString(16), options, rs.getString(17)))
                .single();
    }

    private Quote quote(long id) {
        return jdbc.sql(QUOTES + "WHERE q.id = ?").param(id).query(BrokerageService::quote).single();
    }

    private static final String SHORTLIST = """
            SELECT s.id, l.id, l.title, o.name, o.id, l.price_pence, l.unit, s.note, a.full_name
            FROM shortlist_item s JOIN listing l ON l.id = s.listing_id JOIN organisation o ON o.id = l.organisation_id
            JOIN user_account a ON a.id = s.added_by\s""";

    private static final String QUOTES = """
            SELECT q.id, q.holder_id, h.full_name, h.postcode_district, q.listing_id, l.title, o.name, a.full_name,
                   q.message, q.requested_at, q.quoted_price_pence, q.quoted_terms
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
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
                rs.getObject(11, Long.class), rs.getString(12));
    }

    private static String unit(String unit) {
        return org.wholecare.marketplace.ListingUnit.valueOf(unit).label();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BudgetService.UK));
    }
}
