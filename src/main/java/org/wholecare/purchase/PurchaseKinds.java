package org.wholecare.purchase;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.Roles;

/**
 * What kind of support each purchase was and who provided it, for the area's funders to see what
 * their money bought: no names of people, and only purchases of the commissioner's own area.
 */
@Service
@Transactional(readOnly = true)
public class PurchaseKinds {

    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;

    PurchaseKinds(JdbcClient jdbc, CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
    }

    public record KindAndProvider(long purchaseId, long categoryId, long providerId, String providerName) {
    }

    /** The purchases named that belong to the caller's area, each with its kind and provider. */
    @RolesAllowed(Roles.COMMISSIONER)
    public Map<Long, KindAndProvider> of(Collection<Long> purchaseIds) {
        Long areaId = currentUser.require().areaId();
        Map<Long, KindAndProvider> found = new HashMap<>();
        List<Long> ids = new ArrayList<>(purchaseIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            String in = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            List<Object> params = new ArrayList<>(chunk);
            params.add(areaId == null ? -1L : areaId);
            jdbc.sql("SELECT p.id, p.category_id, p.provider_id, o.name FROM purchase p "
                            + "JOIN organisation o ON o.id = p.provider_id JOIN budget_holder h ON h.id = p.holder_id "
                            + "WHERE p.id IN (" + in + ") AND h.area_id = ?")
                    .params(params)
                    .query((rs, n) -> found.put(rs.getLong(1), new KindAndProvider(rs.getLong(1), rs.getLong(2),
                            rs.getLong(3), rs.getString(4))))
                    .list();
        }
        return found;
    }

    /** A booking still running or recent, as the area's funders check it against plans and prices. */
    public record Bought(long purchaseId, long holderId, long categoryId, String title, String providerName,
            String unit, long unitPricePence) {
    }

    /** The caller's area's bookings (not declined or cancelled) running on or after {@code since}. */
    @RolesAllowed(Roles.COMMISSIONER)
    public List<Bought> boughtInMyArea(java.time.LocalDate since) {
        return jdbc.sql("""
                SELECT p.id, p.holder_id, p.category_id, p.title, o.name, p.unit, p.unit_price_pence
                FROM purchase p JOIN organisation o ON o.id = p.provider_id JOIN budget_holder h ON h.id = p.holder_id
                WHERE h.area_id = ? AND p.end_date >= ? AND p.status NOT IN ('DECLINED', 'CANCELLED')
                ORDER BY p.id""")
                .params(areaId(), java.sql.Date.valueOf(since))
                .query((rs, n) -> new Bought(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7)))
                .list();
    }

    /** How many invoices each holder of the caller's area has in dispute now. */
    @RolesAllowed(Roles.COMMISSIONER)
    public Map<Long, Long> openDisputesInMyArea() {
        Map<Long, Long> disputes = new HashMap<>();
        jdbc.sql("""
                SELECT p.holder_id, COUNT(*) FROM invoice i JOIN purchase p ON p.id = i.purchase_id
                JOIN budget_holder h ON h.id = p.holder_id
                WHERE h.area_id = ? AND i.status = 'DISPUTED' GROUP BY p.holder_id""")
                .param(areaId()).query((rs, n) -> disputes.put(rs.getLong(1), rs.getLong(2))).list();
        return disputes;
    }

    private long areaId() {
        Long areaId = currentUser.require().areaId();
        return areaId == null ? -1L : areaId;
    }
}
