package org.wholecare.plan;

import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.holder.HolderDirectory;
import org.wholecare.holder.HolderSummary;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Roles;

/**
 * The agreed plans of an area's holders as its commissioners check them: when each is due for
 * review and which kinds of support it plans for. No outcomes and no words of the plan.
 */
@Service
@Transactional(readOnly = true)
public class AreaPlans {

    private final JdbcClient jdbc;
    private final HolderDirectory holders;
    private final CurrentUser currentUser;

    AreaPlans(JdbcClient jdbc, HolderDirectory holders, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.currentUser = currentUser;
    }

    /** @param kinds the kinds of support (category ids) the plan has a line for */
    public record PlanFacts(LocalDate reviewDate, Set<Long> kinds) {
    }

    /** The latest agreed plan of each holder of the caller's area who has one. */
    @RolesAllowed(Roles.COMMISSIONER)
    public Map<Long, PlanFacts> agreedInMyArea() {
        Long areaId = currentUser.require().areaId();
        Set<Long> inArea = new HashSet<>();
        holders.inArea(areaId == null ? -1L : areaId).stream().map(HolderSummary::id).forEach(inArea::add);
        Map<Long, LocalDate> reviews = new HashMap<>();
        Map<Long, Set<Long>> kinds = new HashMap<>();
        jdbc.sql("""
                SELECT p.holder_id, p.review_date, l.category_id FROM support_plan p
                LEFT JOIN support_plan_line l ON l.plan_id = p.id
                WHERE p.status = 'AGREED' AND p.version = (SELECT MAX(q.version) FROM support_plan q
                  WHERE q.holder_id = p.holder_id AND q.status = 'AGREED')""")
                .query(rs -> {
                    long holderId = rs.getLong(1);
                    if (!inArea.contains(holderId)) {
                        return;
                    }
                    reviews.put(holderId, rs.getDate(2).toLocalDate());
                    Set<Long> planned = kinds.computeIfAbsent(holderId, h -> new HashSet<>());
                    long category = rs.getLong(3);
                    if (!rs.wasNull()) {
                        planned.add(category);
                    }
                });
        Map<Long, PlanFacts> facts = new HashMap<>();
        reviews.forEach((holderId, review) -> facts.put(holderId, new PlanFacts(review, Set.copyOf(kinds.get(holderId)))));
        return facts;
    }

    /** Plan reviews that fell due in a time, and how many of them were done by their day. */
    public record Reviews(long due, long onTime) {
    }

    /**
     * Agreed plans of the area whose review fell due in {@code [from, to)}; one is on time if a newer
     * version was agreed by the end of its review day. For the area's commissioner, or the
     * administrator working out the public figures.
     */
    @RolesAllowed({Roles.COMMISSIONER, Roles.ADMINISTRATOR})
    public Reviews reviewsDue(long areaId, LocalDate from, LocalDate to) {
        // the system works the public figures out as the administrator, with no one signed in
        var me = currentUser.find().orElse(null);
        if (me != null && me.role() != org.wholecare.security.Role.ADMINISTRATOR
                && !java.util.Objects.equals(me.areaId(), areaId)) {
            throw new org.springframework.security.access.AccessDeniedException("Not a commissioner for this area");
        }
        Set<Long> inArea = new HashSet<>();
        holders.inArea(areaId).stream().map(HolderSummary::id).forEach(inArea::add);
        long[] counts = new long[2];
        jdbc.sql("""
                SELECT p.holder_id, EXISTS (SELECT 1 FROM support_plan q WHERE q.holder_id = p.holder_id
                  AND q.status = 'AGREED' AND q.version > p.version AND q.agreed_at < DATE_ADD(p.review_date, INTERVAL 1 DAY))
                FROM support_plan p WHERE p.status = 'AGREED' AND p.review_date >= ? AND p.review_date < ?""")
                .params(java.sql.Date.valueOf(from), java.sql.Date.valueOf(to))
                .query(rs -> {
                    if (inArea.contains(rs.getLong(1))) {
                        counts[0]++;
                        if (rs.getBoolean(2)) {
                            counts[1]++;
                        }
                    }
                });
        return new Reviews(counts[0], counts[1]);
    }

    /** A person's agreed plan whose review falls on {@code reviewDate}. */
    public record ReviewComing(long holderId, LocalDate reviewDate) {
    }

    /**
     * Every person, in any area, whose agreed plan (the latest version) is due for review by
     * {@code by}: for the platform's reminders, not for any person's page.
     */
    @jakarta.annotation.security.RolesAllowed(org.wholecare.shared.Roles.ADMINISTRATOR)
    public java.util.List<ReviewComing> reviewsDueBy(LocalDate from, LocalDate by) {
        return jdbc.sql("""
                SELECT s.holder_id, s.review_date FROM support_plan s WHERE s.status = 'AGREED'
                AND s.review_date BETWEEN ? AND ? AND s.version = (SELECT MAX(l.version) FROM support_plan l
                  WHERE l.holder_id = s.holder_id AND l.status = 'AGREED') ORDER BY s.holder_id""")
                .params(java.sql.Date.valueOf(from), java.sql.Date.valueOf(by))
                .query((rs, n) -> new ReviewComing(rs.getLong(1), rs.getDate(2).toLocalDate())).list();
    }
}
