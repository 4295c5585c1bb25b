package org.wholecare.marketplace.ui;

import org.wholecare.marketplace.ProviderCheck;
import org.wholecare.marketplace.ProviderChecks;
import org.wholecare.marketplace.ProviderDecision;
import org.wholecare.marketplace.ProviderDecisions;
import org.wholecare.marketplace.ProviderProfile;
import org.wholecare.marketplace.ProviderService;
import org.wholecare.marketplace.ProviderStatus;
import org.wholecare.marketplace.Review;
import org.wholecare.marketplace.ReviewService;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** The commissioner's verification queue: check each provider before its listings can be seen. */
@Route("commissioner/providers")
@PageTitle("Provider checks – Wholecare")
@Menu(title = "Provider checks", order = 30, icon = "vaadin:check-circle-o")
@RolesAllowed(Roles.COMMISSIONER)
public class ProviderChecksView extends Main {


    private final ProviderService providers;
    private final ProviderDecisions providerDecisions;
    private final ReviewService reviews;
    private final TextField nameFilter = new TextField("Find a provider by name");
    private final Paragraph found = new Paragraph();
    private final Div providerList = new Div();

    ProviderChecksView(ProviderService providers, ProviderDecisions providerDecisions, ReviewService reviews) {
        this.providers = providers;
        this.providerDecisions = providerDecisions;
        this.reviews = reviews;
        addClassName("page");
        nameFilter.setHelperText("Providers waiting to be checked are always listed first.");
        render();
    }

    private void render() {
        removeAll();
        add(new H1("Provider checks"), new Paragraph("Providers waiting to be checked come first. Check the CQC "
                + "registration on the CQC website where the services need one. Suspending a provider takes its "
                + "listings out of search at once; purchases already made are not changed."));
        List<Review> reported = reviews.reportedInMyArea();
        Section reportedCard = Ui.card("Reported reviews (" + reported.size() + ")");
        reportedCard.setId("reported-reviews");
        if (reported.isEmpty()) {
            reportedCard.add(new Paragraph("Nobody has reported a review."));
        }
        reported.forEach(r -> reportedCard.add(reportedReview(r)));
        add(reportedCard);

        Button find = new Button("Find", click -> showProviders());
        Div search = new Div(nameFilter, find);
        search.addClassName("search-filters");
        found.getElement().setAttribute("role", "status");
        add(Ui.card("Providers", search, found), providerList);
        showProviders();
    }

    /** Only the providers are redrawn for a new name, so focus stays in the search box. */
    private void showProviders() {
        providerList.removeAll();
        ProviderChecks checks = providerDecisions.inMyArea(nameFilter.getValue());
        String filter = nameFilter.getValue().strip();
        if (checks.waiting().isEmpty() && checks.others().isEmpty()) {
            found.setText(filter.isEmpty() ? "No providers have registered in your area yet."
                    : "No provider's name contains \"" + filter + "\".");
        } else {
            found.setText(checks.waiting().size() + (checks.moreWaiting() ? " or more" : "") + " waiting to be checked, "
                    + checks.others().size() + " others shown" + (filter.isEmpty() ? "." : " whose name contains \""
                    + filter + "\"."));
        }
        checks.waiting().forEach(c -> providerList.add(card(c)));
        if (checks.moreWaiting()) {
            providerList.add(new Paragraph("More providers are waiting. Check these first, or find one by name."));
        }
        checks.others().forEach(c -> providerList.add(card(c)));
        if (checks.moreOthers()) {
            providerList.add(new Paragraph("Only the first " + ProviderDecisions.MOST_OTHERS + " other providers are "
                    + "shown. Find one by name to see it."));
        }
    }

    private Component reportedReview(Review r) {
        TextField reason = new TextField("Reason (needed to remove it)");
        reason.setWidthFull();
        FormErrors errors = new FormErrors().field("reason", reason);
        Button keep = new Button("Keep the review", click -> decideReport(r, false, reason, errors));
        keep.setAriaLabel("Keep the review of " + r.providerName());
        Button remove = new Button("Remove the review", click -> decideReport(r, true, reason, errors));
        remove.setAriaLabel("Remove the review of " + r.providerName());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div actions = new Div(keep, remove);
        actions.addClassName("actions");
        Div item = new Div(new H3("Review of " + r.providerName()), Ui.facts(
                "Stars", r.stars() + " out of 5",
                "Review", r.wording(),
                "Provider's reply", r.providerReply() == null ? "None" : r.providerReply()),
                reason, errors.formMessage(), actions);
        item.addClassName("reported-review");
        return item;
    }

