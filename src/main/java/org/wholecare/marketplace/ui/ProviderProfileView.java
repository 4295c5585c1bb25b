package org.wholecare.marketplace.ui;

import org.wholecare.marketplace.ProviderProfile;
import org.wholecare.marketplace.ProviderService;
import org.wholecare.marketplace.ProviderStatus;
import org.wholecare.marketplace.Review;
import org.wholecare.marketplace.ReviewService;
import org.wholecare.marketplace.SearchResult;
import org.wholecare.marketplace.SearchService;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Objects;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.shell.RouteIds;
import org.wholecare.shell.Ui;

/**
 * A provider's profile: the trust signals in one place (checked by a commissioner, CQC registration,
 * rating), every service it offers with its price against the typical price, and its reviews.
 */
@Route("provider/:organisationId")
@PageTitle("Provider – Wholecare")
@PermitAll
public class ProviderProfileView extends Main implements BeforeEnterObserver {

    private final ProviderService providers;
    private final SearchService search;
    private final ReviewService reviews;
    private final CurrentUser currentUser;
    private final BudgetHolderService holders;

    ProviderProfileView(ProviderService providers, SearchService search, ReviewService reviews, CurrentUser currentUser,
            BudgetHolderService holders) {
        this.holders = holders;
        this.providers = providers;
        this.search = search;
        this.reviews = reviews;
        this.currentUser = currentUser;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var read = RouteIds.read(event, "organisationId");
        if (read.isEmpty()) {
            return;
        }
        long id = read.getAsLong();
        render(id);
    }

    private void render(long organisationId) {
        removeAll();
        // refused by the service, like a provider that does not exist, unless the caller may see it
        ProviderProfile provider = providers.viewable(organisationId);
        SignedInUser viewer = currentUser.require();
        List<Review> all = reviews.reviews(organisationId);
        add(new H1(provider.name()));
        if (Objects.equals(viewer.organisationId(), organisationId)) {
            add(new Paragraph("This is how budget holders, their carers and brokers see your organisation. "
                    + "Only published listings appear. You can reply to reviews below."));
        }
        add(Ui.card("Can I trust them?", trust(provider, rating(all))));

        // prices compared where the person being helped lives, as on the search and listing pages
        String district = ViewerDistrict.of(holders, viewer).orElse(null);
        List<SearchResult> services = search.listingsOf(organisationId, district);
        UnorderedList cards = new UnorderedList();
        cards.addClassName("results");
        cards.getElement().setAttribute("role", "list");
        services.forEach(result -> cards.add(ResultCard.of(result, SearchService.comparedIn(result.listing(), district))));
        Component servicesContent = services.isEmpty() ? new Paragraph("No services are listed at the moment.") : cards;
        add(Ui.card("Services (" + services.size() + ")", servicesContent));

        add(Ui.card("Reviews (" + all.size() + ")", new Paragraph("Only people who have bought and received a "
                + "service from " + provider.name() + " through Wholecare can review it. If a review is unfair or "
                + "shares private details, report it and a commissioner will look at it."),
                ReviewList.of(reviews, provider, viewer, () -> render(organisationId))));
    }

    /** The trust signals, shared with the listing page. */
    static Component trust(ProviderProfile provider, String rating) {
        return Ui.facts(
                "Checked by a commissioner", provider.status() == ProviderStatus.VERIFIED ? "Yes, verified"
                        : provider.status().label(),
                "CQC registration", provider.cqcNumber() == null ? "Not registered with the CQC" : provider.cqcNumber(),
                "Rating", rating,
                "Postcode districts served", String.join(", ", provider.districts()),
                "Contact", provider.contactName() + ", " + provider.contactEmail()
                        + (provider.contactPhone() == null ? "" : ", " + provider.contactPhone()));
    }

    private static String rating(List<Review> all) {
        if (all.isEmpty()) {
            return "Not rated yet";
        }
        double average = all.stream().mapToInt(Review::stars).average().orElseThrow();
        return String.format(java.util.Locale.UK, "%.1f out of 5 from %d review%s", average, all.size(), all.size() == 1 ? "" : "s");
    }
}
