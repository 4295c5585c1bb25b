package org.wholecare.ledger;

import static org.wholecare.TestArea.COMMISSIONER;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wholecare.IntegrationTest;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetSummary;
import org.wholecare.budget.BudgetTestData;
import org.wholecare.pooling.PoolingService;
import org.wholecare.security.ActingAs;
import org.wholecare.shared.ValidationException;

/** The ledger's promises, checked against the real MariaDB. */
@IntegrationTest
class LedgerIT {

    @Autowired LedgerService ledger;
    @Autowired BudgetService budgets;
    @Autowired BudgetHolderService holders;
    @Autowired PoolingService pooling;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;

    private BudgetSummary budget(long nhsPence, long councilPence) {
        var holder = BudgetTestData.holder(actingAs, holders);
        return BudgetTestData.budget(actingAs, budgets, holder,
                Map.of(FundingStream.NHS_HEALTH, nhsPence, FundingStream.COUNCIL_SOCIAL_CARE, councilPence));
    }

    @Test
    void aCommitmentIsApportionedByThePoolingAgreementAndEveryEntryBalances() {
        BudgetSummary budget = budget(100_000, 100_000);
        long personalCare = BudgetTestData.category(actingAs, pooling, "Personal care");
        var committed = actingAs.run(COMMISSIONER, () ->
                budgets.commitForCategory(budget.id(), personalCare, 10_001, "Ten hours", "k1"));
        // 60% council / 40% NHS of £100.01: the odd penny goes to the larger remainder (council)
        assertThat(committed.split().parts()).containsExactlyInAnyOrder(
                new StreamAmount(FundingStream.NHS_HEALTH, 4000), new StreamAmount(FundingStream.COUNCIL_SOCIAL_CARE, 6001));
        BudgetBalance balance = actingAs.run(COMMISSIONER, () -> ledger.balance(budget.id()));
        assertThat(balance.stream(FundingStream.COUNCIL_SOCIAL_CARE))
                .isEqualTo(new StreamBalance(FundingStream.COUNCIL_SOCIAL_CARE, 100_000, 6001, 0, 93_999));
        assertThat(balance.available()).isEqualTo(200_000 - 10_001);
        assertLedgerConsistent(budget.id());
    }

    @Test
    void aRepeatedRequestWithTheSameKeyPostsNothingNew() {
        BudgetSummary budget = budget(50_000, 50_000);
        long therapy = BudgetTestData.category(actingAs, pooling, "Therapy");
        var first = actingAs.run(COMMISSIONER, () -> budgets.commitForCategory(budget.id(), therapy, 4500, "Session", "same"));
        var second = actingAs.run(COMMISSIONER, () -> budgets.commitForCategory(budget.id(), therapy, 4500, "Session", "same"));
        assertThat(second.entryId()).isEqualTo(first.entryId());
        assertThat(actingAs.run(COMMISSIONER, () -> ledger.balance(budget.id())).committed()).isEqualTo(4500);
    }

