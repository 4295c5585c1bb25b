package org.wholecare.marketplace;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/**
 * Reviews of providers: written only by people they have actually served, answered by the provider,
 * and reported to the area's commissioners, who keep or remove them.
 */
@Service
@Transactional(readOnly = true)
public class ReviewService {

    public static final int MAX_WORDING = 2_000;
    private static final String SELECT = """
            SELECT r.id, r.organisation_id, r.stars, r.wording, r.provider_reply, r.reported, r.created_at, o.name
            FROM review r JOIN organisation o ON o.id = r.organisation_id\s""";

    private final JdbcClient jdbc;
    private final ObjectProvider<ReviewEligibility> eligibility;
    private final BudgetHolderService holders;
    private final ProviderService providers;
    private final CurrentUser currentUser;
    private final Clock clock;

    ReviewService(JdbcClient jdbc, ObjectProvider<ReviewEligibility> eligibility, BudgetHolderService holders,
            ProviderService providers, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.eligibility = eligibility;
        this.holders = holders;
        this.providers = providers;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The reviews of a provider the caller may see, newest first; removed reviews are left out. */
    @PreAuthorize("isAuthenticated()")
    public List<Review> reviews(long organisationId) {
        providers.viewable(organisationId);
        return jdbc.sql(SELECT + "WHERE r.organisation_id = ? AND r.removed = FALSE ORDER BY r.created_at DESC, r.id DESC")
                .param(organisationId).query(ReviewService::map).list();
    }

    /**
     * Why the signed-in person cannot review this provider now, or empty if they can: so a page
     * offers the form only to someone it would accept.
     */
    @RolesAllowed(Roles.BUDGET_HOLDER)
    public Optional<String> whyCannotReview(long organisationId) {
        return refusal(organisationId).map(ValidationException::getMessage);
    }

    private Optional<ValidationException> refusal(long organisationId) {
        var holder = holders.mine().orElse(null);
        if (holder == null) {
            return Optional.of(ValidationException.of("", "Only budget holders can leave reviews."));
        }
        // names only a provider this holder has reviewed, so it tells them nothing new
        var already = jdbc.sql("SELECT o.name, r.removed FROM review r JOIN organisation o ON o.id = r.organisation_id "
                        + "WHERE r.organisation_id = ? AND r.holder_id = ?")
                .params(organisationId, holder.id())
                .query((rs, n) -> alreadyReviewed(rs.getString(1), rs.getBoolean(2))).optional();
        if (already.isPresent()) {
            return already;
        }
        ReviewEligibility rule = eligibility.getIfAvailable(() -> (account, provider) -> false);
        if (!rule.hasDeliveredPurchase(holder.accountId(), organisationId)) {
            return Optional.of(ValidationException.of("", "You can review a provider once you have bought and received "
                    + "a service from them through Wholecare."));
        }
        return Optional.empty();
    }

    /** A holder's one review of a provider they have bought from and received a service from. */
    @RolesAllowed(Roles.BUDGET_HOLDER)
    @Transactional
    public Review leave(long organisationId, int stars, @Nullable String wording) {
        var holder = holders.mine().orElseThrow(() -> ValidationException.of("", "Only budget holders can leave reviews."));
        refusal(organisationId).ifPresent(refusal -> {
            throw refusal;
        });
        var errors = new ValidationException.Collector();
        if (stars < 1 || stars > 5) {
            errors.add("stars", "Choose from 1 to 5 stars.");
        }
        String text = wording == null ? "" : wording.strip();
        if (text.isEmpty()) {
            errors.add("wording", "Say what was good or what could be better.");
        } else if (text.length() > MAX_WORDING) {
            errors.add("wording", "Keep your review to 2,000 characters or fewer. It has " + text.length() + ".");
        }
        errors.throwIfAny();
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO review (organisation_id, holder_id, stars, wording, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(organisationId, holder.id(), stars, text, Timestamp.from(clock.instant())).update(key);
        } catch (DuplicateKeyException e) {
            // the same holder sending twice at once: the unique key lets only one in
            String name = jdbc.sql("SELECT name FROM organisation WHERE id = ?").param(organisationId)
                    .query(String.class).optional().orElse("this provider");
            throw alreadyReviewed(name, false);
        }
        refreshRatings(jdbc, organisationId, null);
        return byId(key.getKey().longValue());
    }

    private static ValidationException alreadyReviewed(String providerName, boolean removed) {
        return ValidationException.of("", "You have already reviewed " + providerName + "."
                + (removed ? " A commissioner removed that review, so it is no longer shown." : ""));
    }

    /** Flags a review for the area's commissioners to look at; reporting it again changes nothing. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void report(long reviewId) {
        Review review = shown(reviewId);
        providers.viewable(review.organisationId());
        SignedInUser user = currentUser.require();
        if (Objects.equals(user.organisationId(), review.organisationId())) {
            throw ValidationException.of("", "You cannot report reviews of your own organisation. "
                    + "Reply to the review instead, or contact your commissioner.");
        }
        // a provider nobody has checked yet could otherwise flag its competitors' reviews by the dozen
        if (user.role() == org.wholecare.security.Role.PROVIDER && !providers.isVerified(user.organisationId())) {
            throw ValidationException.of("", "You can report reviews once a commissioner has checked your "
                    + "organisation.");
        }
        Long myHolder = holderOfMe();
        if (myHolder != null && jdbc.sql("SELECT COUNT(*) FROM review WHERE id = ? AND holder_id = ?")
                .params(reviewId, myHolder).query(Long.class).single() > 0) {
            throw ValidationException.of("", "This is your own review, so you cannot report it. If something in it "
                    + "is wrong, contact your commissioner.");
        }
        jdbc.sql("UPDATE review SET reported = TRUE, reported_by = ?, reported_at = ? WHERE id = ? AND reported = FALSE")
                .params(user.accountId(), Timestamp.from(clock.instant()), reviewId).update();
    }

    /**
     * Which of a provider's reviews were written by the holder the signed-in person is or acts for:
     * theirs to read, not to report.
     */
    @PreAuthorize("isAuthenticated()")
    public java.util.Set<Long> writtenByMe(long organisationId) {
        Long holderId = holderOfMe();
        if (holderId == null) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("SELECT id FROM review WHERE organisation_id = ? AND holder_id = ?")
                .params(organisationId, holderId).query(Long.class).list());
    }

