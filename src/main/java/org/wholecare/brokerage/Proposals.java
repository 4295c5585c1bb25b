package org.wholecare.brokerage;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.brokerage.internal.OpenListings;
import org.wholecare.budget.BudgetService;
import org.wholecare.consent.ConsentScope;
import org.wholecare.consent.ConsentService;
import org.wholecare.marketplace.Listing;
import org.wholecare.pooling.Apportioned;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.UkTime;
import org.wholecare.shared.ValidationException;

/**
 * A purchase a broker or representative proposes for the holder to accept or decline, kept with the
 * other options they weighed; an accepted proposal is booked from Purchases. Every read and write
 * checks the holder's consent, which also writes their access log.
 */
@Service
@Transactional(readOnly = true)
public class Proposals {

    public static final int MAX_QUANTITY = 1_000;
    public static final int MAX_REASON = 1_000;

    private final JdbcClient jdbc;
    private final ConsentService consent;
    private final OpenListings listings;
    private final BudgetService budgets;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Proposals(JdbcClient jdbc, ConsentService consent, OpenListings listings, BudgetService budgets,
            CurrentUser currentUser, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.consent = consent;
        this.listings = listings;
        this.budgets = budgets;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * What one time of a proposal would cost the holder's budget today, at the price it would be
     * proposed at, and how the funders would share it: the proposer sees before proposing whether
     * it could be booked, and why not (a stream without enough left).
     */
    @RolesAllowed({Roles.BROKER, Roles.REPRESENTATIVE})
    public ProposalCost costOf(long holderId, long listingId, int quantity) {
        var who = consent.authorise(holderId, ConsentScope.PROPOSE, "Looked at what a proposal would cost");
        Listing listing = listings.available(listingId, who.holder().postcodeDistrict());
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw ValidationException.of("quantity", "Enter how many, from 1 to " + MAX_QUANTITY + ".");
        }
        long price = price(holderId, listing);
        long pence = Math.multiplyExact(price, quantity);
        Apportioned split = budgets.splitFor(holderId, listing.categoryId(), pence);
        return new ProposalCost(price, listing.unit().label(), quantity, pence, split.parts(), split.explanations(),
                split.problems());
    }

    /**
     * Proposes a purchase for the holder to accept or decline. The shortlist at that moment is kept
     * with it as the other options considered; a quote the provider has given sets the price.
     */
    @RolesAllowed({Roles.BROKER, Roles.REPRESENTATIVE})
    @Transactional
    public Proposal propose(long holderId, @Nullable Long listingId, int quantity,
            Proposal.@Nullable Frequency frequency, @Nullable LocalDate startDate, @Nullable String reason) {
        var who = consent.authorise(holderId, ConsentScope.PROPOSE, "Proposed a purchase");
        return insert(who, listingId, quantity, frequency, startDate, reason, false);
    }

    /**
     * For a broker or representative with consent to buy: the proposal is made and accepted in one
     * step, recorded as theirs, ready to book from Purchases. Checked here, not only by the page.
     */
    @RolesAllowed({Roles.BROKER, Roles.REPRESENTATIVE})
    @Transactional
    public Proposal proposeAndAccept(long holderId, @Nullable Long listingId, int quantity,
            Proposal.@Nullable Frequency frequency, @Nullable LocalDate startDate, @Nullable String reason) {
        var who = consent.authorise(holderId, ConsentScope.PURCHASE, "Accepted a purchase under consent to buy");
        return insert(who, listingId, quantity, frequency, startDate, reason, true);
    }

