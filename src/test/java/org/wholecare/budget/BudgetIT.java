package org.wholecare.budget;

import static org.wholecare.TestArea.HOLDER_NHS_NUMBER;
import static org.wholecare.TestArea.areaId;

import static org.wholecare.TestArea.BROKER;
import static org.wholecare.TestArea.CARER;
import static org.wholecare.TestArea.COMMISSIONER;
import static org.wholecare.TestArea.COMMISSIONER_NAME;
import static org.wholecare.TestArea.COUNCIL;
import static org.wholecare.TestArea.HOLDER;
import static org.wholecare.TestArea.HOLDER_NAME;

import org.wholecare.holder.BudgetHolderService;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.holder.RegisterHolder;
import org.wholecare.pooling.PoolingService;
import org.wholecare.holder.HolderSummary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.wholecare.IntegrationTest;
import org.wholecare.ledger.FundingStream;
import org.wholecare.security.ActingAs;
import org.wholecare.shared.ValidationException;

@IntegrationTest
class BudgetIT {

    /** Testford's id, read once before each test (never inside a lambda that expects a refusal). */
    private long area;

    @org.junit.jupiter.api.BeforeEach
    void findTheTestArea() {
        area = areaId(actingAs);
    }

    @Autowired java.time.Clock clock;

    /** Today by the app's clock, which the tests move: never the machine's own, which may be a day apart. */
    private java.time.LocalDate today() {
        return org.wholecare.shared.UkTime.today(clock);
    }

    @Autowired BudgetHolderService holders;
    @Autowired BudgetService budgets;
    @Autowired PoolingService pooling;
    @Autowired StatementService statements;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;

    @Test
    void anAllocationReadsAsItsCalculationOnceInTheTransactionsNotAllocatedTwice() {
        HolderSummary holder = BudgetTestData.holder(actingAs, holders);
        BudgetSummary budget = BudgetTestData.budget(actingAs, budgets, holder, Map.of(FundingStream.NHS_HEALTH, 52_000L));
        var entries = actingAs.run(COMMISSIONER, () -> budgets.overview(budget.id())).recentEntries();
        // the page shows "Money allocated: " and then the reason
        assertThat(entries).singleElement().satisfies(e -> assertThat(e.reason())
                .isEqualTo("Test allocation for " + FundingStream.NHS_HEALTH.label()));
    }

