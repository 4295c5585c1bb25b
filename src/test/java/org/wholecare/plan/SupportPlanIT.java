package org.wholecare.plan;

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
    void theDemoPlanIsAgreedAndAddsUp() {
        long sam = actingAs.run("holder", () -> holders.mine().orElseThrow().id());
        SupportPlan plan = actingAs.run("holder", () -> plans.agreedVersions(sam)).stream()
                .filter(p -> p.version() == 1).findFirst().orElseThrow();
        assertThat(plan.outcomes()).hasSize(3).first().asString().contains("allotment");
        // £245 + £180 a week for 52 weeks, £20 a month for 12
        assertThat(plan.perYearPence()).isEqualTo(24_500L * 52 + 18_000L * 52 + 2_000L * 12);
        assertThat(plan.agreedByName()).isEqualTo("Nadia Okafor");
    }

    @Test
    void aDraftNeedsOutcomesValidLinesAndAFutureReviewDateAndNothingIsSavedOtherwise() {
        long sam = actingAs.run("holder", () -> holders.mine().orElseThrow().id());
        long alcohol = BudgetTestData.category(actingAs, pooling, "Alcohol");
        long therapy = BudgetTestData.category(actingAs, pooling, "Therapy");
        long plansBefore = jdbc.queryForObject("SELECT COUNT(*) FROM support_plan", Long.class);
        assertThatThrownBy(() -> actingAs.run("holder", () -> plans.saveDraft(sam, List.of(" ", ""), List.of(
                new SupportPlanService.LineInput(alcohol, "Wine", 1_000, SupportPlan.Frequency.WEEK, 1)),
                today().minusDays(1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.fieldErrors()).containsOnlyKeys("outcomes", "reviewDate", "lines");
                    assertThat(e.fieldErrors().get("lines")).contains("cannot pay for alcohol");
                });
        assertThatThrownBy(() -> actingAs.run("holder", () -> plans.saveDraft(sam, List.of("Walk again"), List.of(
                new SupportPlanService.LineInput(therapy, "Physio", 0, SupportPlan.Frequency.WEEK, 1)),
                today().plusMonths(3))))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors().get("lines")).contains("greater than £0.00"));
        assertThatThrownBy(() -> actingAs.run("holder", () -> plans.saveDraft(sam, List.of("Walk again"), List.of(
                new SupportPlanService.LineInput(therapy, "Physio", 500, SupportPlan.Frequency.WEEK, 2)),
                today().plusMonths(3))))
                .isInstanceOfSatisfying(ValidationException.class, e ->
                        assertThat(e.fieldErrors().get("lines")).contains("which of your outcomes"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM support_plan", Long.class)).isEqualTo(plansBefore);
    }

    @Test
    void aRepresentativeDraftsACommissionerAgreesAndEarlierVersionsAreKept() {
        long sam = actingAs.run("holder", () -> holders.mine().orElseThrow().id());
        long therapy = BudgetTestData.category(actingAs, pooling, "Therapy");
        int agreedBefore = actingAs.run("holder", () -> plans.agreedVersions(sam)).size();
        SupportPlan draft = actingAs.run("carer", () -> plans.saveDraft(sam, List.of("Walk to the shop"), List.of(
                new SupportPlanService.LineInput(therapy, "Physio twice a week", 9_000, SupportPlan.Frequency.WEEK, 1)),
                today().plusMonths(6)));
        assertThat(draft.status()).isEqualTo(SupportPlan.Status.DRAFT);
        assertThat(draft.draftedByName()).isEqualTo("Jo Taylor");

        assertThatThrownBy(() -> actingAs.run("holder", () -> plans.agree(sam, draft.version())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run("broker", () -> plans.draft(sam)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run("commissioner", () -> plans.agree(sam, draft.version() + 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("changed"));

        SupportPlan agreed = actingAs.run("council", () -> plans.agree(sam, draft.version()));
        assertThat(agreed.status()).isEqualTo(SupportPlan.Status.AGREED);
        assertThat(actingAs.run("holder", () -> plans.agreed(sam)).orElseThrow().version()).isEqualTo(draft.version());
        assertThat(actingAs.run("holder", () -> plans.agreedVersions(sam))).hasSize(agreedBefore + 1);
        assertThat(actingAs.run("holder", () -> plans.draft(sam))).isEmpty();
    }
}
