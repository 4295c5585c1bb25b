package org.wholecare.budget;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/**
 * An area's own thresholds, which its commissioners set: the surplus a budget may be on track to
 * leave (in weeks of its planned spending) before it needs attention, and how far above the
 * typical price a purchase must be to be looked at.
 */
@Service
@Transactional(readOnly = true)
public class AreaSettings {

    public static final int DEFAULT_PRICE_MARGIN_PERCENT = 50;

    public record Setting(long areaId, int surplusThresholdWeeks, int priceMarginPercent) {
    }

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final int defaultWeeks;

    AreaSettings(JdbcClient jdbc, CurrentUser currentUser, Clock clock,
            @Value("${wholecare.budget.surplus-threshold-weeks:8}") int defaultWeeks) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
        this.defaultWeeks = defaultWeeks;
    }

    @PreAuthorize("isAuthenticated()")
    public Setting of(long areaId) {
        return jdbc.sql("SELECT surplus_threshold_weeks, price_margin_percent FROM area_setting WHERE area_id = ?")
                .param(areaId).query((rs, n) -> new Setting(areaId, rs.getInt(1), rs.getInt(2))).optional()
                .orElse(new Setting(areaId, defaultWeeks, DEFAULT_PRICE_MARGIN_PERCENT));
    }

    /** A commissioner changes their own area's thresholds; each figure out of range is refused at its field. */
    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional
    public Setting change(@Nullable Integer surplusThresholdWeeks, @Nullable Integer priceMarginPercent) {
        SignedInUser me = currentUser.require();
        long areaId = java.util.Objects.requireNonNull(me.areaId(), "a commissioner has an area");
        var errors = new ValidationException.Collector();
        if (surplusThresholdWeeks == null || surplusThresholdWeeks < 1 || surplusThresholdWeeks > 52) {
            errors.add("surplusThresholdWeeks", "Enter a whole number of weeks from 1 to 52.");
        }
        if (priceMarginPercent == null || priceMarginPercent < 5 || priceMarginPercent > 500) {
            errors.add("priceMarginPercent", "Enter a whole percentage from 5 to 500.");
        }
        errors.throwIfAny();
        jdbc.sql("""
                INSERT INTO area_setting (area_id, surplus_threshold_weeks, price_margin_percent, changed_by, changed_at)
                VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE surplus_threshold_weeks = VALUES(surplus_threshold_weeks),
                  price_margin_percent = VALUES(price_margin_percent), changed_by = VALUES(changed_by),
                  changed_at = VALUES(changed_at)""")
                .params(areaId, surplusThresholdWeeks, priceMarginPercent, me.accountId(),
                        Timestamp.from(clock.instant())).update();
        return of(areaId);
    }
}
