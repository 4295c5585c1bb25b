package org.wholecare.brokerage.ui;

import org.wholecare.brokerage.Quote;
import org.wholecare.brokerage.QuoteMessage;

import org.wholecare.shared.UkTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import org.wholecare.budget.BudgetService;
import org.wholecare.shared.Money;

/** A quote's messages, oldest first, as every page shows them; the latest offer is marked as the current one. */
final class QuoteThread {


    private QuoteThread() {
    }

    static Component of(Quote q) {
        OrderedList list = new OrderedList();
        list.addClassName("quote-thread");
        list.getElement().setAttribute("aria-label", "Messages about " + q.title() + " from " + q.providerName());
        QuoteMessage latestOffer = q.messages().stream().filter(QuoteMessage::offer).reduce((a, b) -> b).orElse(null);
        for (QuoteMessage m : q.messages()) {
            ListItem item = new ListItem(new Paragraph(m.authorName() + " (" + m.authorWhere() + "), "
                    + UkTime.dayAndTime(m.at()) + ":"));
            item.addClassName(m.fromProvider() ? "from-provider" : "from-broker");
            if (m.body() != null) {
                item.add(new Paragraph(m.body()));
            }
            if (m.offer()) {
                Paragraph offer = new Paragraph((m == latestOffer ? "Current offer: " : "Earlier offer, replaced: ")
                        + Money.format(m.pricePence()) + " per " + q.unit() + ". What it covers: " + m.terms());
                offer.addClassName(m == latestOffer ? "current-offer" : "earlier-offer");
                item.add(offer);
            }
            list.add(item);
        }
        return new Div(list);
    }

    /** In a few words: the current offer, or who is to answer. */
    static String state(Quote q) {
        if (q.answered()) {
            return "Current offer " + Money.format(q.quotedPricePence()) + " per " + q.unit()
                    + (q.waitingForProvider() ? ", waiting for the provider to reply" : "");
        }
        return q.waitingForProvider() ? "Waiting for the provider to answer" : "The provider has replied, no price yet";
    }
}
