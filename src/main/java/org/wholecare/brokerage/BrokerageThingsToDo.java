package org.wholecare.brokerage;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.consent.BudgetAccess;
import org.wholecare.consent.ConsentGrant;
import org.wholecare.consent.ConsentScope;
import org.wholecare.consent.ConsentService;
import org.wholecare.consent.HolderRecords;
import org.wholecare.holder.HolderDirectory;
import org.wholecare.holder.HolderSummary;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.ThingToDo;
import org.wholecare.shared.ThingsToDo;
import org.wholecare.shared.UkTime;

/**
 * What proposals and quotes wait for: the holder (or their carer) to answer a proposal; a provider
 * to answer a request for a price; a broker to see a client's answer or a price offered, and to
 * renew a client's consent before it ends. A broker hears only of the people they still act for.
 */
@Component
@Transactional(readOnly = true)
class BrokerageThingsToDo implements ThingsToDo {

    /** How long an answer or an offer stays on a broker's list, and how early an ending consent shows. */
    static final int DAYS_SHOWN = 14;

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final HolderDirectory holders;
    private final BudgetAccess access;
    private final ConsentService consent;
    private final HolderRecords records;
    private final Clock clock;

    BrokerageThingsToDo(JdbcClient jdbc, CurrentUser currentUser, HolderDirectory holders, BudgetAccess access,
            ConsentService consent, HolderRecords records, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.holders = holders;
        this.access = access;
        this.consent = consent;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public List<ThingToDo> forMe() {
        SignedInUser me = currentUser.require();
        return switch (me.role()) {
            // only a carer with consent to buy may accept or decline for the person
            case BUDGET_HOLDER, REPRESENTATIVE -> proposalsToAnswer(access.peopleWhoseBudgetISee(ConsentScope.PURCHASE),
                    me);
            case PROVIDER -> quotesToAnswer(me);
            case BROKER -> forBroker(me);
            default -> List.of();
        };
    }

    private List<ThingToDo> proposalsToAnswer(List<HolderSummary> people, SignedInUser me) {
        List<ThingToDo> things = new ArrayList<>();
        List<Long> looked = new ArrayList<>();
        for (HolderSummary h : people) {
            long waiting = jdbc.sql("SELECT COUNT(*) FROM proposal WHERE holder_id = ? AND status = 'PROPOSED'")
                    .param(h.id()).query(Long.class).single();
            if (waiting == 0) {
                continue;
            }
            String whose = me.role() == Role.BUDGET_HOLDER ? "" : " for " + h.firstName();
            things.add(new ThingToDo((waiting == 1 ? "A proposal" : waiting + " proposals") + whose
                    + " to accept or decline", waiting, null, "Answer " + (waiting == 1 ? "it" : "them"), "/proposals"));
            if (me.role() != Role.BUDGET_HOLDER) {
                looked.add(h.id());
            }
        }
        if (!looked.isEmpty()) {
            records.recordLooks(looked, "Saw the proposals waiting for an answer");
        }
        return things;
    }

    /** Counted as Quote requests counts them: the provider has not had the last word. */
    private List<ThingToDo> quotesToAnswer(SignedInUser me) {
        long waiting = jdbc.sql("""
                SELECT COUNT(*) FROM quote_request q WHERE q.provider_id = ? AND NOT EXISTS (
                  SELECT 1 FROM quote_message m JOIN user_account a ON a.id = m.author_account_id
                  WHERE m.quote_request_id = q.id AND a.organisation_id = q.provider_id AND NOT EXISTS (
                    SELECT 1 FROM quote_message later WHERE later.quote_request_id = q.id
                    AND (later.at > m.at OR (later.at = m.at AND later.id > m.id))))""")
                .param(me.organisationId()).query(Long.class).single();
        return waiting == 0 ? List.of() : List.of(new ThingToDo(waiting == 1 ? "A request for a price to answer"
                : waiting + " requests for a price to answer", waiting, null, "Answer them", "/provider/quotes"));
    }

    private List<ThingToDo> forBroker(SignedInUser me) {
        LocalDate today = UkTime.today(clock);
        Map<Long, HolderSummary> clients = holders.actingFor(me.accountId(), me.organisationId(), today).stream()
                .collect(Collectors.toMap(HolderSummary::id, Function.identity(), (a, b) -> a));
        List<ThingToDo> things = new ArrayList<>();
        Set<Long> looked = new LinkedHashSet<>();
        for (ConsentGrant g : consent.grantsToMe()) {
            if (g.endsWithin(today, DAYS_SHOWN) && clients.containsKey(g.holderId())) {
                HolderSummary h = clients.get(g.holderId());
                things.add(new ThingToDo(h.firstName() + "'s consent for you to help ends", 1, g.endsOn(),
                        "Ask " + h.firstName() + " to renew it", "/clients/" + h.id()));
                looked.add(h.id());
            }
        }
        Timestamp since = Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(DAYS_SHOWN)));
        jdbc.sql("SELECT holder_id, COUNT(*) FROM proposal WHERE proposed_by = ? AND status IN ('ACCEPTED', 'DECLINED') "
                        + "AND decided_by <> proposed_by AND decided_at >= ? GROUP BY holder_id ORDER BY holder_id")
                .params(me.accountId(), since).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list()
                .stream().filter(r -> clients.containsKey(r[0])).forEach(r -> {
                    HolderSummary h = clients.get(r[0]);
                    things.add(new ThingToDo(h.firstName() + " has answered " + (r[1] == 1 ? "your proposal"
                            : r[1] + " of your proposals"), r[1], null, "See " + h.firstName() + "'s answer",
                            "/clients/" + h.id()));
                    looked.add(h.id());
                });
        jdbc.sql("""
                SELECT q.holder_id, COUNT(*) FROM quote_request q WHERE q.requested_by = ? AND q.answered_at >= ?
                AND NOT EXISTS (SELECT 1 FROM proposal p WHERE p.holder_id = q.holder_id AND p.listing_id = q.listing_id
                  AND p.proposed_at >= q.answered_at)
                GROUP BY q.holder_id ORDER BY q.holder_id""")
                .params(me.accountId(), since).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list()
                .stream().filter(r -> clients.containsKey(r[0])).forEach(r -> {
                    HolderSummary h = clients.get(r[0]);
                    things.add(new ThingToDo((r[1] == 1 ? "A price" : r[1] + " prices") + " offered for " + h.firstName()
                            + " to look at", r[1], null, "See " + h.firstName() + "'s quotes", "/clients/" + h.id()));
                    looked.add(h.id());
                });
        if (!looked.isEmpty()) {
            records.recordLooks(looked, "Saw what waits for them on the home page");
        }
        return things;
    }

}
