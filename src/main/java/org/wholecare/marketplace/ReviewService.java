package org.wholecare.marketplace;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.budget.BudgetHolderService;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/** Reviews of providers: written only by people they have actually served, answered by the provider. */
@Service
@Transactional(readOnly = true)
public class ReviewService {

    private final JdbcClient jdbc;
    private final ObjectProvider<ReviewEligibility> eligibility;
    private final BudgetHolderService holders;
    private final CurrentUser currentUser;
    private final Clock clock;

    ReviewService(JdbcClient jdbc, ObjectProvider<ReviewEligibility> eligibility, BudgetHolderService holders,
            CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.eligibility = eligibility;
        this.holders = holders;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    public List<Review> reviews(long organisationId) {
        return jdbc.sql("SELECT id, organisation_id, stars, wording, provider_reply, reported, created_at FROM review "
                        + "WHERE organisation_id = ? ORDER BY created_at DESC")
                .param(organisationId)
                .query((rs, n) -> new Review(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    @RolesAllowed(Roles.BUDGET_HOLDER)
    @Transactional
    public Review leave(long organisationId, int stars, String wording) {
        var holder = holders.mine().orElseThrow(() -> ValidationException.of("", "Only budget holders can leave reviews."));
        // until purchases exist nobody has been served, so nobody can review: never a fake review
        ReviewEligibility rule = eligibility.getIfAvailable(() -> (account, provider) -> false);
        if (!rule.hasDeliveredPurchase(holder.accountId(), organisationId)) {
            throw ValidationException.of("", "You can review a provider once they have delivered a service you "
                    + "bought through Wholecare.");
        }
        var errors = new ValidationException.Collector();
        if (stars < 1 || stars > 5) {
            errors.add("stars", "Choose from 1 to 5 stars.");
        }
        String text = wording == null ? "" : wording.strip();
        if (text.isEmpty()) {
            errors.add("wording", "Say what was good or what could be better.");
        } else if (text.length() > 2000) {
            errors.add("wording", "Keep your review to 2,000 characters or fewer.");
        }
        errors.throwIfAny();
        var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO review (organisation_id, holder_id, stars, wording, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(organisationId, holder.id(), stars, text, Timestamp.from(clock.instant())).update(key);
        jdbc.sql("""
                UPDATE listing SET review_count = (SELECT COUNT(*) FROM review WHERE organisation_id = ?),
                  rating_average = (SELECT AVG(stars) FROM review WHERE organisation_id = ?) WHERE organisation_id = ?""")
                .params(organisationId, organisationId, organisationId).update();
        return reviews(organisationId).stream().filter(r -> r.id() == key.getKey().longValue()).findFirst().orElseThrow();
    }

    /** Flags a review for a commissioner to look at. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void report(long reviewId) {
        jdbc.sql("UPDATE review SET reported = TRUE WHERE id = ?").param(reviewId).update();
    }

    @RolesAllowed(Roles.PROVIDER)
    @Transactional
    public void reply(long reviewId, String reply) {
        String text = reply == null ? "" : reply.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw ValidationException.of("reply", "Write a reply of up to 2,000 characters.");
        }
        int updated = jdbc.sql("UPDATE review SET provider_reply = ? WHERE id = ? AND organisation_id = ?")
                .params(text, reviewId, currentUser.require().organisationId()).update();
        if (updated == 0) {
            throw new org.springframework.security.access.AccessDeniedException("Not a review of your organisation");
        }
    }
}
