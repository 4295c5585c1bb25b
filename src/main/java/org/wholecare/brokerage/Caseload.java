package org.wholecare.brokerage;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.consent.ConsentGrant;
import org.wholecare.consent.ConsentService;
import org.wholecare.budget.ClientSummaries;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.UkTime;

/**
 * A broker's or representative's clients: everyone whose consent is in force for them, with what
 * needs attention. Every look goes through {@link ConsentService}, which writes the client's log.
 */
@Service
@Transactional(readOnly = true)
public class Caseload {

    private static final int UNDERSPEND_PERCENT = 20;
    private static final int GRANT_ENDING_DAYS = 14;

    private final ConsentService consent;
    private final ClientSummaries clientSummaries;
    private final Clock clock;

    Caseload(ConsentService consent, ClientSummaries clientSummaries, Clock clock) {
        this.consent = consent;
        this.clientSummaries = clientSummaries;
        this.clock = clock;
    }

    /**
     * Everyone whose consent is in force for the caller (or their brokerage), with what needs
     * attention: for a representative, the people who granted them access. One check (and one
     * access-log line) per person.
     */
    @RolesAllowed({Roles.BROKER, Roles.REPRESENTATIVE})
    public List<Client> clients() {
        Set<Long> seen = new HashSet<>();
        List<Client> clients = new ArrayList<>();
        for (ConsentGrant grant : consent.grantsToMe()) {
            if (seen.add(grant.holderId())) {
                clients.add(client(clientSummaries.glance(grant.holderId(), "Looked at the budget summary")));
            }
        }
        return clients;
    }

    /** One client's money, forecast, review date and alerts. */
    @RolesAllowed({Roles.BROKER, Roles.REPRESENTATIVE})
    public Client client(long holderId) {
        return client(clientSummaries.glance(holderId, "Looked at the budget summary"));
    }

    private Client client(ClientSummaries.Glance glance) {
        LocalDate today = UkTime.today(clock);
        List<String> alerts = new ArrayList<>();
        var forecast = glance.forecast();
        LocalDate runsOut = forecast == null ? null : forecast.runsOutOn();
        if (forecast != null && forecast.started() && forecast.daysElapsed() >= 14 && forecast.allocatedPence() > 0
                && forecast.projectedUnspentPence() * 100 > forecast.allocatedPence() * UNDERSPEND_PERCENT) {
            alerts.add("On track to leave " + Money.format(forecast.projectedUnspentPence())
                    + " unspent, more than " + UNDERSPEND_PERCENT + "% of the budget");
        }
        if (runsOut != null) {
            alerts.add("Money runs out on " + UkTime.day(runsOut) + " at this rate");
        }
        LocalDate review = glance.nextReview();
        if (review != null && review.isBefore(today)) {
            alerts.add("Support plan review is overdue");
        }
        ConsentGrant grant = glance.grant();
        if (grant != null && grant.endsWithin(today, GRANT_ENDING_DAYS)) {
            alerts.add("Consent ends on " + UkTime.day(grant.endsOn()));
        }
        var holder = glance.who().holder();
        return new Client(holder.id(), holder.fullName(), holder.postcodeDistrict(), grant, glance.availablePence(),
                runsOut, review, alerts);
    }
}