    @Test
    void badRegistrationsAreRefusedAtTheFieldAndNothingIsSaved() {
        long holdersBefore = count("budget_holder");
        long accountsBefore = count("user_account");
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () -> holders.register(new RegisterHolder("Ann Lee",
                "ann.lee", today().plusDays(1), "943 476 5918", "ZZ1", null, null, null))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("dateOfBirth", "nhsNumber", "postcodeDistrict");
                    assertThat(e.fieldErrors().get("nhsNumber")).contains("not a valid NHS number");
                });
        // Testford's holder's NHS number is taken; the representative needs a username and relationship
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () -> holders.register(new RegisterHolder("Ann Lee",
                "ann.lee", LocalDate.of(1950, 2, 2), HOLDER_NHS_NUMBER, "TF1", "Ben Lee", "", ""))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("nhsNumber", "representativeUsername", "representativeRelationship"));
        // a representative username already in use: the holder's account must not be left behind
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () -> holders.register(new RegisterHolder("Ann Lee",
                "ann.lee", LocalDate.of(1950, 2, 2), BudgetTestData.nextNhsNumber(), "TF1", "Ben Lee", CARER, "Son"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("representativeUsername"));
        assertThat(count("budget_holder")).isEqualTo(holdersBefore);
        assertThat(count("user_account")).isEqualTo(accountsBefore);
    }

    @Test
    void badBudgetsAreRefusedAndNothingIsSaved() {
        HolderSummary holder = BudgetTestData.holder(actingAs, holders);
        long budgetsBefore = count("budget");
        long entriesBefore = count("ledger_entry");
        Map<FundingStream, Long> amounts = new EnumMap<>(FundingStream.class);
        amounts.put(FundingStream.NHS_HEALTH, -5L);
        amounts.put(FundingStream.COUNCIL_SOCIAL_CARE, 100_000_001L);
        amounts.put(FundingStream.ASSESSED_CONTRIBUTION, 5_000L);
        amounts.put(FundingStream.PRIVATE_TOP_UP, 100L);
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () -> budgets.createBudget(new NewBudget(holder.id(),
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 1), null, null, amounts, Map.of()))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(
                        "endDate", "management", "amount-NHS_HEALTH", "amount-COUNCIL_SOCIAL_CARE",
                        "calculation-ASSESSED_CONTRIBUTION", "amount-PRIVATE_TOP_UP"));
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () -> budgets.createBudget(new NewBudget(holder.id(),
                LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), BudgetManagement.THIRD_PARTY, null,
                Map.of(), Map.of()))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("brokerage", "amount-NHS_HEALTH"));
        assertThat(count("budget")).isEqualTo(budgetsBefore);
        assertThat(count("ledger_entry")).isEqualTo(entriesBefore);
    }

    @Test
    void aSecondBudgetForTheSameDatesIsRefused() {
        HolderSummary holder = BudgetTestData.holder(actingAs, holders);
        BudgetTestData.budget(actingAs, budgets, holder, Map.of(FundingStream.NHS_HEALTH, 10_000L));
        assertThatThrownBy(() -> BudgetTestData.budget(actingAs, budgets, holder, Map.of(FundingStream.NHS_HEALTH, 10_000L)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsKey("startDate"));
    }

    @Test
    void anAdjustmentNeedsAReasonIsPostedOnceAndAppearsInTheHistory() {
        HolderSummary holder = BudgetTestData.holder(actingAs, holders);
        BudgetSummary budget = BudgetTestData.budget(actingAs, budgets, holder, Map.of(FundingStream.NHS_HEALTH, 10_000L));
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () -> {
            budgets.adjustAllocation(budget.id(), FundingStream.NHS_HEALTH, 5_000, " ", "a1");
            return null;
        })).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("reason"));
        actingAs.run(COMMISSIONER, () -> {
            budgets.adjustAllocation(budget.id(), FundingStream.NHS_HEALTH, 5_000, "Extra physiotherapy after a fall", "a2");
            budgets.adjustAllocation(budget.id(), FundingStream.NHS_HEALTH, 5_000, "Extra physiotherapy after a fall", "a2");
            return null;
        });
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () -> {
            budgets.adjustAllocation(budget.id(), FundingStream.NHS_HEALTH, -20_000, "Too much", "a3");
            return null;
        })).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fieldErrors().get("amount")).contains("at most £150.00"));
        var history = actingAs.run(COMMISSIONER, () -> budgets.history(budget.id()));
        assertThat(history).hasSize(2);
        assertThat(history.getFirst().changePence()).isEqualTo(5_000);
        assertThat(history.getFirst().reason()).isEqualTo("Extra physiotherapy after a fall");
        assertThat(history.getFirst().byName()).isEqualTo(COMMISSIONER_NAME);
        assertThat(actingAs.run(COMMISSIONER, () -> budgets.overview(budget.id())).balance().allocated())
                .isEqualTo(15_000);
    }

    @Test
    void onlyTheHolderTheirRepresentativeAndTheirAreasCommissionersSeeABudget() {
        long samsBudget = actingAs.run(HOLDER, () -> holders.mine().orElseThrow().currentBudgetId());
        assertThat(actingAs.run(CARER, () -> budgets.overview(samsBudget)).holder().fullName()).isEqualTo(HOLDER_NAME);
        assertThat(actingAs.run(COUNCIL, () -> budgets.overview(samsBudget)).balance().allocated()).isPositive();

        HolderSummary other = BudgetTestData.holder(actingAs, holders);
        BudgetSummary othersBudget = BudgetTestData.budget(actingAs, budgets, other, Map.of(FundingStream.NHS_HEALTH, 1_000L));
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> budgets.overview(othersBudget.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run(CARER, () -> holders.holder(other.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> budgets.overview(samsBudget)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> statements.statement(othersBudget.id(), YearMonth.now())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> {
            budgets.adjustAllocation(samsBudget, FundingStream.NHS_HEALTH, 100_000, "Give myself more", "x");
            return null;
        })).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void sharesThatDoNotAddUpToOneHundredAreRefusedAndANewVersionAppliesToNewCommitmentsOnly() {
        var current = actingAs.run(COUNCIL, () -> pooling.currentAgreement(area).orElseThrow());
        long transport = BudgetTestData.category(actingAs, pooling, "Transport");
        Map<Long, Map<FundingStream, Integer>> shares = new java.util.HashMap<>(current.sharesByCategory());
        shares.put(transport, Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 5000, FundingStream.NHS_HEALTH, 4000));
        assertThatThrownBy(() -> actingAs.run(COUNCIL, () -> pooling.saveNewVersion(shares)))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors().get("category-" + transport)).contains("90%"));
        assertThat(actingAs.run(COUNCIL, () -> pooling.currentAgreement(area).orElseThrow()).version())
                .isEqualTo(current.version());

        HolderSummary holder = BudgetTestData.holder(actingAs, holders);
        BudgetSummary budget = BudgetTestData.budget(actingAs, budgets, holder,
                Map.of(FundingStream.NHS_HEALTH, 50_000L, FundingStream.COUNCIL_SOCIAL_CARE, 50_000L));
        var before = actingAs.run(COMMISSIONER, () -> budgets.commitForCategory(budget.id(), transport, 1_000, "Taxi", "v1"));
        shares.put(transport, Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 5000, FundingStream.NHS_HEALTH, 5000));
        var saved = actingAs.run(COUNCIL, () -> pooling.saveNewVersion(shares));
        try {
            var after = actingAs.run(COMMISSIONER, () -> budgets.commitForCategory(budget.id(), transport, 1_000, "Taxi", "v2"));
            assertThat(before.split().parts()).containsExactly(new org.wholecare.ledger.StreamAmount(
                    FundingStream.COUNCIL_SOCIAL_CARE, 1_000));
            assertThat(after.split().agreementVersion()).isEqualTo(saved.version());
            assertThat(after.split().parts()).extracting(org.wholecare.ledger.StreamAmount::pence).containsExactly(500L, 500L);
        } finally {
            // put Testford's split back for the other tests
            shares.put(transport, Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 10_000));
            actingAs.run(COUNCIL, () -> pooling.saveNewVersion(shares));
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
