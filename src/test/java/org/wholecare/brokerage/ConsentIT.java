package org.wholecare.brokerage;

import static org.wholecare.TestArea.BROKER_NAME;
import static org.wholecare.TestArea.BROKER;
import static org.wholecare.TestArea.BROKERAGE_NAME;
import static org.wholecare.TestArea.COMMISSIONER;
import static org.wholecare.TestArea.DAY_CENTRE;
import static org.wholecare.TestArea.HOLDER;
import static org.wholecare.TestArea.HOME_CARE;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.wholecare.IntegrationTest;
import org.wholecare.TestClock;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetSummary;
import org.wholecare.budget.BudgetTestData;
import org.wholecare.consent.ConsentGrant;
import org.wholecare.consent.ConsentKind;
import org.wholecare.consent.ConsentScope;
import org.wholecare.consent.ConsentService;
import org.wholecare.consent.ConsentChanges;
import org.wholecare.holder.HolderSummary;
import org.wholecare.ledger.FundingStream;
import org.wholecare.marketplace.SearchQuery;
import org.wholecare.marketplace.SearchService;
import org.wholecare.security.ActingAs;
import org.wholecare.shared.RefusedException;
import org.wholecare.shared.ValidationException;

/** The consent rules, against the real database: refused with a clear message, nothing but an audit entry left. */
@IntegrationTest
class ConsentIT {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);
    private static final String PASSWORD = "a long enough password";

    @Autowired ConsentService consent;
    @Autowired ConsentChanges consentChanges;
    @Autowired Caseload caseload;
    @Autowired Shortlists shortlists;
    @Autowired Proposals proposals;
    @Autowired Quotes quotes;
    @Autowired BudgetHolderService holders;
    @Autowired BudgetService budgets;
    @Autowired SearchService search;
    @Autowired org.wholecare.security.Invitations invitations;
    @Autowired ActingAs actingAs;
    @Autowired Conflicts conflicts;
    @Autowired org.wholecare.marketplace.ProviderService providerProfiles;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    /** Today as the services see it: other tests move the shared clock. */
    private LocalDate today() {
        return org.wholecare.shared.UkTime.today(clock);
    }

    private record Person(String username, HolderSummary holder, BudgetSummary budget) {
    }

    /** A new holder who can sign in, with a budget, in TF4 (where Testford's listings are). */
    private Person newHolder() {
        HolderSummary holder = BudgetTestData.holderWhoCanSignIn(actingAs, holders, invitations, "Consent Person", "TF4");
        BudgetSummary budget = BudgetTestData.budget(actingAs, budgets, holder,
                Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 500_000L));
        return new Person(holder.username(), holder, budget);
    }

    private long brokerageId() {
        return jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class, BROKERAGE_NAME);
    }

    private ConsentGrant grant(Person p, ConsentScope scope) {
        return actingAs.run(p.username(), () -> consentChanges.grantToBrokerage(brokerageId(), scope,
                today().plusMonths(3)));
    }

    private long listing(String title) {
        return actingAs.run(HOLDER, () -> search.search(new SearchQuery(title, null, "TF4", null, null, null,
                null, 0, 5)).results().getFirst().listing().id());
    }

    private long refusals(Person p) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM access_log WHERE holder_id = ? AND outcome = 'REFUSED'",
                Long.class, p.holder().id());
    }

    private long shortlistRows(Person p) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM shortlist_item WHERE holder_id = ?", Long.class, p.holder().id());
    }

    @Test
    void aRecordThatDoesNotExistIsRefusedWordForWordLikeOneYouMayNotSee() {
        long sam = actingAs.run(HOLDER, () -> holders.mine().orElseThrow().id());
        long nobody = jdbc.queryForObject("SELECT MAX(id) + 1000 FROM budget_holder", Long.class);
        for (var look : List.<java.util.function.LongFunction<Object>>of(holders::holder,
                id -> consent.authorise(id, org.wholecare.consent.ConsentScope.VIEW, "Looked"),
                id -> budgets.currentBudget(id), id -> consent.grants(id))) {
            Throwable refusedReal = catchThrowable(() -> actingAs.run(BROKER, () -> look.apply(sam)));
            Throwable refusedMissing = catchThrowable(() -> actingAs.run(BROKER, () -> look.apply(nobody)));
            assertThat(refusedReal).isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
            assertThat(refusedMissing).hasSameClassAs(refusedReal).hasMessage(refusedReal.getMessage());
        }
    }

    @Test
    void aBrokerWithNoGrantIsRefusedAndOnlyTheRefusalIsRecorded() {
        Person p = newHolder();
        long listingId = listing("Morning help");
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> budgets.overview(p.budget().id())))
                .isInstanceOf(RefusedException.class).hasMessage("You do not have access to this person's records.");
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> shortlists.add(p.holder().id(), listingId, "x")))
                .isInstanceOf(RefusedException.class);
        assertThat(shortlistRows(p)).isZero();
        assertThat(refusals(p)).isEqualTo(2);
        assertThat(actingAs.run(BROKER, () -> caseload.clients())).extracting(Client::holderId)
                .doesNotContain(p.holder().id());
    }

    @Test
    void anExpiredGrantIsRefusedWithTheDayItEnded() {
        Person p = newHolder();
        ConsentGrant g = grant(p, ConsentScope.PROPOSE);
        assertThat(actingAs.run(BROKER, () -> caseload.client(p.holder().id())).name()).isEqualTo(p.holder().fullName());
        // as if its last day had passed
        jdbc.update("UPDATE consent_grant SET ends_on = ? WHERE id = ?", today().minusDays(1), g.id());
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> shortlists.shortlist(p.holder().id())))
                .isInstanceOf(RefusedException.class).hasMessageContaining("ended on");
        assertThat(jdbc.queryForObject("SELECT grant_id FROM access_log WHERE holder_id = ? AND outcome = 'REFUSED'",
                Long.class, p.holder().id())).isEqualTo(g.id());
        assertThat(actingAs.run(BROKER, () -> caseload.clients())).extracting(Client::holderId)
                .doesNotContain(p.holder().id());
    }

    @Test
    void aViewOnlyGrantCannotProposeOrShortlist() {
        Person p = newHolder();
        grant(p, ConsentScope.VIEW);
        long listingId = listing("Morning help");
        assertThat(actingAs.run(BROKER, () -> shortlists.shortlist(p.holder().id()))).isEmpty();
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> shortlists.add(p.holder().id(), listingId, "")))
                .isInstanceOf(RefusedException.class).hasMessageContaining("you need access to propose");
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> proposals.propose(p.holder().id(), listingId, 2,
                Proposal.Frequency.WEEKLY, today().plusDays(3), "Suits")))
                .isInstanceOf(RefusedException.class);
        assertThat(shortlistRows(p)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM proposal WHERE holder_id = ?", Long.class,
                p.holder().id())).isZero();
        assertThat(refusals(p)).isEqualTo(2);
    }

    @Test
    void revocationTakesEffectOnTheNextActionAndEveryStepIsRecorded() {
        Person p = newHolder();
        ConsentGrant g = grant(p, ConsentScope.VIEW);
        grant(p, ConsentScope.PROPOSE);
        long listingId = listing("Morning help");
        actingAs.run(BROKER, () -> shortlists.add(p.holder().id(), listingId, "Same carers each week"));
        actingAs.run(p.username(), () -> {
            consentChanges.revoke(g.id());
            return null;
        });
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> shortlists.shortlist(p.holder().id())))
                .isInstanceOf(RefusedException.class).hasMessageContaining("withdrew your access");
        assertThat(jdbc.queryForList("SELECT event FROM consent_event WHERE grant_id = ? ORDER BY id", String.class,
                g.id())).containsExactly("GRANTED", "CHANGED", "REVOKED");
        var log = actingAs.run(p.username(), () -> consent.accessLog(p.holder().id()));
        assertThat(log).anySatisfy(e -> {
            assertThat(e.actorName()).isEqualTo(BROKER_NAME);
            assertThat(e.action()).isEqualTo("Added a service to the shortlist");
            assertThat(e.allowed()).isTrue();
            assertThat(e.grantDescription()).contains(BROKERAGE_NAME);
        });
        assertThat(log).anySatisfy(e -> assertThat(e.allowed()).isFalse());
        // someone else's log is not theirs to read
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> consent.accessLog(p.holder().id())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aProviderOrAnotherHolderCannotOpenSomeoneElsesBudgetOrProposalById() {
        Person p = newHolder();
        grant(p, ConsentScope.PROPOSE);
        long listingId = listing("Morning help");
        Proposal proposal = actingAs.run(BROKER, () -> proposals.propose(p.holder().id(), listingId, 2,
                Proposal.Frequency.WEEKLY, today().plusDays(3), "The same carers each morning"));
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> budgets.overview(p.budget().id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> proposals.of(p.holder().id())))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> proposals.decide(proposal.id(), true, "")))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> proposals.decide(proposal.id(), true, "")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("SELECT status FROM proposal WHERE id = ?", String.class, proposal.id()))
                .isEqualTo("PROPOSED");
        // the provider's two tries and the other holder's; the broker was stopped by role before any look-up
        assertThat(refusals(p)).isEqualTo(3);
    }

    @Test
    void aProposalCarriesTheOtherOptionsAQuotedPriceAndAnyConflictAndTheHolderDecides() {
        Person p = newHolder();
        grant(p, ConsentScope.PROPOSE);
        long morning = listing("Morning help");
        long dayCentre = listing("Day centre with lunch");
        // the brokerage has declared that it runs a lunch club at the day centre
        long dayCentreOrganisation = actingAs.run(DAY_CENTRE, () -> providerProfiles.mine().orElseThrow().organisationId());
        actingAs.run(BROKER, () -> {
            conflicts.declare(dayCentreOrganisation, "Our charity runs the Friday lunch club at this day centre.");
            return null;
        });
        actingAs.run(BROKER, () -> shortlists.add(p.holder().id(), morning, "Same carers"));
        actingAs.run(BROKER, () -> shortlists.add(p.holder().id(), dayCentre, "Lunch and company"));
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> shortlists.add(p.holder().id(), morning, "")))
                .isInstanceOf(ValidationException.class);
        Quote quote = actingAs.run(BROKER, () -> quotes.request(p.holder().id(), dayCentre,
                "Three days a week from January"));
        assertThat(actingAs.run(DAY_CENTRE, () -> quotes.requestsForMe())).extracting(Quote::id)
                .contains(quote.id());
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> quotes.answer(quote.id(), null, 4_000L, "x")))
                .isInstanceOf(AccessDeniedException.class);
        actingAs.run(DAY_CENTRE, () -> quotes.answer(quote.id(), null, 4_400L, "Includes lunch and transport"));

        assertThatThrownBy(() -> actingAs.run(BROKER, () -> proposals.propose(p.holder().id(), dayCentre, 0,
                Proposal.Frequency.WEEKLY, today().minusDays(1), " ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("quantity", "startDate", "reason"));
        Proposal proposal = actingAs.run(BROKER, () -> proposals.propose(p.holder().id(), dayCentre, 3,
                Proposal.Frequency.WEEKLY, org.wholecare.TestArea.dayCentreDayFrom(today().plusDays(7)),
                "Company and a hot lunch"));
        assertThat(proposal.unitPricePence()).isEqualTo(4_400);
        assertThat(proposal.totalPence()).isEqualTo(13_200);
        assertThat(proposal.otherOptions()).extracting(ShortlistItem::listingId).containsExactly(morning);
        assertThat(proposal.conflict()).contains("lunch club");

        assertThatThrownBy(() -> actingAs.run(p.username(), () -> proposals.decide(proposal.id(), false, " ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("comment"));
        Proposal accepted = actingAs.run(p.username(), () -> proposals.decide(proposal.id(), true, "Yes please"));
        assertThat(accepted.status()).isEqualTo(Proposal.Status.ACCEPTED);
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> proposals.decide(proposal.id(), false, "No")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aCommissionerRecordsADeputyWhomOnlyACommissionerCanEnd() {
        Person p = newHolder();
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () -> consentChanges.recordLegalAuthority(p.holder().id(),
                ConsentKind.DEPUTY, "Dee Puty", "dee.puty." + SEQUENCE.incrementAndGet(), " ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("documentReference"));
        var invited = actingAs.run(COMMISSIONER, () -> consentChanges.recordLegalAuthority(p.holder().id(),
                ConsentKind.DEPUTY, "Dee Puty", "dee.puty." + SEQUENCE.incrementAndGet(), "COP 1234567"));
        assertThat(invited.grant().scope()).isEqualTo(ConsentScope.PURCHASE);
        assertThat(invited.grant().endsOn()).isNull();
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> {
            consentChanges.revoke(invited.grant().id());
            return null;
        })).isInstanceOf(ValidationException.class).hasMessageContaining("Ask your commissioner");
        actingAs.run(COMMISSIONER, () -> {
            consentChanges.revoke(invited.grant().id());
            return null;
        });
        assertThat(actingAs.run(p.username(), () -> consent.grants(p.holder().id())))
                .allSatisfy(g -> assertThat(g.revokedAt()).isNotNull());
    }

    @Test
    void badGrantsAreRefusedAtTheFieldAndNothingIsSaved() {
        Person p = newHolder();
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM consent_grant", Long.class);
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> consentChanges.grantToBrokerage(null, null,
                today().minusDays(1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("brokerage", "scope", "endsOn"));
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> consentChanges.inviteRepresentative(" ", HOLDER, "",
                ConsentScope.VIEW, today().plusYears(3))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("fullName", "username", "relationship", "endsOn"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent_grant", Long.class)).isEqualTo(before);
    }
}
