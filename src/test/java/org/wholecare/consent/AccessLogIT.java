package org.wholecare.consent;

import static org.wholecare.TestArea.HOME_CARE_CONTACT;
import static org.wholecare.TestArea.BROKER;
import static org.wholecare.TestArea.BROKERAGE_NAME;
import static org.wholecare.TestArea.COMMISSIONER;
import static org.wholecare.TestArea.COMMISSIONER_NAME;
import static org.wholecare.TestArea.HOME_CARE;

import org.wholecare.holder.BudgetHolderService;
import org.wholecare.budget.BudgetTestData;
import org.wholecare.holder.HolderSummary;
import org.wholecare.budget.BudgetService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wholecare.IntegrationTest;
import org.wholecare.brokerage.Proposals;
import org.wholecare.brokerage.Quotes;
import org.wholecare.brokerage.Proposal;
import org.wholecare.ledger.FundingStream;
import org.wholecare.security.ActingAs;
import org.wholecare.shared.ValidationException;

/**
 * The holder's "who has looked" log: repeated looks are one visit, every change is its own entry,
 * a change that fails leaves nothing behind, and commissioners' changes are there too.
 */
@IntegrationTest
class AccessLogIT {

    @Autowired java.time.Clock clock;

    /** Today by the app's clock, which the tests move: never the machine's own, which may be a day apart. */
    private java.time.LocalDate today() {
        return org.wholecare.shared.UkTime.today(clock);
    }

    @Autowired ConsentService consent;
    @Autowired ConsentChanges consentChanges;
    @Autowired Proposals proposals;
    @Autowired Quotes quotes;
    @Autowired BudgetHolderService holders;
    @Autowired BudgetService budgets;
    @Autowired ActingAs actingAs;
    @Autowired org.wholecare.security.Invitations invitations;
    @Autowired JdbcTemplate jdbc;

    private long entries(long holderId, String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE holder_id = ? AND action = ? "
                + "AND outcome = 'ALLOWED'", Long.class, holderId, action);
    }

    @Test
    void looksAreMergedIntoVisitsButEveryChangeIsRecordedOnceItHappens() {
        HolderSummary holder = BudgetTestData.holderWhoCanSignIn(actingAs, holders, invitations, "Logged Person", "TF2");
        BudgetTestData.budget(actingAs, budgets, holder, Map.of(FundingStream.NHS_HEALTH, 50_000L));
        long brokerageId = jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class, BROKERAGE_NAME);
        actingAs.run(holder.username(), () -> consentChanges.grantToBrokerage(brokerageId, ConsentScope.PROPOSE,
                today().plusMonths(1)));
        long listing = jdbc.queryForObject("SELECT id FROM listing WHERE title = 'Morning help at home'", Long.class);

        for (int i = 0; i < 3; i++) {
            actingAs.run(BROKER, () -> consent.authorise(holder.id(), ConsentScope.VIEW, "Looked at the budget"));
        }
        assertThat(entries(holder.id(), "Looked at the budget")).isEqualTo(1);

        for (int i = 0; i < 2; i++) {
            actingAs.run(BROKER, () -> proposals.propose(holder.id(), listing, 2, Proposal.Frequency.WEEKLY,
                    today().plusDays(3), "Help in the mornings"));
        }
        assertThat(entries(holder.id(), "Proposed a purchase")).isEqualTo(2);

        // a proposal refused for what was typed was never made, so it is not on the record as made
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> proposals.propose(holder.id(), listing, 2,
                Proposal.Frequency.WEEKLY, today().plusDays(3), " ")))
                .isInstanceOf(ValidationException.class);
        assertThat(entries(holder.id(), "Proposed a purchase")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT grant_id IS NOT NULL FROM access_log WHERE holder_id = ? AND action = ? "
                + "LIMIT 1", Boolean.class, holder.id(), "Proposed a purchase")).isTrue();

        // a commissioner's change to the budget is in the holder's log, with who made it
        long budgetId = actingAs.run(COMMISSIONER, () -> budgets.currentBudget(holder.id()).orElseThrow().id());
        actingAs.run(COMMISSIONER, () -> {
            budgets.adjustAllocation(budgetId, FundingStream.NHS_HEALTH, 10_000, "Extra physiotherapy after a fall",
                    "adjust-" + budgetId);
            return null;
        });
        List<AccessLogEntry> log = actingAs.run(holder.username(), () -> consent.accessLog(holder.id()));
        assertThat(log).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("Changed a budget allocation");
            assertThat(e.actorName()).isEqualTo(COMMISSIONER_NAME);
        });
    }

    @Test
    void everyLookByAnyoneButTheHolderIsInTheirLogListsAndQueuesIncluded() {
        HolderSummary holder = BudgetTestData.holderWhoCanSignIn(actingAs, holders, invitations, "Listed Person", "TF4");
        BudgetTestData.budget(actingAs, budgets, holder, Map.of(FundingStream.NHS_HEALTH, 80_000L,
                FundingStream.COUNCIL_SOCIAL_CARE, 80_000L));
        long brokerageId = jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class, BROKERAGE_NAME);
        actingAs.run(holder.username(), () -> consentChanges.grantToBrokerage(brokerageId, ConsentScope.PURCHASE,
                today().plusMonths(1)));
        long listing = jdbc.queryForObject("SELECT id FROM listing WHERE title = 'Morning help at home'", Long.class);
        actingAs.run(BROKER, () -> quotes.request(holder.id(), listing, "Could you come at 7 most days?"));

        // a commissioner's list of the area's holders shows names and NHS numbers
        actingAs.run(COMMISSIONER, () -> holders.holdersInMyArea());
        actingAs.run(COMMISSIONER, () -> holders.holdersInMyArea());
        assertThat(entries(holder.id(), "Saw your name and NHS number in the list of the area's budget holders"))
                .as("looked at twice in one visit").isEqualTo(1);
        // the provider reads the request, which says what support the person needs
        actingAs.run(HOME_CARE, () -> quotes.requestsForMe());
        assertThat(entries(holder.id(), "Read your requests for a price")).isEqualTo(1);

        List<AccessLogEntry> log = actingAs.run(holder.username(), () -> consent.accessLog(holder.id()));
        assertThat(log).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("Read your requests for a price");
            assertThat(e.actorName()).isEqualTo(HOME_CARE_CONTACT);
        });
    }

    @Test
    void refusingTheSameThingAgainAndAgainIsOneEntrySoNobodyCanFloodTheLog() {
        HolderSummary holder = BudgetTestData.holderWhoCanSignIn(actingAs, holders, invitations, "Flooded Person", "TF2");
        long brokerageId = jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class, BROKERAGE_NAME);
        actingAs.run(holder.username(), () -> consentChanges.grantToBrokerage(brokerageId, ConsentScope.VIEW,
                today().plusMonths(1)));
        for (int i = 0; i < 25; i++) {
            assertThatThrownBy(() -> actingAs.run(BROKER, () -> consent.authorise(holder.id(), ConsentScope.PURCHASE,
                    "Booked a service"))).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE holder_id = ? AND outcome = 'REFUSED'",
                Long.class, holder.id())).isEqualTo(1);
    }
}