    /** The person who proposed withdraws a proposal the holder has not decided yet. */
    @RolesAllowed({Roles.BROKER, Roles.REPRESENTATIVE})
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
        if (!move(proposalId, Proposal.Status.WITHDRAWN, who.actorAccountId(), null)) {
            throw ValidationException.of("", "This proposal has already been decided, so it cannot be withdrawn.");
        }
        return proposal(proposalId);
    }

    /** Proposals for the holder, newest first, each with the other options and any declared conflict. */
    @PreAuthorize("isAuthenticated()")
    public List<Proposal> of(long holderId) {
        consent.authorise(holderId, ConsentScope.VIEW, "Looked at proposals");
        return jdbc.sql("SELECT id FROM proposal WHERE holder_id = ? ORDER BY proposed_at DESC, id DESC")
                .param(holderId).query(Long.class).list().stream().map(this::proposal).toList();
    }

    /**
     * The holder accepts or declines a proposal, with a comment; a representative may do so for them
     * only with consent to purchase, since accepting commits them to buy.
     */
    @RolesAllowed({Roles.BUDGET_HOLDER, Roles.REPRESENTATIVE})
    @Transactional
    public Proposal decide(long proposalId, boolean accept, @Nullable String comment) {
        Long holderId = jdbc.sql("SELECT holder_id FROM proposal WHERE id = ?").param(proposalId).query(Long.class)
                .optional().orElseThrow(() -> new AccessDeniedException("You do not have access to this proposal."));
        var who = consent.authorise(holderId, ConsentScope.PURCHASE,
                accept ? "Accepted a proposal" : "Declined a proposal");
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_REASON) {
            throw ValidationException.of("comment", "Keep the comment to 1,000 characters or fewer.");
        }
        if (!accept && text.isEmpty()) {
            throw ValidationException.of("comment", "Say why you are declining, so your broker can find something better.");
        }
        if (!move(proposalId, accept ? Proposal.Status.ACCEPTED : Proposal.Status.DECLINED, who.actorAccountId(),
                text.isEmpty() ? null : text)) {
            throw ValidationException.of("", "This proposal has already been decided.");
        }
        long proposedBy = jdbc.sql("SELECT proposed_by FROM proposal WHERE id = ?").param(proposalId)
                .query(Long.class).single();
        events.publishEvent(new ProposalDecided(proposalId, holderId, proposedBy, who.actorAccountId(), accept));
        return proposal(proposalId);
    }

    /** Every decision on a proposal goes through here: only from proposed, only once. */
    private boolean move(long proposalId, Proposal.Status to, long decidedBy, @Nullable String comment) {
        if (!Proposal.Status.PROPOSED.canMoveTo(to)) {
            throw new IllegalStateException("A proposal cannot go to " + to);
        }
        return jdbc.sql("UPDATE proposal SET status = ?, decided_by = ?, decided_at = ?, decision_comment = "
                        + "COALESCE(?, decision_comment) WHERE id = ? AND status = 'PROPOSED'")
                .params(to.name(), decidedBy, Timestamp.from(clock.instant()), comment, proposalId).update() == 1;
    }

    private Proposal insert(ConsentService.Authorised who, @Nullable Long listingId, int quantity,
            Proposal.@Nullable Frequency frequency, @Nullable LocalDate startDate, @Nullable String reason,
            boolean accepted) {
        long holderId = who.holder().id();
        String why = reason == null ? "" : reason.strip();
        Listing listing = check(who, listingId, quantity, frequency, startDate, why);
        long price = price(holderId, listing);
        Timestamp at = Timestamp.from(clock.instant());
        var key = new GeneratedKeyHolder();
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
        if (!accepted) {
            events.publishEvent(new ProposalMade(id, holderId, who.actorAccountId()));
        }
        return proposal(id);
    }

    /** The latest offer from the provider for this person, if any, or else the listed price. */
    private long price(long holderId, Listing listing) {
        return jdbc.sql("SELECT quoted_price_pence FROM quote_request WHERE holder_id = ? AND listing_id = ? "
                        + "AND quoted_price_pence IS NOT NULL ORDER BY answered_at DESC, id DESC LIMIT 1")
                .params(holderId, listing.id()).query(Long.class).optional().orElse(listing.pricePence());
    }

    /** Every mistake in a proposal, at its field; otherwise the listing proposed. */
    private Listing check(ConsentService.Authorised who, @Nullable Long listingId, int quantity,
            Proposal.@Nullable Frequency frequency, @Nullable LocalDate startDate, String why) {
        var errors = new ValidationException.Collector();
        Listing listing = null;
        if (listingId == null) {
            errors.add("listing", "Choose the service to propose from the shortlist.");
        } else {
            try {
                listing = listings.available(listingId, who.holder().postcodeDistrict());
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
        LocalDate today = UkTime.today(clock);
        if (startDate == null) {
            errors.add("startDate", "Choose when it would start.");
        } else if (startDate.isBefore(today)) {
            errors.add("startDate", "The start date cannot be in the past.");
        } else if (startDate.isAfter(today.plusYears(1))) {
            errors.add("startDate", "Choose a start within a year.");
        } else if (listing != null && !listing.runsOn(startDate)) {
            errors.add("startDate", listing.notRunningOn(startDate));
        }
        if (why.isEmpty()) {
            errors.add("reason", "Say why this suits the person, so they can decide.");
        } else if (why.length() > MAX_REASON) {
            errors.add("reason", "Keep this to 1,000 characters or fewer.");
        }
        errors.throwIfAny();
        return listing;
    }

    private Proposal proposal(long id) {
        List<ShortlistItem> options = jdbc.sql("""
                SELECT 0, l.id, l.title, o.name, o.id, l.price_pence, l.unit, po.note, NULL
                FROM proposal_option po JOIN listing l ON l.id = po.listing_id JOIN organisation o ON o.id = l.organisation_id
                WHERE po.proposal_id = ? ORDER BY l.price_pence""").param(id)
                .query(OpenListings::shortlistItem).list();
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
                        rs.getDate(9).toLocalDate(), rs.getLong(10), OpenListings.unit(rs.getString(11)),
                        rs.getString(12), Proposal.Status.valueOf(rs.getString(13)), rs.getString(14),
                        rs.getTimestamp(15).toInstant(), rs.getString(16), options, rs.getString(17), rs.getLong(18)))
                .single();
    }
}
