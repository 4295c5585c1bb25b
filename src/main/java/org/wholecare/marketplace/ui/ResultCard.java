package org.wholecare.marketplace.ui;

import org.wholecare.marketplace.Listing;
import org.wholecare.marketplace.SearchResult;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Map;
import org.wholecare.shared.Money;
import org.wholecare.shell.Ui;

/** One search result: what, who, how much and how that compares, where and when. */
final class ResultCard {

    private ResultCard() {
    }

    static Component of(SearchResult result, String district) {
        Listing l = result.listing();
        RouterLink link = new RouterLink(l.title(), ListingView.class, new RouteParameters("listingId", String.valueOf(l.id())));
        link.setQueryParameters(QueryParameters.simple(Map.of("district", district)));
        H3 heading = new H3(link);
        Paragraph price = new Paragraph(Money.format(l.pricePence()) + " per " + l.unit().label() + " — "
                + result.priceComparison());
        price.addClassName("result-price");
        RouterLink provider = new RouterLink(l.providerName(), ProviderProfileView.class,
                new RouteParameters("organisationId", String.valueOf(l.organisationId())));
        Paragraph who = new Paragraph(provider);
        who.add(" · " + l.categoryName());
        ListItem card = new ListItem(heading, who, price,
                Ui.facts("Days", ListingView.days(l), "Languages", String.join(", ", l.languages()),
                        "Rating", ListingView.rating(l)));
        card.addClassName("result-card");
        return card;
    }
}
