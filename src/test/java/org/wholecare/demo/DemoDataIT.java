package org.wholecare.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.wholecare.IntegrationTest;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.Statement;
import org.wholecare.budget.StatementService;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.ledger.FundingStream;
import org.wholecare.plan.SupportPlan;
import org.wholecare.plan.SupportPlanService;
import org.wholecare.security.ActingAs;
import org.wholecare.shared.UkTime;

/**
 * The Northbrook demo tells a true story: its people can sign in, Sam's plan is agreed and adds up,
 * and Sam's statement reconciles with the ledger after a real purchase. The other integration tests
 * run with the demo off, on their own small area.
 */
@IntegrationTest
@TestPropertySource(properties = "wholecare.demo-data.enabled=true")
class DemoDataIT {

    @Autowired ActingAs actingAs;
    @Autowired BudgetHolderService holders;
    @Autowired BudgetService budgets;
    @Autowired StatementService statements;
    @Autowired SupportPlanService plans;
    @Autowired org.springframework.security.core.userdetails.UserDetailsService users;
    @Autowired Clock clock;

    @Test
    void everyDemoUserTheReadmeListsExists() {
        for (String username : List.of("holder", "carer", "holder2", "broker", "provider", "physio", "daycentre",
                "sunrise", "commissioner", "council", "admin")) {
            assertThat(users.loadUserByUsername(username).isEnabled()).as(username).isTrue();
        }
    }

    @Test
    void samsPlanIsAgreedAndAddsUp() {
        long sam = actingAs.run("holder", () -> holders.mine().orElseThrow().id());
        SupportPlan plan = actingAs.run("holder", () -> plans.agreedVersions(sam)).stream()
                .filter(p -> p.version() == 1).findFirst().orElseThrow();
        assertThat(plan.outcomes()).hasSize(3).first().asString().contains("allotment");
        // £245 + £180 a week for 52 weeks, £20 a month for 12
        assertThat(plan.perYearPence()).isEqualTo(24_500L * 52 + 18_000L * 52 + 2_000L * 12);
        assertThat(plan.agreedByName()).isEqualTo("Nadia Okafor");
    }

    @Test
    void samsMonthlyStatementReconcilesExactlyWithTheLedger() {
        long samsBudget = actingAs.run("holder", () -> holders.mine().orElseThrow().currentBudgetId());
        Statement statement = actingAs.run("holder", () -> statements.statement(samsBudget,
                YearMonth.now(clock.withZone(UkTime.ZONE))));
        var overview = actingAs.run("holder", () -> budgets.overview(samsBudget));
        for (FundingStream stream : FundingStream.values()) {
            assertThat(statement.opening().stream(stream).available() + statement.totalAvailableChange(stream))
                    .as(stream + " opening + movements = closing").isEqualTo(statement.closing().stream(stream).available());
            assertThat(statement.closing().stream(stream)).isEqualTo(overview.balance().stream(stream));
        }
        String csv = new String(StatementService.csv(statement), StandardCharsets.UTF_8);
        assertThat(csv).contains("Closing balance,All streams," + pounds(overview.balance().allocated()))
                .contains("Booked Morning help at home from Riverside Home Care")
                .contains("(Settled outside Stripe)");
        byte[] pdf = StatementService.pdf(statement);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    private static String pounds(long pence) {
        return new java.math.BigDecimal(pence).movePointLeft(2).toPlainString();
    }
}
