package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A broker acting for Ayesha Khan (who lets the brokerage suggest) asks a day centre for a price;
 * the provider answers with an offer; the broker proposes at that price, then thinks better of it
 * and withdraws the proposal, then proposes again, seeing first who would pay; Ayesha reads the whole
 * conversation, accepts and books it, though she has no assessed contribution for its 30% share.
 */
class QuoteJourney {

    private static final String SERVICE = "Day centre with lunch and activities";

    @Test
    void aBrokerAsksForAQuoteTheProviderOffersAndTheHolderSeesTheThread() {
        try (Browser broker = new Browser(); Browser provider = new Browser()) {
            broker.steps("broker-asks-for-a-quote", () -> {
                broker.signIn("broker", Browser.DEMO_PASSWORD);
                broker.go(Page.CLIENTS);
                broker.click(By.linkText("Ayesha Khan"));
                broker.waitForHeading("Ayesha Khan");
                broker.go(Page.FIND_SUPPORT);
                // search starts where the person being helped lives
                assertThat(broker.fieldInput("Postcode district").getDomProperty("value")).isEqualTo("NB5");
                broker.fill("What are you looking for?", "day centre lunch");
                broker.clickButton("Search");
                broker.click(By.linkText(SERVICE));
                broker.waitForHeading(SERVICE);
                broker.clickButton("Ask for a quote");
                assertThat(broker.fieldError("Ask Meadow Day Centre for a quote")).contains("Say what is needed");
                broker.fill("Ask Meadow Day Centre for a quote", "Three days a week from January, with transport "
                        + "if you can.");
                broker.clickButton("Ask for a quote");
                broker.waitForText("Your request is sent to Meadow Day Centre.");
                broker.clickButton("Add to the shortlist for Ayesha Khan");
                broker.waitForText("is on the shortlist for Ayesha Khan");
            });
            provider.steps("provider-offers-a-price", () -> {
                provider.signIn("daycentre", Browser.DEMO_PASSWORD);
                provider.go(Page.QUOTE_REQUESTS);
                assertThat(provider.pageText()).contains("Three days a week from January")
                        .doesNotContain("Khan");
                By send = By.xpath("//vaadin-button[@aria-label='Send your reply about " + SERVICE
                        + " for Ayesha in NB5']");
                provider.fill("Price per day (£), for an offer", "0");
                provider.fill("What the price covers", "Lunch, activities and the minibus both ways");
                provider.click(send);
                assertThat(provider.fieldError("Price per day (£), for an offer")).contains("greater than £0.00");
                provider.fill("Price per day (£), for an offer", "44.00");
                provider.click(send);
                provider.waitForText("Current offer: £44.00 per day");
                provider.assertAccessible("the provider's quote requests");
            });
            broker.steps("broker-proposes-then-withdraws", () -> {
                broker.go(Page.CLIENTS);
                broker.click(By.linkText("Ayesha Khan"));
                broker.waitForHeading("Ayesha Khan");
                assertThat(broker.textOf("quotes")).contains("Current offer: £44.00 per day");
                broker.choose("Service", SERVICE + " (Meadow Day Centre)");
                broker.fill("How many", "1");
                broker.choose("How often", "Every week");
                // before proposing: who would pay. Ayesha has no assessed contribution, whose 30% the council pays
                broker.waitForText("Council social care pays its share (£13.20).");
                assertThat(broker.textOf("proposal-cost")).contains("Each week: 1 × £44.00 per day = £44.00 from "
                        + "Ayesha Khan's budget, paid by Council social care £44.00.")
                        .doesNotContain("could not pay");
                // the day centre opens on Mondays, Wednesdays and Fridays
                broker.fill("Starting on", Browser.firstDayOn(LocalDate.now(org.wholecare.shared.UkTime.ZONE)
                        .plusDays(10), java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.WEDNESDAY,
                        java.time.DayOfWeek.FRIDAY));
                broker.fill("Why this suits Ayesha Khan", "Company and a hot lunch three days a week");
                broker.clickButton("Propose");
                broker.waitForText("Proposed. It waits for the person");
                // proposed at the provider's offer, not the listed £48.00
                assertThat(broker.textOf("proposals")).contains("at £44.00 per day");
                broker.click(By.xpath("//vaadin-button[@aria-label='Withdraw the proposal of " + SERVICE + "']"));
                broker.waitForText("Withdrawn by Priya Shah");
                broker.assertAccessible("a client page with a quote thread");
            });
            broker.steps("broker-proposes-again", () -> {
                broker.choose("Service", SERVICE + " (Meadow Day Centre)");
                broker.fill("How many", "1");
                broker.choose("How often", "Every week");
                broker.fill("Starting on", Browser.firstDayOn(LocalDate.now(org.wholecare.shared.UkTime.ZONE)
                        .plusDays(10), java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.WEDNESDAY,
                        java.time.DayOfWeek.FRIDAY));
                broker.fill("Why this suits Ayesha Khan", "Fridays: the lunch club and the garden");
                broker.clickButton("Propose");
                broker.waitForText("Proposed. It waits for the person");
            });
        }
        try (Browser holder = new Browser()) {
            holder.steps("holder-reads-the-thread", () -> {
                holder.signIn("holder2", Browser.DEMO_PASSWORD);
                holder.go(Page.PROPOSALS);
                assertThat(holder.textOf("quotes")).contains("Three days a week from January")
                        .contains("Current offer: £44.00 per day").contains("Lunch, activities and the minibus");
                assertThat(holder.pageText()).contains("Withdrawn by Priya Shah")
                        .contains("Our charity runs the Friday lunch club");
                holder.assertAccessible("the proposals page with a quote thread");
                holder.screenshot("quote-thread");
            });
            holder.steps("holder-accepts-and-books-with-no-assessed-contribution", () -> {
                holder.click(By.xpath("//vaadin-button[@aria-label='Accept " + SERVICE + "']"));
                holder.waitForText("Accepted. Book it from Purchases.");
                holder.go(Page.PURCHASES);
                holder.click(By.xpath("//vaadin-button[@aria-label='Check the cost of " + SERVICE + "']"));
                // the council pays the share Ayesha's missing assessed contribution would have paid
                holder.waitForText("£44.00 in all, set aside now: Council social care £44.00.");
                assertThat(holder.pageText()).contains("Assessed contribution has no money in this budget, so "
                        + "Council social care pays its share (£13.20).").doesNotContain("has only £0.00 left");
                holder.assertAccessible("a proposal's cost paid by the council in place of a missing stream");
                holder.screenshot("booking-without-assessed-contribution");
                holder.click(By.xpath("//vaadin-button[@aria-label='Confirm the booking of " + SERVICE + "']"));
                holder.waitForText("Booked.");
            });
        }
    }
}
