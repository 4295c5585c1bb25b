package org.wholecare.oversight;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.budget.AreaBudgets;
import org.wholecare.budget.ContinuingHealthcare;
import org.wholecare.budget.BudgetSummary;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.holder.HolderDirectory;
import org.wholecare.holder.HolderSummary;
import org.wholecare.ledger.AreaBooks;
import org.wholecare.ledger.FundingStream;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.UkTime;
import org.wholecare.shared.ValidationException;

/**
 * The quarterly figures each funder hands in: for an NHS board, people with a personal health
 * budget by how it is delivered, adults and children; for a council, the share of people on
 * long-term support who take a direct payment. Each figure says how it was counted.
 */
@Service
@Transactional(readOnly = true)
public class Returns {

    /** One figure of a return and how it was counted. */
    public record Row(String measure, String value, String howCounted) {
    }

    public record Return(String title, ReportingPeriod quarter, List<Row> rows) {

        /** As a spreadsheet (CSV, RFC 4180): measure, value and how it was counted, one per line. */
        public String csv() {
            StringBuilder out = new StringBuilder("measure,value,how_counted,quarter\r\n");
            for (Row row : rows) {
                out.append(String.join(",", List.of(OpenDataController.field(row.measure()),
                        OpenDataController.field(row.value()), OpenDataController.field(row.howCounted()),
                        quarter.code()))).append("\r\n");
            }
            return out.toString();
        }
    }

    private final AreaBudgets budgets;
    private final ContinuingHealthcare continuingHealthcare;
    private final AreaBooks books;
    private final HolderDirectory holders;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;
    private final Clock clock;

    Returns(AreaBudgets budgets, ContinuingHealthcare continuingHealthcare, AreaBooks books, HolderDirectory holders,
            OrganisationService organisations, CurrentUser currentUser, Clock clock) {
        this.budgets = budgets;
        this.continuingHealthcare = continuingHealthcare;
        this.books = books;
        this.holders = holders;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The caller's funder's return for a quarter ("FY2026-Q3"), or a message at "quarter". */
    @RolesAllowed(Roles.COMMISSIONER)
    public Return forMyFunder(String quarterCode) {
        SignedInUser me = currentUser.require();
        long areaId = java.util.Objects.requireNonNull(me.areaId(), "a commissioner has an area");
        ReportingPeriod quarter;
        try {
            quarter = ReportingPeriod.parse(quarterCode);
        } catch (ValidationException e) {
            throw ValidationException.of("quarter", "Choose a quarter from the list, for example FY2026-Q3.");
        }
        if (!quarter.code().contains("-Q")) {
            throw ValidationException.of("quarter", "Returns are for a quarter. Choose one from the list.");
        }
        LocalDate today = UkTime.today(clock);
        if (quarter.from().isAfter(today)) {
            throw ValidationException.of("quarter", quarter.label() + " has not started yet.");
        }
        OrganisationType funder = organisations.organisation(java.util.Objects.requireNonNull(me.organisationId()))
                .orElseThrow().type();
        FundingStream stream = funder == OrganisationType.NHS_BOARD ? FundingStream.NHS_HEALTH
                : FundingStream.COUNCIL_SOCIAL_CARE;
        // the people whose budget in the quarter has money from this funder's stream
        Map<Long, Long> allocated = new HashMap<>();
        for (AreaBooks.Book book : books.books(areaId, quarter.from(), quarter.to(),
                UkTime.startOf(quarter.to().plusDays(1)))) {
            allocated.put(book.budgetId(), book.balance().stream(stream).allocated());
        }
        Map<Long, HolderSummary> people = new HashMap<>();
        holders.inArea(areaId).forEach(h -> people.put(h.id(), h));
        Map<BudgetManagement, Long> byModel = new java.util.EnumMap<>(BudgetManagement.class);
        long adults = 0;
        long children = 0;
        long inContinuingHealthcare = 0;
        java.util.Set<Long> eligible = continuingHealthcare.inArea(areaId, quarter.from(), quarter.to());
        for (BudgetSummary b : budgets.runningIn(areaId, quarter.from(), quarter.to())) {
            if (allocated.getOrDefault(b.id(), 0L) <= 0) {
                continue;
            }
            byModel.merge(b.management(), 1L, Long::sum);
            if (eligible.contains(b.id())) {
                inContinuingHealthcare++;
            }
            HolderSummary h = people.get(b.holderId());
            if (h != null && !h.dateOfBirth().plusYears(AreaOverviews.ADULT_AGE).isAfter(quarter.to())) {
                adults++;
            } else {
                children++;
            }
        }
        long total = byModel.values().stream().mapToLong(Long::longValue).sum();
        String counted = "People whose budget ran on at least one day of " + quarter.label() + " with money from "
                + stream.label() + " in it, as at the quarter's end";
        List<Row> rows = new ArrayList<>();
        if (stream == FundingStream.NHS_HEALTH) {
            rows.add(new Row("People with a personal health budget", Long.toString(total), counted + "."));
            for (BudgetManagement m : BudgetManagement.values()) {
                rows.add(new Row("Delivered as: " + m.label(), Long.toString(byModel.getOrDefault(m, 0L)),
                        counted + ", whose budget is managed this way."));
            }
            rows.add(new Row("Adults (18 and over)", Long.toString(adults), counted + ", aged 18 or over on the "
                    + "quarter's last day."));
            rows.add(new Row("Children (under 18)", Long.toString(children), counted + ", under 18 on the "
                    + "quarter's last day."));
            rows.add(new Row("In NHS continuing healthcare", Long.toString(inContinuingHealthcare), counted
                    + ", whose budget an NHS commissioner has recorded as eligible for NHS continuing healthcare "
                    + "(on the person's page, as it stands today)."));
            return new Return("Personal health budgets, " + quarter.label(), quarter, List.copyOf(rows));
        }
        long direct = byModel.getOrDefault(BudgetManagement.DIRECT_PAYMENT, 0L);
        rows.add(new Row("People on long-term support", Long.toString(total), counted + "."));
        rows.add(new Row("Of them, taking a direct payment", Long.toString(direct), counted + ", whose budget is "
                + "paid to them as a direct payment."));
        rows.add(new Row("Share taking a direct payment", total == 0 ? "no one on long-term support"
                : Math.round(direct * 1000.0 / total) / 10.0 + "%", "The second figure divided by the first."));
        return new Return("Direct payments, " + quarter.label(), quarter, List.copyOf(rows));
    }
}
