package org.wholecare.notification;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wholecare.budget.EndingBudgets;
import org.wholecare.consent.ConsentService;
import org.wholecare.holder.HolderDirectory;
import org.wholecare.holder.HolderSummary;
import org.wholecare.plan.AreaPlans;
import org.wholecare.security.AccountEmails;
import org.wholecare.security.SystemActor;
import org.wholecare.shared.UkTime;

/**
 * Emails about something coming up, which no change announces: a consent ending within a fortnight
 * (to whoever it lets help), a budget's period ending within a fortnight and a support plan review
 * due within four weeks (to the person and their carer). Each is sent once per person for each
 * thing and day it is due, however often this runs, because the reminder is recorded with it.
 */
@Component
class Reminders {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Reminders.class);

    static final int CONSENT_DAYS = 14;
    static final int BUDGET_DAYS = 14;
    static final int REVIEW_DAYS = 28;

    private final Mailroom mailroom;
    private final ConsentService consent;
    private final EndingBudgets budgets;
    private final AreaPlans plans;
    private final HolderDirectory holders;
    private final AccountEmails accounts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Reminders(Mailroom mailroom, ConsentService consent, EndingBudgets budgets, AreaPlans plans,
            HolderDirectory holders, AccountEmails accounts, JdbcClient jdbc, TransactionTemplate transaction,
            Clock clock) {
        this.mailroom = mailroom;
        this.consent = consent;
        this.budgets = budgets;
        this.plans = plans;
        this.holders = holders;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @SchedulerLock(name = "email-reminders", lockAtMostFor = "PT30M")
    @Scheduled(fixedDelayString = "${wholecare.email.reminders-every:1h}", initialDelayString = "${wholecare.email.reminders-first-after:2m}")
    public void remindOfWhatIsComingUp() {
        if (!mailroom.canSend()) {
            return;
        }
        SystemActor.asAdministrator(() -> {
            LocalDate today = UkTime.today(clock);
            // those already written are passed over without a write each time the job runs
            Set<String> sent = new HashSet<>(jdbc.sql("SELECT CONCAT(kind, '/', about_id, '/', account_id, '/', due_on) "
                    + "FROM email_reminder WHERE due_on >= ?").param(Date.valueOf(today)).query(String.class).list());
            consentsEnding(today, sent);
            budgetsEnding(today, sent);
            reviewsDue(today, sent);
            return null;
        });
    }

    private void consentsEnding(LocalDate today, Set<String> sent) {
        for (ConsentService.EndingGrant g : consent.endingBetween(today, today.plusDays(CONSENT_DAYS))) {
            HolderSummary h = holders.byId(g.holderId()).orElse(null);
            if (h == null) {
                continue;
            }
            List<Long> helpers = new ArrayList<>();
            if (g.granteeAccountId() != null) {
                helpers.add(g.granteeAccountId());
            }
            if (g.granteeOrganisationId() != null) {
                helpers.addAll(accounts.staffOf(g.granteeOrganisationId()));
            }
            String first = h.firstName();
            for (long helper : helpers) {
                once(sent, "consent-ending", g.grantId(), helper, g.endsOn(), new Mailroom.Message("consent-ending", true,
                        first + "'s consent for you to help ends soon",
                        first + "'s consent for you to help them on Wholecare ends on " + UkTime.day(g.endsOn())
                                + ". If you are to go on helping, ask " + first + " to give it again.",
                        "/clients/" + h.id()));
            }
        }
    }

    private void budgetsEnding(LocalDate today, Set<String> sent) {
        for (EndingBudgets.Ending b : budgets.endingBetween(today, today.plusDays(BUDGET_DAYS))) {
            holders.byId(b.holderId()).ifPresent(h -> toPersonAndCarer(sent, h, "budget-ending", b.budgetId(), b.endsOn(),
                    "Your budget for this period ends on " + UkTime.day(b.endsOn())
                            + ". Check what is booked after then.",
                    h.firstName() + "'s budget for this period ends on " + UkTime.day(b.endsOn())
                            + ". Check what is booked after then.", "/budget"));
        }
    }

    private void reviewsDue(LocalDate today, Set<String> sent) {
        for (AreaPlans.ReviewComing r : plans.reviewsDueBy(today, today.plusDays(REVIEW_DAYS))) {
            holders.byId(r.holderId()).ifPresent(h -> toPersonAndCarer(sent, h, "review-due", h.id(), r.reviewDate(),
                    "Your support plan is due for review on " + UkTime.day(r.reviewDate())
                            + ". Ask your commissioner when it will be.",
                    h.firstName() + "'s support plan is due for review on " + UkTime.day(r.reviewDate()) + ".", "/plan"));
        }
    }

    private void toPersonAndCarer(Set<String> sent, HolderSummary h, String kind, long aboutId, LocalDate dueOn,
            String toPerson, String toCarer, String path) {
        once(sent, kind, aboutId, h.accountId(), dueOn, new Mailroom.Message(kind, true, subject(kind, "Your"), toPerson,
                path));
        Long carer = h.representativeAccountId();
        if (carer != null && mailroom.actsFor(h.id(), carer)) {
            once(sent, kind, aboutId, carer, dueOn, new Mailroom.Message(kind, true, subject(kind, h.firstName() + "'s"),
                    toCarer, path));
        }
    }

    private static String subject(String kind, String whose) {
        return kind.equals("budget-ending") ? whose + " budget ends soon" : whose + " support plan review is due";
    }

    /**
     * Records the reminder and writes the email in one transaction: both, or neither, so one that
     * could not be written is tried again next time.
     */
    private void once(Set<String> sent, String kind, long aboutId, long accountId, LocalDate dueOn,
            Mailroom.Message message) {
        if (sent.contains(kind + "/" + aboutId + "/" + accountId + "/" + dueOn)) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> {
                int first = jdbc.sql("INSERT IGNORE INTO email_reminder (kind, about_id, account_id, due_on, "
                                + "created_at) VALUES (?, ?, ?, ?, ?)")
                        .params(kind, aboutId, accountId, Date.valueOf(dueOn), Timestamp.from(clock.instant())).update();
                if (first == 1) {
                    mailroom.tellOrFail(List.of(accountId), message);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not write the {} reminder {}: {}", kind, aboutId, e.getClass().getSimpleName());
        }
    }

}