    private @Nullable Long holderOfMe() {
        return currentUser.require().role().livesInArea() ? holders.mine().map(h -> h.id()).orElse(null) : null;
    }

    /** The provider's public answer to a review of its own organisation; a new reply replaces the old one. */
    @RolesAllowed(Roles.PROVIDER)
    @Transactional
    public Review reply(long reviewId, @Nullable String reply) {
        Review review = shown(reviewId);
        if (!Objects.equals(currentUser.require().organisationId(), review.organisationId())) {
            throw new AccessDeniedException("Not a review of your organisation");
        }
        String text = reply == null ? "" : reply.strip();
        if (text.isEmpty()) {
            throw ValidationException.of("reply", "Write your reply, or leave the review unanswered.");
        }
        if (text.length() > MAX_WORDING) {
            throw ValidationException.of("reply", "Keep your reply to 2,000 characters or fewer. It has "
                    + text.length() + ".");
        }
        jdbc.sql("UPDATE review SET provider_reply = ?, replied_at = ? WHERE id = ?")
                .params(text, Timestamp.from(clock.instant()), reviewId).update();
        return byId(reviewId);
    }

    /** Reported reviews of providers in the commissioner's area, oldest report first. */
    @RolesAllowed(Roles.COMMISSIONER)
    public List<Review> reportedInMyArea() {
        return jdbc.sql(SELECT + "WHERE r.reported = TRUE AND r.removed = FALSE AND o.area_id = ? "
                        + "ORDER BY r.reported_at, r.id")
                .param(currentUser.require().areaId()).query(ReviewService::map).list();
    }

    /** A commissioner decides a report: the review stays (and is no longer reported) or is removed with a reason. */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional
    public void decideReport(long reviewId, boolean remove, @Nullable String reason) {
        Review review = shown(reviewId);
        SignedInUser commissioner = currentUser.require();
        ProviderProfile provider = providers.profile(review.organisationId())
                .filter(p -> Objects.equals(p.areaId(), commissioner.areaId()))
                .orElseThrow(() -> new AccessDeniedException("Not a provider in your area"));
        if (!review.reported()) {
            throw ValidationException.of("", "Nobody has reported this review, or it has already been decided.");
        }
        String why = reason == null ? "" : reason.strip();
        if (remove && why.isEmpty()) {
            throw ValidationException.of("reason", "Give the reason for removing the review. It is kept on the record.");
        }
        if (why.length() > 500) {
            throw ValidationException.of("reason", "Keep the reason to 500 characters or fewer.");
        }
        jdbc.sql("UPDATE review SET reported = FALSE, report_decided_by = ?, report_decided_at = ?, removed = ?, "
                        + "removed_reason = ? WHERE id = ?")
                .params(commissioner.accountId(), Timestamp.from(clock.instant()), remove, remove ? why : null, reviewId)
                .update();
        if (remove) {
            refreshRatings(jdbc, provider.organisationId(), null);
        }
    }

    private Review shown(long reviewId) {
        return jdbc.sql(SELECT + "WHERE r.id = ? AND r.removed = FALSE").param(reviewId).query(ReviewService::map)
                .optional().orElseThrow(() -> ValidationException.of("", "That review is no longer shown."));
    }

    private Review byId(long reviewId) {
        return jdbc.sql(SELECT + "WHERE r.id = ?").param(reviewId).query(ReviewService::map).single();
    }

    /**
     * Every listing carries its provider's rating (so search can sort by it without a join):
     * all the provider's listings, or only {@code listingId} when one is given.
     */
    static void refreshRatings(JdbcClient jdbc, long organisationId, @Nullable Long listingId) {
        jdbc.sql("""
                UPDATE listing SET
                  review_count = (SELECT COUNT(*) FROM review WHERE organisation_id = ? AND removed = FALSE),
                  rating_average = (SELECT AVG(stars) FROM review WHERE organisation_id = ? AND removed = FALSE)
                WHERE organisation_id = ? AND (? IS NULL OR id = ?)""")
                .params(organisationId, organisationId, organisationId, listingId, listingId).update();
    }

    private static Review map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Review(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), rs.getTimestamp(7).toInstant(), rs.getString(8));
    }
}
