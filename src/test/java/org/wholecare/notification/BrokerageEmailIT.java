package org.wholecare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wholecare.TestArea.ADMIN;
import static org.wholecare.TestArea.BROKER;
import static org.wholecare.TestArea.BROKERAGE_NAME;
import static org.wholecare.TestArea.DAY_CENTRE;
import static org.wholecare.TestArea.HOLDER;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wholecare.IntegrationTest;
import org.wholecare.TestArea;
import org.wholecare.TestClock;
import org.wholecare.brokerage.Proposal;
import org.wholecare.brokerage.Proposals;
import org.wholecare.brokerage.Quote;
import org.wholecare.brokerage.Quotes;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetTestData;
import org.wholecare.consent.ConsentChanges;
import org.wholecare.consent.ConsentGrant;
import org.wholecare.consent.ConsentScope;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.holder.HolderSummary;
import org.wholecare.ledger.FundingStream;
import org.wholecare.marketplace.SearchQuery;
import org.wholecare.marketplace.SearchService;
import org.wholecare.notification.internal.EmailDelivery;
import org.wholecare.security.AccountEmails;
import org.wholecare.security.ActingAs;
import org.wholecare.security.Invitations;
import org.wholecare.shared.ThingToDo;
import org.wholecare.shared.ThingsToDo;
import org.wholecare.shared.UkTime;

/**
 * Quotes and proposals tell the people concerned, once each, by email (read back from a real SMTP
 * server) and on their home page; a broker whose consent has ended hears nothing more of that person.
 */
