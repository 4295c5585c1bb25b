package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The holder books a night of sitting; the provider delivers and invoices it; the holder disputes
 * the invoice; a commissioner rejects it. Nothing is paid and the money is back in the budget.
 */
class DisputeJourney {

    private static final String SERVICE = "Overnight sitting service";

    @Test
    void aDisputedInvoiceIsRejectedAndTheMoneyGoesBack() {
        String today = LocalDate.now(org.wholecare.shared.UkTime.ZONE).format(DateTimeFormatter.ofPattern("d/M/yyyy"));
        long[][] before = new long[1][];
        try (Browser holder = new Browser(); Browser provider = new Browser()) {
            holder.steps("holder-books-a-night", () -> {
                holder.signIn("holder", Browser.DEMO_PASSWORD);
                holder.go(Page.BUDGET);
                before[0] = Figures.budgetTotals(holder);
                holder.go(Page.FIND_SUPPORT);
                holder.fill("What are you looking for?", "overnight sitting");
                holder.clickButton("Search");
                holder.click(By.linkText(SERVICE));
                holder.waitForHeading(SERVICE);
                holder.fill("How many sessions each time", "1.5");
                holder.fill("Starting on", today);
                holder.clickButton("Check the cost");
                assertThat(holder.fieldError("How many sessions each time")).contains("whole sessions");
                holder.fill("How many sessions each time", "1");
                holder.clickButton("Check the cost");
                holder.waitForText("£95.00 in all");
                holder.clickButton("Confirm the booking");
                holder.waitForText("Booked: £95.00 is set aside");
            });
            provider.steps("provider-delivers-and-invoices", () -> {
                provider.signIn("provider", Browser.DEMO_PASSWORD);
                provider.go(Page.BOOKINGS);
                provider.click(By.xpath("//vaadin-button[@aria-label='Accept the booking of " + SERVICE + "']"));
                provider.fill("Sessions delivered", "1");
                provider.click(By.xpath("//vaadin-button[@aria-label='Record delivery of " + SERVICE + "']"));
                provider.fill("Sessions to invoice", "1");
                provider.click(By.xpath("//vaadin-button[@aria-label='Send an invoice for " + SERVICE + "']"));
                provider.waitForText("£95.00, raised");
            });
            holder.steps("holder-disputes", () -> {
                holder.go(Page.PURCHASES);
                By dispute = By.xpath("//vaadin-button[@aria-label='Dispute the invoice for " + SERVICE + "']");
                holder.click(dispute);
                assertThat(holder.fieldError("What is wrong (to dispute it)")).contains("Say what is wrong");
                holder.fill("What is wrong (to dispute it)", "The sitter left at 3am");
                holder.click(dispute);
                holder.waitForText("Disputed: The sitter left at 3am");
                holder.assertAccessible("the purchases page with a disputed invoice");
            });
        }
        try (Browser commissioner = new Browser()) {
            commissioner.steps("commissioner-rejects", () -> {
                commissioner.signIn("commissioner", Browser.DEMO_PASSWORD);
                commissioner.go(Page.PAYMENTS_AND_DISPUTES);
                assertThat(commissioner.pageText()).contains("The sitter left at 3am");
                By reject = By.xpath("//vaadin-button[@aria-label='Reject the disputed invoice from Riverside Home Care']");
                commissioner.click(reject);
                assertThat(commissioner.fieldError("How it was settled")).contains("Say how the dispute was settled");
                commissioner.fill("How it was settled", "The provider's log shows the sitter left early");
                commissioner.click(reject);
                commissioner.waitForText("Nothing is disputed.");
                commissioner.assertAccessible("the payments and disputes page");
            });
        }
        try (Browser holder = new Browser()) {
            holder.steps("money-is-back", () -> {
                holder.signIn("holder", Browser.DEMO_PASSWORD);
                holder.go(Page.PURCHASES);
                assertThat(holder.pageText()).contains("Rejected: The provider's log shows the sitter left early")
                        .contains("Finished: £0.00 paid, £95.00 back in the budget");
                holder.go(Page.BUDGET);
                assertThat(Figures.budgetTotals(holder)).containsExactly(before[0]);
            });
        }
    }
}
