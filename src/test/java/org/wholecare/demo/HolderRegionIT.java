package org.wholecare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wholecare.IntegrationTest;
import org.wholecare.ledger.FundingStream;
import org.wholecare.oversight.AreaOverview;
import org.wholecare.oversight.AreaOverviews;
import org.wholecare.security.ActingAs;

/** A small generated region, checked as the ledger would check its own books. */
@IntegrationTest
class HolderRegionIT {

    @Autowired HolderRegion region;
    @Autowired AreaOverviews overviews;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theGeneratedBooksBalanceAsPostedBooksDoAndTheOverviewReadsThem() {
        region.generate(1, 60);
        long areaId = jdbc.queryForObject("SELECT id FROM area WHERE name = ?", Long.class, HolderRegion.AREA_PREFIX + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM budget WHERE area_id = ?", Long.class, areaId))
                .isEqualTo(60);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM (SELECT l.entry_id FROM ledger_line l JOIN ledger_book k ON k.budget_id = l.budget_id
                WHERE k.area_id = ? GROUP BY l.entry_id HAVING SUM(l.amount_pence) <> 0) x""", Long.class, areaId))
                .as("entries whose lines do not add up to zero").isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM ledger_balance b JOIN ledger_book k ON k.budget_id = b.budget_id
                LEFT JOIN (SELECT budget_id, stream, account, SUM(amount_pence) s FROM ledger_line
                  GROUP BY budget_id, stream, account) l
                  ON l.budget_id = b.budget_id AND l.stream = b.stream AND l.account = b.account
                WHERE k.area_id = ? AND b.balance_pence <> COALESCE(l.s, 0)""", Long.class, areaId))
                .as("running totals that are not the sum of their lines").isZero();
        // every invoice's spend is its amount, and every spend is a confirmed invoice's
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM invoice i JOIN purchase p ON p.id = i.purchase_id JOIN budget b ON b.id = p.budget_id
                WHERE b.area_id = ? AND i.amount_pence <> (SELECT SUM(l.amount_pence) FROM ledger_line l
                  WHERE l.entry_id = i.spend_entry_id AND l.account = 'SPENT')""", Long.class, areaId)).isZero();
        AreaOverview nhs = actingAs.run(HolderRegion.nhsCommissioner(1), () -> overviews.overview(null));
        assertThat(nhs.people().budgets()).isEqualTo(60);
        long spentNhs = jdbc.queryForObject("""
                SELECT COALESCE(SUM(l.amount_pence), 0) FROM ledger_line l JOIN ledger_book k ON k.budget_id = l.budget_id
                WHERE k.area_id = ? AND l.account = 'SPENT' AND l.stream = 'NHS_HEALTH'""", Long.class, areaId);
        assertThat(nhs.streams()).filteredOn(s -> s.stream() == FundingStream.NHS_HEALTH).singleElement()
                .satisfies(s -> assertThat(s.spent()).isEqualTo(spentNhs).isPositive());
        assertThat(nhs.byKind()).extracting(AreaOverview.Breakdown::label).contains("Personal care", "Therapy");
    }
}
