package org.wholecare.marketplace;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.shared.Money;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.Ui;

/** A listing with its provider's trust signals in one place. */
@Route("listing/:listingId")
@PageTitle("Listing – Wholecare")
@PermitAll
public class ListingView extends Main implements BeforeEnterObserver {

    static final Map<String, String> DAY_NAMES = Map.of("MON", "Monday", "TUE", "Tuesday", "WED", "Wednesday",
            "THU", "Thursday", "FRI", "Friday", "SAT", "Saturday", "SUN", "Sunday");

    private final SearchService search;
    private final ProviderService providers;
    private final ReviewService reviews;
    private final CurrentUser currentUser;

    ListingView(SearchService search, ProviderService providers, ReviewService reviews, CurrentUser currentUser) {
        this.search = search;
        this.providers = providers;
        this.reviews = reviews;
        this.currentUser = currentUser;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("listingId").orElse(""));
        } catch (NumberFormatException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        String district = event.getLocation().getQueryParameters().getSingleParameter("district").orElse(null);
        render(search.listing(id, district));
    }

    private void render(SearchResult result) {
        removeAll();
        Listing l = result.listing();
        ProviderProfile provider = providers.profile(l.organisationId()).orElseThrow();
        add(new H1(l.title()));
        // shown as text, never as markup, whatever the provider typed
        Paragraph description = new Paragraph(l.description());
        description.setId("listing-description");
        add(Ui.card("About this service", description, Ui.facts(
                "Price", Money.format(l.pricePence()) + " per " + l.unit().label(),
                "Compared with others nearby", result.priceComparison() + (result.typicalPricePence() == null ? ""
                        : " (typical: " + Money.format(result.typicalPricePence()) + " per " + l.unit().label() + ")"),
                "Kind of support", l.categoryName(),
                "Days", days(l),
                "Times", l.times() == null ? "Ask the provider" : l.times(),
                "Postcode districts", String.join(", ", l.districts()),
                "Languages", String.join(", ", l.languages()),
                "Accessibility", l.accessibility() == null ? "Ask the provider" : l.accessibility())));
        add(Ui.card("About " + provider.name(), Ui.facts(
                "Checked by a commissioner", provider.status() == ProviderStatus.VERIFIED ? "Yes, verified"
                        : provider.status().label(),
                "CQC registration", provider.cqcNumber() == null ? "Not registered with the CQC" : provider.cqcNumber(),
                "Rating", rating(l),
                "Contact", provider.contactEmail() + (provider.contactPhone() == null ? "" : ", " + provider.contactPhone()))));
        UnorderedList list = new UnorderedList();
        List<Review> all = reviews.reviews(l.organisationId());
        for (Review r : all) {
            ListItem item = new ListItem(new Paragraph(r.stars() + " out of 5 stars: " + r.wording()));
            if (r.providerReply() != null) {
                item.add(new Paragraph("Reply from " + provider.name() + ": " + r.providerReply()));
            }
            Button report = new Button("Report this review", click -> {
                reviews.report(r.id());
                Notification.show("Thank you. A commissioner will look at this review.");
            });
            report.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
            item.add(report);
            list.add(item);
        }
        if (all.isEmpty()) {
            list.add(new ListItem("No reviews yet."));
        }
        var reviewCard = Ui.card("Reviews", new Paragraph("Only people who have bought and received a service from "
                + provider.name() + " through Wholecare can review it."), list);
        if (currentUser.require().role() == Role.BUDGET_HOLDER) {
            reviewCard.add(reviewForm(l));
        }
        add(reviewCard);
    }

    private com.vaadin.flow.component.Component reviewForm(Listing l) {
        Select<Integer> stars = new Select<>();
        stars.setLabel("Stars");
        stars.setItems(5, 4, 3, 2, 1);
        stars.setItemLabelGenerator(s -> s + (s == 1 ? " star" : " stars"));
        TextArea wording = new TextArea("Your review");
        wording.setMaxLength(2000);
        FormErrors errors = new FormErrors().field("stars", stars).field("wording", wording);
        Button leave = new Button("Leave a review", click -> {
            errors.clear();
            try {
                reviews.leave(l.organisationId(), stars.getValue() == null ? 0 : stars.getValue(), wording.getValue());
                render(search.listing(l.id(), null));
            } catch (ValidationException e) {
                errors.show(e);
            }
        });
        var form = new com.vaadin.flow.component.html.Div(stars, wording, errors.formMessage(), leave);
        form.addClassName("review-form");
        return form;
    }

    static String days(Listing l) {
        return l.days().size() == 7 ? "Every day" : String.join(", ", l.days().stream().map(DAY_NAMES::get).toList());
    }

    static String rating(Listing l) {
        return l.reviewCount() == 0 ? "Not rated yet"
                : String.format("%.1f out of 5 from %d review%s", l.ratingAverage(), l.reviewCount(),
                        l.reviewCount() == 1 ? "" : "s");
    }
}
