package org.wholecare.plan;

import static org.wholecare.TestArea.BROKER;
import static org.wholecare.TestArea.CARER;
import static org.wholecare.TestArea.CARER_NAME;
import static org.wholecare.TestArea.COMMISSIONER;
import static org.wholecare.TestArea.COMMISSIONER_NAME;
import static org.wholecare.TestArea.COUNCIL;
import static org.wholecare.TestArea.HOLDER;

import org.wholecare.holder.BudgetHolderService;
import org.wholecare.pooling.PoolingService;
import org.wholecare.budget.BudgetTestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.wholecare.IntegrationTest;
import org.wholecare.security.ActingAs;
import org.wholecare.shared.ValidationException;

@IntegrationTest
class SupportPlanIT {

    @Autowired java.time.Clock clock;

    /** Today by the app's clock, which the tests move: never the machine's own, which may be a day apart. */
    private java.time.LocalDate today() {
        return org.wholecare.shared.UkTime.today(clock);
    }

    @Autowired SupportPlanService plans;
    @Autowired BudgetHolderService holders;
    @Autowired PoolingService pooling;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aDraftNeedsOutcomesValidLinesAndAFutureReviewDateAndNothingIsSavedOtherwise() {
        long sam = actingAs.run(HOLDER, () -> holders.mine().orElseThrow().id());
        long alcohol = BudgetTestData.category(actingAs, pooling, "Alcohol");
        long therapy = BudgetTestData.category(actingAs, pooling, "Therapy");
        long plansBefore = jdbc.queryForObject("SELECT COUNT(*) FROM support_plan", Long.class);
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> plans.saveDraft(sam, List.of(" ", ""), List.of(
                new SupportPlanService.LineInput(alcohol, "Wine", 1_000, SupportPlan.Frequency.WEEK, 1)),
                today().minusDays(1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("outcomes", "reviewDate", "lines");
                    assertThat(e.fieldErrors().get("lines")).contains("cannot pay for alcohol");
                });
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> plans.saveDraft(sam, List.of("Walk again"), List.of(
                new SupportPlanService.LineInput(therapy, "Physio", 0, SupportPlan.Frequency.WEEK, 1)),
                today().plusMonths(3))))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors().get("lines")).contains("greater than £0.00"));
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> plans.saveDraft(sam, List.of("Walk again"), List.of(
                new SupportPlanService.LineInput(therapy, "Physio", 500, SupportPlan.Frequency.WEEK, 2)),
                today().plusMonths(3))))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors().get("lines")).contains("which of your outcomes"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM support_plan", Long.class)).isEqualTo(plansBefore);
    }

    @Test
    void aRepresentativeDraftsACommissionerAgreesAndEarlierVersionsAreKept() {
        long sam = actingAs.run(HOLDER, () -> holders.mine().orElseThrow().id());
        long therapy = BudgetTestData.category(actingAs, pooling, "Therapy");
        int agreedBefore = actingAs.run(HOLDER, () -> plans.agreedVersions(sam)).size();
        SupportPlan draft = actingAs.run(CARER, () -> plans.saveDraft(sam, List.of("Walk to the shop"), List.of(
                new SupportPlanService.LineInput(therapy, "Physio twice a week", 9_000, SupportPlan.Frequency.WEEK, 1)),
                today().plusMonths(6)));
        assertThat(draft.status()).isEqualTo(SupportPlan.Status.DRAFT);
        assertThat(draft.draftedByName()).isEqualTo(CARER_NAME);

        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> plans.agree(sam, draft.version())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> plans.draft(sam)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () -> plans.agree(sam, draft.version() + 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("changed"));

        SupportPlan agreed = actingAs.run(COUNCIL, () -> plans.agree(sam, draft.version()));
        assertThat(agreed.status()).isEqualTo(SupportPlan.Status.AGREED);
        assertThat(actingAs.run(HOLDER, () -> plans.agreed(sam)).orElseThrow().version()).isEqualTo(draft.version());
        assertThat(actingAs.run(HOLDER, () -> plans.agreedVersions(sam))).hasSize(agreedBefore + 1);
        assertThat(actingAs.run(HOLDER, () -> plans.draft(sam))).isEmpty();
    }
}
