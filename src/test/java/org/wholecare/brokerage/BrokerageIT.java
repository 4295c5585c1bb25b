package org.wholecare.brokerage;

import static org.wholecare.TestArea.BROKER_NAME;
import static org.wholecare.TestArea.BROKER;
import static org.wholecare.TestArea.BROKERAGE_NAME;
import static org.wholecare.TestArea.COMMISSIONER;
import static org.wholecare.TestArea.DAY_CENTRE;
import static org.wholecare.TestArea.HOLDER;
import static org.wholecare.TestArea.HOME_CARE;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
import org.wholecare.consent.ConsentScope;
import org.wholecare.consent.ConsentService;
import org.wholecare.consent.ConsentChanges;
import org.wholecare.holder.HolderSummary;
import org.wholecare.pooling.PoolingService;
import org.wholecare.plan.SupportPlan;
import org.wholecare.plan.SupportPlanService;
import org.wholecare.ledger.FundingStream;
import org.wholecare.marketplace.SearchQuery;
import org.wholecare.marketplace.SearchService;
import org.wholecare.security.AccountService;
import org.wholecare.security.ActingAs;
import org.wholecare.shared.RefusedException;
import org.wholecare.shared.ValidationException;

/**
 * Brokers and carers acting for a holder, against the real database: only with consent, changed
 * or renewed by the holder at once, quotes as a kept conversation, and always on the record.
 */