    private void decideReport(Review r, boolean remove, TextField reason, FormErrors errors) {
        try {
            reviews.decideReport(r.id(), remove, reason.getValue());
            Notification.show(remove ? "The review is removed. Your reason is kept on the record."
                    : "The review stays.", 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            render();
        } catch (ValidationException e) {
            errors.show(e);
        }
    }

    private Component card(ProviderCheck check) {
        ProviderProfile p = check.provider();
        TextField reason = new TextField("Reason (needed to reject or suspend)");
        reason.setWidthFull();
        FormErrors errors = new FormErrors().field("reason", reason);
        Div actions = new Div();
        actions.addClassName("actions");
        switch (p.status()) {
            case PENDING -> actions.add(decision(p, ProviderStatus.VERIFIED, "Verify", reason, errors),
                    decision(p, ProviderStatus.REJECTED, "Reject", reason, errors));
            case VERIFIED -> actions.add(decision(p, ProviderStatus.SUSPENDED, "Suspend", reason, errors));
            case SUSPENDED -> actions.add(decision(p, ProviderStatus.VERIFIED, "Reinstate", reason, errors));
            case REJECTED -> actions.add(decision(p, ProviderStatus.VERIFIED, "Verify", reason, errors));
        }
        String cqc = p.cqcNumber() == null ? "None given" : p.cqcNumber();
        if (check.cqcNumberChangedSinceChecked()) {
            cqc += " (changed by the provider on " + UkTime.day(check.cqcNumberChangedAt()) + ", after the last "
                    + "check: check it again)";
        }
        var card = Ui.card(p.name(), Ui.facts(
                "Status", p.status().label() + (p.statusReason() == null ? "" : ": " + p.statusReason()),
                "Registered", UkTime.day(p.registeredAt()),
                "CQC registration", cqc,
                "Contact", p.contactName() + ", " + p.contactEmail() + (p.contactPhone() == null ? "" : ", " + p.contactPhone()),
                "Districts served", String.join(", ", p.districts())), history(check), reason, errors.formMessage(),
                actions);
        if (p.cqcNumber() != null) {
            // the register's own page for this number, to check it against
            var onCqc = new com.vaadin.flow.component.html.Anchor("https://www.cqc.org.uk/provider/"
                    + java.net.URLEncoder.encode(p.cqcNumber(), java.nio.charset.StandardCharsets.UTF_8),
                    "Open " + p.cqcNumber() + " on the CQC website (opens in a new tab)");
            onCqc.setTarget("_blank");
            onCqc.getElement().setAttribute("rel", "noopener noreferrer");
            onCqc.addClassName("cqc-link");
            card.addComponentAtIndex(2, new Paragraph(onCqc));
        }
        card.addClassName("provider-check");
        return card;
    }

    /** The latest decisions, newest first, so a commissioner sees what was decided before and why. */
    private static Component history(ProviderCheck check) {
        if (check.decisions().isEmpty()) {
            return new Paragraph("No decisions yet.");
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("decision-history");
        for (ProviderDecision d : check.decisions()) {
            list.add(new ListItem(UkTime.day(d.decidedAt()) + ": " + d.to().label()
                    + (d.from() == null ? "" : " (was " + d.from().label().toLowerCase(Locale.UK) + ")")
                    + (d.decidedByName() == null ? "" : " by " + d.decidedByName())
                    + (d.reason() == null ? "" : ". Reason: " + d.reason())));
        }
        Div box = new Div(new H3("Decisions"), list);
        box.addClassName("provider-history");
        return box;
    }

    private Button decision(ProviderProfile p, ProviderStatus decision, String text, TextField reason, FormErrors errors) {
        Button button = new Button(text, click -> {
            try {
                providerDecisions.decide(p.organisationId(), decision, reason.getValue());
                Notification.show(p.name() + ": " + decision.label().toLowerCase(), 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                render();
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        button.setAriaLabel(text + " " + p.name());
        if (decision == ProviderStatus.VERIFIED) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        return button;
    }
}
