package org.wholecare.consent.ui;

import org.wholecare.consent.AccessLogEntry;
import org.wholecare.consent.ConsentService;

import org.wholecare.holder.BudgetHolderService;
import org.wholecare.holder.HolderSummary;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.wholecare.shared.Roles;
import org.wholecare.shell.DataTable;
import org.wholecare.shell.Ui;

/** The holder sees who looked at or changed their records, when, and under which permission. */
@Route("access-log")
@PageTitle("Who has looked at my records – Wholecare")
@Menu(title = "Who has looked", order = 41, icon = "vaadin:eye")
@RolesAllowed(Roles.BUDGET_HOLDER)
public class AccessLogView extends Main {


    AccessLogView(ConsentService consent, BudgetHolderService holders) {
        addClassName("page");
        HolderSummary me = holders.mine().orElseThrow();
        List<AccessLogEntry> entries = consent.accessLog(me.id());
        add(new H1("Who has looked at my records"), new Paragraph("Everyone other than you who looked at or "
                + "changed your budget, support plan or purchases, newest first, and anyone who tried without your "
                + "permission. Several looks at the same page within 10 minutes show once."));
        DataTable table = new DataTable("Who has looked at your records",
                List.of("When", "Who", "What", "Permission used", "Allowed?"));
        table.setId("access-log");
        for (AccessLogEntry e : entries) {
            table.row(UkTime.dayAndTime(e.at()), e.actorName() + " (" + e.actorRole().toLowerCase(Locale.UK) + ")",
                    e.action(), e.grantDescription() != null ? e.grantDescription()
                            : switch (e.actorRole()) {
                                case "Commissioner" -> "Your commissioner";
                                case "Provider staff" -> "Your booking with them";
                                default -> "None";
                            },
                    e.allowed() ? "Yes" : "No, refused: " + e.detail());
        }
        add(Ui.card("Your access log", entries.isEmpty() ? new Paragraph("Nobody else has looked yet.") : table));
    }
}
