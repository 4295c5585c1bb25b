package org.wholecare.marketplace.ui;

import org.wholecare.marketplace.Listing;
import org.wholecare.marketplace.ListingActions;
import org.wholecare.marketplace.ProviderProfile;
import org.wholecare.marketplace.ProviderService;
import org.wholecare.marketplace.ReviewService;
import org.wholecare.marketplace.SearchResult;
import org.wholecare.marketplace.SearchService;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.shared.Money;
import org.wholecare.shared.ValidationException;
import org.wholecare.shell.FormErrors;
import org.wholecare.shell.RouteIds;
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
    private final BudgetHolderService holders;

    private final java.util.List<ListingActions> actions;

    ListingView(SearchService search, ProviderService providers, ReviewService reviews, CurrentUser currentUser,
            BudgetHolderService holders, java.util.List<ListingActions> actions) {
        this.actions = actions;
        this.holders = holders;
        this.search = search;
        this.providers = providers;
        this.reviews = reviews;
        this.currentUser = currentUser;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var read = RouteIds.read(event, "listingId");
        if (read.isEmpty()) {
            return;
        }
        long id = read.getAsLong();
        // the search card's district; else where the person being helped lives, so both compare alike
        String district = event.getLocation().getQueryParameters().getSingleParameter("district")
                .orElseGet(() -> ViewerDistrict.of(holders, currentUser.require()).orElse(null));
        render(id, district);
    }

    private void render(long listingId, String district) {
        SearchResult result;
        try {
            result = search.listing(listingId, district);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            // paused, withdrawn, a provider suspended or not yet checked, or no such listing: the
            // same words for all, so the page never tells which listings exist
            removeAll();
            add(new H1("This service is not available"), Ui.card("Not available at the moment",
                    new Paragraph("The provider is not offering this service at the moment. Nothing has been "
                            + "booked or changed."),
                    new Paragraph(new RouterLink("Find other support", FindSupportView.class))));
            return;
        }
        removeAll();
        Listing l = result.listing();
        // refused by the service unless the caller may see this provider
        ProviderProfile provider = providers.viewable(l.organisationId());
        add(new H1(l.title()));
        // shown as text, never as markup, whatever the provider typed
        Paragraph description = new Paragraph(l.description());
        description.setId("listing-description");
        add(Ui.card("About this service", description, Ui.facts(
                "Price", Money.format(l.pricePence()) + " per " + l.unit().label(),
                "Compared with others nearby", result.priceComparison() + (result.typicalPricePence() == null ? ""
                        : " (typical in " + SearchService.comparedIn(l, district) + ": "
                                + Money.format(result.typicalPricePence()) + " per " + l.unit().label() + ")"),
                "Kind of support", l.categoryName(),
                "Days", days(l),
                "Times", l.times() == null ? "Ask the provider" : l.times(),
                "Postcode districts", String.join(", ", l.districts()),
                "Languages", String.join(", ", l.languages()),
                "Accessibility", l.accessibility() == null ? "Ask the provider" : l.accessibility())));
        actions.forEach(a -> a.actionsFor(l).ifPresent(this::add));
        RouterLink profile = new RouterLink("Everything about " + provider.name(), ProviderProfileView.class,
                new RouteParameters("organisationId", String.valueOf(provider.organisationId())));
        profile.setId("provider-profile-link");
        add(Ui.card("About " + provider.name(), ProviderProfileView.trust(provider, rating(l)), new Paragraph(profile)));
        var reviewCard = Ui.card("Reviews of " + provider.name(), new Paragraph("Only people who have bought and "
                + "received a service from " + provider.name() + " through Wholecare can review it."),
                ReviewList.of(reviews, provider, currentUser.require(), () -> render(l.id(), district)));
        if (currentUser.require().role() == Role.BUDGET_HOLDER) {
            // the form only for someone it would accept; anyone else is told why not
            reviews.whyCannotReview(l.organisationId()).ifPresentOrElse(
                    why -> reviewCard.add(new Paragraph(why)), () -> reviewCard.add(reviewForm(l, district)));
        }
        add(reviewCard);
    }

    private com.vaadin.flow.component.Component reviewForm(Listing l, String district) {
        Select<Integer> stars = new Select<>();
        stars.setLabel("Stars");
        stars.setItems(5, 4, 3, 2, 1);
        stars.setItemLabelGenerator(s -> s + (s == 1 ? " star" : " stars"));
        TextArea wording = new TextArea("Your review");
        FormErrors errors = new FormErrors().field("stars", stars).field("wording", wording);
        Button leave = new Button("Leave a review", click -> {
            errors.clear();
            try {
                reviews.leave(l.organisationId(), stars.getValue() == null ? 0 : stars.getValue(), wording.getValue());
                render(l.id(), district);
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

    public static String rating(Listing l) {
        return l.reviewCount() == 0 ? "Not rated yet"
                : String.format(java.util.Locale.UK, "%.1f out of 5 from %d review%s", l.ratingAverage(), l.reviewCount(),
                        l.reviewCount() == 1 ? "" : "s");
    }
}