@IntegrationTest
class BrokerageIT {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);
    private static final String PASSWORD = "a long enough password";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @Autowired ConsentService consent;
    @Autowired ConsentChanges consentChanges;
    @Autowired Caseload caseload;
    @Autowired Shortlists shortlists;
    @Autowired Proposals proposals;
    @Autowired Quotes quotes;
    @Autowired BudgetHolderService holders;
    @Autowired BudgetService budgets;
    @Autowired SupportPlanService plans;
    @Autowired PoolingService pooling;
    @Autowired SearchService search;
    @Autowired AccountService accounts;
    @Autowired org.wholecare.security.Invitations invitations;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    private record Person(String username, HolderSummary holder, BudgetSummary budget) {
    }

    private record Rep(String username, String fullName, ConsentGrant grant) {
    }

    /** Today as the services see it: tests move the shared clock. */
    private LocalDate today() {
        return org.wholecare.shared.UkTime.today(clock);
    }

    /** A new holder who can sign in, with a budget, in TF4 (where Testford's listings are). */
    private Person newHolder() {
        HolderSummary holder = BudgetTestData.holderWhoCanSignIn(actingAs, holders, invitations, "Brokerage Person", "TF4");
        BudgetSummary budget = BudgetTestData.budget(actingAs, budgets, holder,
                Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 500_000L));
        return new Person(holder.username(), holder, budget);
    }

    private long brokerageId() {
        return jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class, BROKERAGE_NAME);
    }

    private ConsentGrant brokerGrant(Person p, ConsentScope scope, LocalDate endsOn) {
        return actingAs.run(p.username(), () -> consentChanges.grantToBrokerage(brokerageId(), scope, endsOn));
    }

    /** The holder invites a carer, who (unless told not to) chooses a password. */
    private Rep invite(Person p, ConsentScope scope, boolean choosesPassword) {
        long n = SEQUENCE.incrementAndGet();
        String username = "brokerage.carer." + n;
        String fullName = "Carer Person " + n;
        var invited = actingAs.run(p.username(), () -> consentChanges.inviteRepresentative(fullName, username, "my nephew",
                scope, today().plusMonths(3)));
        if (choosesPassword) {
            String url = invited.invitation().link().url();
            invitations.acceptInvitation(url.substring(url.lastIndexOf('/') + 1), PASSWORD, PASSWORD);
        }
        return new Rep(username, fullName, invited.grant());
    }

    private void revoke(Person p, long grantId) {
        actingAs.run(p.username(), () -> {
            consentChanges.revoke(grantId);
            return null;
        });
    }

    private long listing(String title) {
        return actingAs.run(HOLDER, () -> search.search(new SearchQuery(title, null, "TF4", null, null, null,
                null, 0, 5)).results().getFirst().listing().id());
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private long rows(String table, Person p) {
        return count("SELECT COUNT(*) FROM " + table + " WHERE holder_id = ?", p.holder().id());
    }

    private long refusals(Person p) {
        return count("SELECT COUNT(*) FROM access_log WHERE holder_id = ? AND outcome = 'REFUSED'", p.holder().id());
    }

    private long messages(Quote... quotes) {
        long total = 0;
        for (Quote q : quotes) {
            total += count("SELECT COUNT(*) FROM quote_message WHERE quote_request_id = ?", q.id());
        }
        return total;
    }

    @Test
    void afterRevocationAWriteIsRefusedNothingIsAddedAndExactlyOneRefusalIsRecordedEachTime() {
        Person p = newHolder();
        ConsentGrant g = brokerGrant(p, ConsentScope.PROPOSE, today().plusMonths(3));
        long listingId = listing("Morning help");
        revoke(p, g.id());
        long shortlisted = rows("shortlist_item", p);
        long proposed = rows("proposal", p);
        long refused = refusals(p);

        assertThatThrownBy(() -> actingAs.run(BROKER, () -> shortlists.add(p.holder().id(), listingId,
                "Mornings")))
                .isInstanceOf(RefusedException.class).hasMessageContaining("withdrew your access");
        assertThat(rows("shortlist_item", p)).isEqualTo(shortlisted);
        assertThat(refusals(p)).isEqualTo(refused + 1);

        assertThatThrownBy(() -> actingAs.run(BROKER, () -> proposals.propose(p.holder().id(), listingId, 2,
                Proposal.Frequency.WEEKLY, today().plusDays(3), "The same carers each morning")))
                .isInstanceOf(RefusedException.class).hasMessageContaining("withdrew your access");
        assertThat(rows("proposal", p)).isEqualTo(proposed);
        assertThat(refusals(p)).isEqualTo(refused + 2);
    }

    @Test
    void aCarerWithLookOnlyCannotProposeAndCanOnceTheHolderLetsThemSuggest() {
        Person p = newHolder();
        Rep carer = invite(p, ConsentScope.VIEW, true);
        long listingId = listing("Morning help");
        Client client = actingAs.run(carer.username(), () -> caseload.client(p.holder().id()));
        // the relationship comes from the holder's grant
        assertThat(client.grant().relationship()).isEqualTo("my nephew");
        assertThat(actingAs.run(carer.username(), () -> caseload.clients())).extracting(Client::holderId)
                .containsExactly(p.holder().id());

        assertThatThrownBy(() -> actingAs.run(carer.username(), () -> proposals.propose(p.holder().id(), listingId, 1,
                Proposal.Frequency.ONE_OFF, today().plusDays(2), "Help on the first morning home")))
                .isInstanceOf(RefusedException.class).hasMessageContaining("you need access to propose");
        assertThat(rows("proposal", p)).isZero();

        actingAs.run(p.username(), () -> consentChanges.change(carer.grant().id(), ConsentScope.PROPOSE,
                today().plusMonths(2)));
        Proposal made = actingAs.run(carer.username(), () -> proposals.propose(p.holder().id(), listingId, 1,
                Proposal.Frequency.ONE_OFF, today().plusDays(2), "Help on the first morning home"));
        assertThat(made.status()).isEqualTo(Proposal.Status.PROPOSED);
        assertThat(made.proposedByName()).isEqualTo(carer.fullName());
        assertThat(rows("proposal", p)).isEqualTo(1);
    }

    @Test
    void aChangeIsRecordedAndALookOnlyChangeRefusesTheVeryNextProposal() {
        Person p = newHolder();
        ConsentGrant g = brokerGrant(p, ConsentScope.PROPOSE, today().plusMonths(3));
        long listingId = listing("Morning help");
        actingAs.run(BROKER, () -> proposals.propose(p.holder().id(), listingId, 2, Proposal.Frequency.WEEKLY,
                today().plusDays(3), "The same carers each morning"));
        long events = count("SELECT COUNT(*) FROM consent_event WHERE grant_id = ?", g.id());

        assertThatThrownBy(() -> actingAs.run(p.username(), () -> consentChanges.change(g.id(), null,
                today().minusDays(1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("scope", "endsOn"));
        assertThat(count("SELECT COUNT(*) FROM consent_event WHERE grant_id = ?", g.id())).isEqualTo(events);
        Person other = newHolder();
        assertThatThrownBy(() -> actingAs.run(other.username(), () -> consentChanges.change(g.id(), ConsentScope.PURCHASE,
                today().plusMonths(1))))
                .isInstanceOf(AccessDeniedException.class);

        ConsentGrant changed = actingAs.run(p.username(), () -> consentChanges.change(g.id(), ConsentScope.VIEW,
                today().plusMonths(1)));
        assertThat(changed.scope()).isEqualTo(ConsentScope.VIEW);
        assertThat(changed.endsOn()).isEqualTo(today().plusMonths(1));
        assertThat(jdbc.queryForList("SELECT event FROM consent_event WHERE grant_id = ? ORDER BY id", String.class,
                g.id())).containsExactly("GRANTED", "CHANGED");
        assertThat(jdbc.queryForObject("SELECT scope FROM consent_event WHERE grant_id = ? AND event = 'CHANGED'",
                String.class, g.id())).isEqualTo("VIEW");
        var history = actingAs.run(p.username(), () -> consent.history(p.holder().id())).get(g.id());
        assertThat(history).extracting(ConsentService.GrantEvent::what).containsExactly("Given", "Changed");
        assertThat(history.getLast().byName()).isEqualTo(p.holder().fullName());

        long proposalRows = rows("proposal", p);
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> proposals.propose(p.holder().id(), listingId, 1,
                Proposal.Frequency.ONE_OFF, today().plusDays(3), "One more")))
                .isInstanceOf(RefusedException.class).hasMessageContaining("you need access to propose");
        assertThat(rows("proposal", p)).isEqualTo(proposalRows);
        // looking is still allowed
        assertThat(actingAs.run(BROKER, () -> shortlists.shortlist(p.holder().id()))).isEmpty();
    }

    @Test
    void anEndedCarerIsGivenAccessAgainOnTheSameAccount() {
        Person p = newHolder();
        Rep carer = invite(p, ConsentScope.PROPOSE, true);
        revoke(p, carer.grant().id());
        assertThatThrownBy(() -> actingAs.run(carer.username(), () -> caseload.client(p.holder().id())))
                .isInstanceOf(RefusedException.class);
        long grantsBefore = count("SELECT COUNT(*) FROM consent_grant WHERE holder_id = ?", p.holder().id());

        assertThatThrownBy(() -> actingAs.run(p.username(), () -> consentChanges.giveAgain(carer.grant().id(),
                ConsentScope.VIEW, today().plusYears(3))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("endsOn"));
        Person other = newHolder();
        assertThatThrownBy(() -> actingAs.run(other.username(), () -> consentChanges.giveAgain(carer.grant().id(),
                ConsentScope.VIEW, today().plusMonths(1))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(count("SELECT COUNT(*) FROM consent_grant WHERE holder_id = ?", p.holder().id()))
                .isEqualTo(grantsBefore);

        long accountsBefore = count("SELECT COUNT(*) FROM user_account");
        var again = actingAs.run(p.username(), () -> consentChanges.giveAgain(carer.grant().id(), ConsentScope.VIEW,
                today().plusMonths(1)));
        assertThat(again.grant().id()).isNotEqualTo(carer.grant().id());
        assertThat(again.grant().granteeAccountId()).isEqualTo(carer.grant().granteeAccountId());
        assertThat(again.grant().relationship()).isEqualTo("my nephew");
        assertThat(again.grant().scope()).isEqualTo(ConsentScope.VIEW);
        // they already have a password, so no new link and no new account
        assertThat(again.invitation()).isNull();
        assertThat(count("SELECT COUNT(*) FROM user_account")).isEqualTo(accountsBefore);
        assertThat(actingAs.run(carer.username(), () -> caseload.client(p.holder().id())).grant().id())
                .isEqualTo(again.grant().id());
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> consentChanges.giveAgain(carer.grant().id(),
                ConsentScope.VIEW, today().plusMonths(1))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already has access");

        var history = actingAs.run(p.username(), () -> consent.history(p.holder().id()));
        assertThat(history.get(carer.grant().id())).extracting(ConsentService.GrantEvent::what)
                .containsExactly("Given", "Withdrawn");
        assertThat(history.get(again.grant().id())).extracting(ConsentService.GrantEvent::what)
                .containsExactly("Given");

        // someone who never chose a password gets a fresh link with their renewed access
        Rep neverSignedIn = invite(p, ConsentScope.VIEW, false);
        revoke(p, neverSignedIn.grant().id());
        var renewed = actingAs.run(p.username(), () -> consentChanges.giveAgain(neverSignedIn.grant().id(),
                ConsentScope.VIEW, today().plusMonths(1)));
        assertThat(renewed.invitation()).isNotNull();
        assertThat(renewed.invitation().link().username()).isEqualTo(neverSignedIn.username());
    }

    @Test
    void aProviderCannotReadOrDecideAHoldersProposalsById() {
        Person p = newHolder();
        brokerGrant(p, ConsentScope.PROPOSE, today().plusMonths(3));
        long listingId = listing("Morning help");
        Proposal proposal = actingAs.run(BROKER, () -> proposals.propose(p.holder().id(), listingId, 2,
                Proposal.Frequency.WEEKLY, today().plusDays(3), "The same carers each morning"));
        long refused = refusals(p);

        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> proposals.of(p.holder().id())))
                .isInstanceOf(RefusedException.class).hasMessage("You do not have access to this person's records.");
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> quotes.of(p.holder().id())))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> proposals.decide(proposal.id(), true, "")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> proposals.withdraw(proposal.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> caseload.client(p.holder().id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("SELECT status FROM proposal WHERE id = ?", String.class, proposal.id()))
                .isEqualTo("PROPOSED");
        // the two reads reached the consent check; the rest were stopped by role first
        assertThat(refusals(p)).isEqualTo(refused + 2);
    }

    @Test
    void beforeProposingTheBrokerSeesWhoWouldPayAndIsWarnedWhenTheBudgetCouldNotAndOnlyWithConsent() {
        // council money only: the day centre's 30% assessed-contribution share falls to the council
        Person p = newHolder();
        long dayCentre = listing("Day centre with lunch");
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> proposals.costOf(p.holder().id(), dayCentre, 3)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        brokerGrant(p, ConsentScope.PROPOSE, today().plusMonths(3));
        ProposalCost cost = actingAs.run(BROKER, () -> proposals.costOf(p.holder().id(), dayCentre, 3));
        assertThat(cost.pence()).isEqualTo(14_400);
        assertThat(cost.parts()).containsExactly(new org.wholecare.ledger.StreamAmount(
                FundingStream.COUNCIL_SOCIAL_CARE, 14_400));
        assertThat(cost.notes()).containsExactly("Assessed contribution has no money in this budget, so Council "
                + "social care pays its share (£43.20).");
        assertThat(cost.problems()).isEmpty();
        // more than the council has left: the broker is told before proposing
        ProposalCost tooMuch = actingAs.run(BROKER, () -> proposals.costOf(p.holder().id(), dayCentre, 120));
        assertThat(tooMuch.problems()).containsExactly("Council social care would pay £5,760.00 but has only "
                + "£5,000.00 left.");
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> proposals.costOf(p.holder().id(), dayCentre, 0)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("quantity"));
        // looking at the cost is a look at the budget, in the holder's log
        assertThat(count("SELECT COUNT(*) FROM access_log WHERE holder_id = ? AND action = ?", p.holder().id(),
                "Looked at what a proposal would cost")).isPositive();
    }

    @Test
    void aQuoteIsAThreadTheProviderRevisesAndTheLatestOfferPricesTheNextProposal() {
        Person p = newHolder();
        brokerGrant(p, ConsentScope.PROPOSE, today().plusMonths(3));
        long dayCentre = listing("Day centre with lunch");
        Quote asked = actingAs.run(BROKER, () -> quotes.request(p.holder().id(), dayCentre,
                "Three days a week from January"));
        assertThat(asked.messages()).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("Three days a week from January");
            assertThat(m.fromProvider()).isFalse();
            assertThat(m.offer()).isFalse();
        });
        assertThat(asked.waitingForProvider()).isTrue();
        assertThat(actingAs.run(DAY_CENTRE, () -> quotes.requestsForMe())).extracting(Quote::id)
                .contains(asked.id());

        actingAs.run(DAY_CENTRE, () -> quotes.answer(asked.id(), "Monday, Wednesday and Friday suit us.",
                4_400L, "Includes lunch"));
        Quote revised = actingAs.run(DAY_CENTRE, () -> quotes.answer(asked.id(), "We can now include transport.",
                4_800L, "Includes lunch and transport"));
        // the first offer is kept; the latest is the current one
        assertThat(revised.messages()).extracting(QuoteMessage::pricePence).containsExactly(null, 4_400L, 4_800L);
        assertThat(revised.messages().get(1).fromProvider()).isTrue();
        assertThat(revised.quotedPricePence()).isEqualTo(4_800L);
        assertThat(revised.quotedTerms()).isEqualTo("Includes lunch and transport");
        assertThat(revised.waitingForProvider()).isFalse();

        Quote replied = actingAs.run(BROKER, () -> quotes.reply(asked.id(),
                "Could Tuesdays work instead of Mondays?"));
        assertThat(replied.messages()).hasSize(4);
        assertThat(replied.waitingForProvider()).isTrue();
        // the holder reads the whole thread
        assertThat(actingAs.run(p.username(), () -> quotes.of(p.holder().id()))).singleElement()
                .satisfies(q -> assertThat(q.messages()).extracting(QuoteMessage::body).containsExactly(
                        "Three days a week from January", "Monday, Wednesday and Friday suit us.",
                        "We can now include transport.", "Could Tuesdays work instead of Mondays?"));

        // the day centre is open Monday, Wednesday and Friday: a Tuesday start is refused at its field
        LocalDate tuesday = today().with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.TUESDAY));
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> proposals.propose(p.holder().id(), dayCentre, 3,
                Proposal.Frequency.WEEKLY, tuesday, "Company and a hot lunch")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("startDate").extractingByKey("startDate").asString()
                        .contains("runs on Monday, Wednesday and Friday"));
        Proposal proposal = actingAs.run(BROKER, () -> proposals.propose(p.holder().id(), dayCentre, 3,
                Proposal.Frequency.WEEKLY, org.wholecare.TestArea.dayCentreDayFrom(today().plusDays(7)),
                "Company and a hot lunch"));
        assertThat(proposal.unitPricePence()).isEqualTo(4_800L);
        assertThat(proposal.totalPence()).isEqualTo(14_400L);
    }

    @Test
    void badQuoteMessagesAndOtherPeoplesQuotesAreRefusedAndNothingIsSaved() {
        Person p = newHolder();
        Person other = newHolder();
        brokerGrant(p, ConsentScope.PROPOSE, today().plusMonths(3));
        brokerGrant(other, ConsentScope.PROPOSE, today().plusMonths(3));
        Rep carer = invite(p, ConsentScope.PROPOSE, true);
        long dayCentre = listing("Day centre with lunch");
        Quote quote = actingAs.run(BROKER, () -> quotes.request(p.holder().id(), dayCentre, "Two days a week"));
        Quote othersQuote = actingAs.run(BROKER, () -> quotes.request(other.holder().id(), dayCentre,
                "One day a week"));
        long messages = messages(quote, othersQuote);
        long requests = rows("quote_request", p);

        assertThatThrownBy(() -> actingAs.run(BROKER, () -> quotes.request(p.holder().id(), dayCentre, "  ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("message"));
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> quotes.reply(quote.id(), "x".repeat(2_001))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("2,000 characters");
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> quotes.reply(quote.id(), "")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("message"));
        assertThatThrownBy(() -> actingAs.run(DAY_CENTRE, () -> quotes.answer(quote.id(), " ", null, " ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("message"));
        assertThatThrownBy(() -> actingAs.run(DAY_CENTRE, () -> quotes.answer(quote.id(), null, 1_000_001L,
                "Includes lunch")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("price"));
        assertThatThrownBy(() -> actingAs.run(DAY_CENTRE, () -> quotes.answer(quote.id(), "Cheap", 0L,
                "Includes lunch")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("price"));
        assertThatThrownBy(() -> actingAs.run(DAY_CENTRE, () -> quotes.answer(quote.id(), null, 4_000L, "")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("terms"));

        // another provider answering by id: refused, and on the person's record
        long refused = refusals(p);
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> quotes.answer(quote.id(), "Cheaper here",
                3_000L, "Includes lunch")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(refusals(p)).isEqualTo(refused + 1);
        // a carer of one holder writing in another holder's quote by id
        long othersRefused = refusals(other);
        assertThatThrownBy(() -> actingAs.run(carer.username(), () -> quotes.reply(othersQuote.id(), "Hello")))
                .isInstanceOf(RefusedException.class).hasMessage("You do not have access to this person's records.");
        assertThat(refusals(other)).isEqualTo(othersRefused + 1);
        // the holder reads the thread but does not write in it
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> quotes.reply(quote.id(), "Thanks")))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(messages(quote, othersQuote)).isEqualTo(messages);
        assertThat(rows("quote_request", p)).isEqualTo(requests);
        assertThat(count("SELECT COUNT(*) FROM quote_request WHERE id IN (?, ?) AND quoted_price_pence IS NOT NULL",
                quote.id(), othersQuote.id())).isZero();
    }

    @Test
    void theCaseloadWarnsWhenConsentEndsWithinAFortnightAndWhenTheReviewIsOverdue() {
        Person p = newHolder();
        LocalDate start = today();
        LocalDate consentEnds = start.plusDays(30);
        brokerGrant(p, ConsentScope.PROPOSE, consentEnds);
        long therapy = BudgetTestData.category(actingAs, pooling, "Therapy");
        SupportPlan draft = actingAs.run(p.username(), () -> plans.saveDraft(p.holder().id(), List.of("Walk to the park"),
                List.of(new SupportPlanService.LineInput(therapy, "Physio once a week", 5_000, SupportPlan.Frequency.WEEK,
                        1)), start.plusDays(10)));
        actingAs.run(COMMISSIONER, () -> plans.agree(p.holder().id(), draft.version()));

        List<String> now = alertsFor(p);
        assertThat(now).noneMatch(a -> a.startsWith("Consent ends")).doesNotContain("Support plan review is overdue");
        clock.advance(Duration.ofDays(20));
        try {
            assertThat(alertsFor(p)).contains("Support plan review is overdue", "Consent ends on " + DAY.format(consentEnds));
        } finally {
            clock.advance(Duration.ofDays(-20));
        }
    }

    private List<String> alertsFor(Person p) {
        return actingAs.run(BROKER, () -> caseload.clients()).stream()
                .filter(c -> c.holderId() == p.holder().id()).findFirst().orElseThrow().alerts();
    }

    @Test
    void openingTheCaseloadChecksEachClientOnceAndLogsOneLook() {
        Person p = newHolder();
        brokerGrant(p, ConsentScope.VIEW, today().plusMonths(3));
        long before = count("SELECT COUNT(*) FROM access_log WHERE holder_id = ?", p.holder().id());
        Client client = actingAs.run(BROKER, () -> caseload.clients()).stream()
                .filter(c -> c.holderId() == p.holder().id()).findFirst().orElseThrow();
        assertThat(client.availablePence()).isEqualTo(500_000L);
        assertThat(client.grant().scope()).isEqualTo(ConsentScope.VIEW);
        assertThat(jdbc.queryForList("SELECT action FROM access_log WHERE holder_id = ? ORDER BY id", String.class,
                p.holder().id()).subList((int) before, (int) before + 1)).containsExactly("Looked at the budget summary");
        assertThat(count("SELECT COUNT(*) FROM access_log WHERE holder_id = ?", p.holder().id())).isEqualTo(before + 1);
    }

    @Test
    void withConsentToBuyABrokerAcceptsAtOnceAndOnlyTheProposerWithdrawsAnUndecidedProposal() {
        Person p = newHolder();
        brokerGrant(p, ConsentScope.PROPOSE, today().plusMonths(3));
        long listingId = listing("Morning help");
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> proposals.proposeAndAccept(p.holder().id(), listingId, 2,
                Proposal.Frequency.WEEKLY, today().plusDays(3), "Mornings")))
                .isInstanceOf(RefusedException.class).hasMessageContaining("you need access to purchase");
        assertThat(rows("proposal", p)).isZero();

        brokerGrant(p, ConsentScope.PURCHASE, today().plusMonths(3));
        Proposal booked = actingAs.run(BROKER, () -> proposals.proposeAndAccept(p.holder().id(), listingId, 2,
                Proposal.Frequency.WEEKLY, today().plusDays(3), "Mornings"));
        assertThat(booked.status()).isEqualTo(Proposal.Status.ACCEPTED);
        assertThat(booked.decisionComment()).isEqualTo("Booked by " + BROKER_NAME + " under consent to buy");
        assertThat(count("SELECT COUNT(*) FROM proposal WHERE id = ? AND decided_by = proposed_by "
                + "AND decided_at IS NOT NULL", booked.id())).isEqualTo(1);

        Proposal waiting = actingAs.run(BROKER, () -> proposals.propose(p.holder().id(), listingId, 1,
                Proposal.Frequency.ONE_OFF, today().plusDays(4), "A trial morning"));
        Rep carer = invite(p, ConsentScope.PROPOSE, true);
        assertThatThrownBy(() -> actingAs.run(carer.username(), () -> proposals.withdraw(waiting.id())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Only the person who proposed");
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> proposals.withdraw(waiting.id())))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("SELECT status FROM proposal WHERE id = ?", String.class, waiting.id()))
                .isEqualTo("PROPOSED");

        Proposal withdrawn = actingAs.run(BROKER, () -> proposals.withdraw(waiting.id()));
        assertThat(withdrawn.status()).isEqualTo(Proposal.Status.WITHDRAWN);
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> proposals.withdraw(booked.id())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already been decided");
        assertThatThrownBy(() -> actingAs.run(p.username(), () -> proposals.decide(waiting.id(), true, "")))
                .isInstanceOf(ValidationException.class);
        assertThat(jdbc.queryForObject("SELECT status FROM proposal WHERE id = ?", String.class, booked.id()))
                .isEqualTo("ACCEPTED");
    }
}