@IntegrationTest
class BrokerageEmailIT {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);

    @Autowired GreenMail smtpServer;
    @Autowired EmailDelivery delivery;
    @Autowired AccountEmails accountEmails;
    @Autowired List<ThingsToDo> sources;
    @Autowired Quotes quotes;
    @Autowired Proposals proposals;
    @Autowired ConsentChanges consentChanges;
    @Autowired SearchService search;
    @Autowired BudgetHolderService holders;
    @Autowired BudgetService budgets;
    @Autowired Invitations invitations;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    private static final String BROKER_EMAIL = "bea.clarke@brokerage.example.org";
    private static final String DAY_CENTRE_EMAIL = "bookings@day-centre.example.org";

    /** A person in TF4 with a budget and an address, who lets the brokerage propose until {@code consentEnds}. */
    private record Person(HolderSummary holder, String username, String first, String email, ConsentGrant grant) {
    }

    private Person person(LocalDate consentEnds) {
        String name = "Qz" + SEQUENCE.incrementAndGet();
        HolderSummary holder = BudgetTestData.holderWhoCanSignIn(actingAs, holders, invitations, name, "TF4");
        BudgetTestData.budget(actingAs, budgets, holder, Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 500_000L));
        String email = holder.username() + "@example.org";
        long brokerage = jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class, BROKERAGE_NAME);
        // what other tests left waiting goes to the addresses it was written for, not to these
        delivery.deliverDue();
        actingAs.run(ADMIN, () -> {
            accountEmails.recordFor(account(holder.username()), email);
            accountEmails.recordFor(account(BROKER), BROKER_EMAIL);
            accountEmails.recordFor(account(DAY_CENTRE), DAY_CENTRE_EMAIL);
            return null;
        });
        ConsentGrant grant = actingAs.run(holder.username(), () -> consentChanges.grantToBrokerage(brokerage,
                ConsentScope.PROPOSE, consentEnds));
        return new Person(holder, holder.username(), name, email, grant);
    }

    private long account(String username) {
        return jdbc.queryForObject("SELECT id FROM user_account WHERE username = ?", Long.class, username);
    }

    private LocalDate today() {
        return UkTime.today(clock);
    }

    private long dayCentre() {
        return actingAs.run(HOLDER, () -> search.search(new SearchQuery("Day centre with lunch", null, "TF4", null,
                null, null, null, 0, 5)).results().getFirst().listing().id());
    }

    /** What the server received, since {@code before} messages, for this address. */
    private List<MimeMessage> receivedBy(java.util.Set<MimeMessage> before, String address) {
        return org.wholecare.TestMail.receivedSince(smtpServer, before, address);
    }

    private List<String> subjects(java.util.Set<MimeMessage> before, String address) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : receivedBy(before, address)) {
            subjects.add(m.getSubject());
        }
        return subjects;
    }

    /** The one email the broker received since {@code before} about this person. */
    private MimeMessage aboutThisPerson(java.util.Set<MimeMessage> before, Person p) throws Exception {
        List<MimeMessage> about = new ArrayList<>();
        for (MimeMessage m : receivedBy(before, BROKER_EMAIL)) {
            if (m.getSubject().contains(p.first())) {
                about.add(m);
            }
        }
        assertThat(about).hasSize(1);
        return about.getFirst();
    }

    private List<ThingToDo> thingsFor(String username) {
        return actingAs.run(username, () -> {
            List<ThingToDo> all = new ArrayList<>();
            sources.forEach(s -> all.addAll(s.forMe()));
            return all;
        });
    }

    @Test
    void eachStepOfAQuoteAndAProposalTellsTheNextPersonOnceByEmailAndOnTheirHomePage() throws Exception {
        Person p = person(today().plusDays(10));
        long listing = dayCentre();

        var before = org.wholecare.TestMail.seen(smtpServer);
        Quote asked = actingAs.run(BROKER, () -> quotes.request(p.holder().id(), listing, "Two days a week, please"));
        delivery.deliverDue();
        assertThat(subjects(before, DAY_CENTRE_EMAIL)).containsExactly("A request for a price is waiting for you");
        assertThat(GreenMailUtil.getBody(receivedBy(before, DAY_CENTRE_EMAIL).getFirst()))
                .contains("/provider/quotes").doesNotContain(p.first()).doesNotContain("Two days");
        assertThat(subjects(before, BROKER_EMAIL)).noneMatch(s -> s.contains(p.first()));
        assertThat(receivedBy(before, p.email())).isEmpty();
        // the provider's home page counts what Quote requests shows as waiting for it
        long waiting = actingAs.run(DAY_CENTRE, () -> quotes.requestsForMe()).stream()
                .filter(Quote::waitingForProvider).count();
        assertThat(thingsFor(DAY_CENTRE)).filteredOn(t -> t.path().equals("/provider/quotes")).singleElement()
                .satisfies(t -> assertThat(t.count()).isEqualTo(waiting));

        before = org.wholecare.TestMail.seen(smtpServer);
        actingAs.run(DAY_CENTRE, () -> quotes.answer(asked.id(), null, 4_600L, "Includes lunch"));
        delivery.deliverDue();
        assertThat(subjects(before, BROKER_EMAIL)).filteredOn(s -> s.contains(p.first())).containsExactly("A provider has offered a price for " + p.first());
        assertThat(GreenMailUtil.getBody(aboutThisPerson(before, p)))
                .contains("/clients/" + p.holder().id()).doesNotContain("£").doesNotContain("46.00");
        assertThat(receivedBy(before, p.email())).isEmpty();
        assertThat(receivedBy(before, DAY_CENTRE_EMAIL)).isEmpty();
        assertThat(thingsFor(BROKER)).extracting(ThingToDo::what)
                .contains("A price offered for " + p.first() + " to look at",
                        p.first() + "'s consent for you to help ends");
        assertThat(thingsFor(BROKER)).filteredOn(t -> t.what().startsWith(p.first() + "'s consent")).singleElement()
                .satisfies(t -> assertThat(t.by()).isEqualTo(today().plusDays(10)));

        before = org.wholecare.TestMail.seen(smtpServer);
        Proposal proposal = actingAs.run(BROKER, () -> proposals.propose(p.holder().id(), listing, 2,
                Proposal.Frequency.WEEKLY, TestArea.dayCentreDayFrom(today().plusDays(7)), "Company and lunch"));
        delivery.deliverDue();
        assertThat(subjects(before, p.email())).containsExactly("You have a proposal to answer");
        assertThat(subjects(before, BROKER_EMAIL)).noneMatch(s -> s.contains(p.first()));
        assertThat(thingsFor(p.username())).filteredOn(t -> t.path().equals("/proposals"))
                .extracting(ThingToDo::what).containsExactly("A proposal to accept or decline");
        // once proposed, the offer is no longer waiting to be looked at
        assertThat(thingsFor(BROKER)).extracting(ThingToDo::what).doesNotContain(
                "A price offered for " + p.first() + " to look at");

        before = org.wholecare.TestMail.seen(smtpServer);
        actingAs.run(p.username(), () -> proposals.decide(proposal.id(), false, "Too far from home"));
        delivery.deliverDue();
        assertThat(subjects(before, BROKER_EMAIL)).filteredOn(s -> s.contains(p.first())).containsExactly(p.first() + " has answered your proposal");
        assertThat(GreenMailUtil.getBody(aboutThisPerson(before, p)))
                .doesNotContain("Too far from home");
        assertThat(receivedBy(before, p.email())).isEmpty();
        assertThat(thingsFor(p.username())).noneMatch(t -> t.path().equals("/proposals"));
        assertThat(thingsFor(BROKER)).extracting(ThingToDo::what).contains(p.first() + " has answered your proposal");
    }

    @Test
    void aBrokerWhoseConsentEndedIsToldNothingMoreAboutThatPerson() throws Exception {
        Person p = person(today().plusMonths(3));
        long listing = dayCentre();
        Quote asked = actingAs.run(BROKER, () -> quotes.request(p.holder().id(), listing, "Mondays, please"));
        Proposal proposal = actingAs.run(BROKER, () -> proposals.propose(p.holder().id(), listing, 1,
                Proposal.Frequency.WEEKLY, TestArea.dayCentreDayFrom(today().plusDays(7)), "A day out"));
        delivery.deliverDue();
        actingAs.run(p.username(), () -> {
            consentChanges.revoke(p.grant().id());
            return null;
        });

        var before = org.wholecare.TestMail.seen(smtpServer);
        actingAs.run(DAY_CENTRE, () -> quotes.answer(asked.id(), null, 4_500L, "Includes lunch"));
        actingAs.run(p.username(), () -> proposals.decide(proposal.id(), true, null));
        delivery.deliverDue();
        assertThat(subjects(before, BROKER_EMAIL)).noneMatch(s -> s.contains(p.first()));
        assertThat(thingsFor(BROKER)).extracting(ThingToDo::what).noneMatch(w -> w.contains(p.first()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM email_outbox WHERE account_id = ? AND subject LIKE ?",
                Long.class, account(BROKER), "%" + p.first() + "%")).isZero();
    }
}