    @Test
    void aCommitmentIsRefusedNamingTheStreamThatLacksMoneyAndChangesNothing() {
        BudgetSummary budget = budget(1_000, 100_000);
        long personalCare = BudgetTestData.category(actingAs, pooling, "Personal care");
        long entriesBefore = entries(budget.id());
        // £50 of personal care needs £20 from NHS, which has only £10
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () ->
                budgets.commitForCategory(budget.id(), personalCare, 5_000, "Too much", "k2")))
                .isInstanceOf(InsufficientFundsException.class)
                .hasMessageContaining("NHS health").hasMessageContaining("£20.00").hasMessageContaining("£10.00");
        assertThat(entries(budget.id())).isEqualTo(entriesBefore);
        assertThat(actingAs.run(COMMISSIONER, () -> ledger.balance(budget.id())).committed()).isZero();
    }

    @Test
    void anExcludedCategoryIsRefused() {
        BudgetSummary budget = budget(100_000, 100_000);
        long alcohol = BudgetTestData.category(actingAs, pooling, "Alcohol");
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () ->
                budgets.commitForCategory(budget.id(), alcohol, 1_000, "Wine", "k3")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("cannot be used for alcohol");
    }

    @Test
    void releaseSpendAndReverseMoveMoneyAndAReversalHappensOnce() {
        BudgetSummary budget = budget(100_000, 0);
        LedgerEntryView commit = actingAs.run(COMMISSIONER, () -> {
            LedgerEntryView c = ledger.commit(budget.id(), List.of(new StreamAmount(FundingStream.NHS_HEALTH, 30_000)),
                    new LedgerRequest(null, null, "Booking", "t-commit-" + budget.id(), null));
            ledger.spend(budget.id(), List.of(new StreamAmount(FundingStream.NHS_HEALTH, 20_000)),
                    new LedgerRequest(null, null, "Invoice", "t-spend-" + budget.id(), null));
            ledger.release(budget.id(), List.of(new StreamAmount(FundingStream.NHS_HEALTH, 10_000)),
                    new LedgerRequest(null, null, "Cancelled rest", "t-release-" + budget.id(), null));
            return c;
        });
        assertThat(actingAs.run(COMMISSIONER, () -> ledger.balance(budget.id())).stream(FundingStream.NHS_HEALTH))
                .isEqualTo(new StreamBalance(FundingStream.NHS_HEALTH, 100_000, 0, 20_000, 80_000));
        // the booking's commitment has all been used or released: reversing it would leave COMMITTED negative
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () -> ledger.reverse(commit.id(),
                new LedgerRequest(null, null, "Wrong", "t-reverse-" + budget.id(), null))))
                .isInstanceOf(InsufficientFundsException.class);
        LedgerEntryView spend = actingAs.run(COMMISSIONER, () -> ledger.recentEntries(budget.id(), 10)).stream()
                .filter(e -> e.kind() == EntryKind.SPEND).findFirst().orElseThrow();
        actingAs.run(COMMISSIONER, () -> ledger.reverse(spend.id(),
                new LedgerRequest(null, null, "Paid twice by mistake", "t-reverse-spend-" + budget.id(), null)));
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () -> ledger.reverse(spend.id(),
                new LedgerRequest(null, null, "Again", "t-reverse-spend-2-" + budget.id(), null))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already been corrected");
        assertThat(actingAs.run(COMMISSIONER, () -> ledger.balance(budget.id())).stream(FundingStream.NHS_HEALTH))
                .isEqualTo(new StreamBalance(FundingStream.NHS_HEALTH, 100_000, 20_000, 0, 80_000));
        assertLedgerConsistent(budget.id());
    }

    @Test
    void theDatabaseRefusesToEditOrDeletePostings() {
        BudgetSummary budget = budget(10_000, 0);
        assertThatThrownBy(() -> jdbc.update("UPDATE ledger_line SET amount_pence = amount_pence * 2 WHERE budget_id = ?",
                budget.id())).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM ledger_entry WHERE budget_id = ?", budget.id()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("UPDATE ledger_balance SET balance_pence = -1 WHERE budget_id = ? "
                + "AND account = 'AVAILABLE'", budget.id())).hasMessageContaining("ck_ledger_balance_not_negative");
    }

    @Test
    void eightThreadsCommittingAtOnceNeverOverspendABudget() throws Exception {
        // £1,000 of NHS money; 8 threads x 50 commits of £7.00 would need £2,800
        BudgetSummary budget = budget(100_000, 0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit((Callable<Void>) () -> {
                actingAs.run(COMMISSIONER, () -> {
                    for (int i = 0; i < 50; i++) {
                        try {
                            ledger.commit(budget.id(), List.of(new StreamAmount(FundingStream.NHS_HEALTH, 700)),
                                    new LedgerRequest(null, null, "Race", "race-" + budget.id() + "-" + thread + "-" + i, null));
                            accepted.incrementAndGet();
                        } catch (InsufficientFundsException e) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                });
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        BudgetBalance balance = actingAs.run(COMMISSIONER, () -> ledger.balance(budget.id()));
        assertThat(accepted.get()).isEqualTo(142); // floor(100,000 / 700)
        assertThat(refused.get()).isEqualTo(400 - 142);
        assertThat(balance.committed()).isEqualTo(142 * 700).isLessThanOrEqualTo(balance.allocated());
        assertThat(balance.available()).isEqualTo(100_000 - 142 * 700).isNotNegative();
        assertLedgerConsistent(budget.id());
    }

    private long entries(long budgetId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE budget_id = ?", Long.class, budgetId);
    }

    /** Debits equal credits, every entry balances, and the running balances equal the sum of the lines. */
    private void assertLedgerConsistent(long budgetId) {
        assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(amount_pence), 0) FROM ledger_line WHERE budget_id = ?",
                Long.class, budgetId)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT entry_id FROM ledger_line WHERE budget_id = ? "
                + "GROUP BY entry_id HAVING SUM(amount_pence) <> 0) unbalanced", Long.class, budgetId)).isZero();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM ledger_balance b WHERE b.budget_id = ? AND b.balance_pence <>
                  (SELECT COALESCE(SUM(l.amount_pence), 0) FROM ledger_line l
                   WHERE l.budget_id = b.budget_id AND l.stream = b.stream AND l.account = b.account)""",
                Long.class, budgetId)).isZero();
    }
}
