package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * End to end across four roles: the holder books, the provider accepts, delivers and invoices, the
 * holder confirms, the commissioner records the payment (no Stripe keys here), and every page agrees:
 * the money moved is exactly the booking's, and the holder, carer, broker and commissioner see the
 * same figures.
 */
class PurchaseJourney {

    @Test
    void aBookingIsDeliveredInvoicedConfirmedAndPaid() {
        String today = LocalDate.now(org.wholecare.shared.UkTime.ZONE).format(DateTimeFormatter.ofPattern("d/M/yyyy"));
        long[][] before = new long[1][];
        long[][] bookedBefore = new long[1][];
        try (Browser holder = new Browser(); Browser provider = new Browser()) {
            holder.steps("holder-books", () -> {
                holder.signIn("holder", Browser.DEMO_PASSWORD);
                holder.waitForHeading("Hello, Sam Taylor");
                holder.go(Page.BUDGET);
                before[0] = Figures.budgetTotals(holder);
                assertThat(Figures.pence(holder.textOf("available-now"))).isEqualTo(before[0][3]);
                holder.go(Page.PURCHASES);
                bookedBefore[0] = Figures.amounts(holder.textOf("purchase-totals"), 4);
                holder.go(Page.FIND_SUPPORT);
                holder.fill("What are you looking for?", "evening weekend");
                holder.clickButton("Search");
                holder.click(By.linkText("Evening and weekend care"));
                holder.waitForHeading("Evening and weekend care");
                // Sam reviewed Riverside after his first booking: no second review form, and he is told why
                holder.waitForText("You have already reviewed Riverside Home Care.");
                assertThat(holder.driver.findElements(By.cssSelector(".review-form"))).isEmpty();
                holder.fill("How many hours each time", "0");
                holder.fill("Starting on", today);
                holder.clickButton("Check the cost");
                assertThat(holder.fieldError("How many hours each time")).contains("1 or more");
                holder.fill("How many hours each time", "2");
                holder.clickButton("Check the cost");
                holder.waitForText("£54.00 in all");
                assertThat(holder.textOf("booking-preview")).contains("Council social care: £32.40")
                        .contains("NHS health: £21.60");
                holder.assertAccessible("a listing with the booking form");
                holder.clickButton("Confirm the booking");
                holder.waitForText("Booked: £54.00 is set aside");
            });
            provider.steps("provider-accepts-delivers-invoices", () -> {
                provider.signIn("provider", Browser.DEMO_PASSWORD);
                // the provider's home counts the booking as waiting for them
                provider.waitForHeading("Hello, Mark Owens");
                int waiting = Figures.count(provider.textOf("bookings-summary"), "Waiting for you to accept or decline");
                // told on the home page, with the same count, and by email with no details in it
                String todo = provider.textOf("things-to-do");
                assertThat(todo).contains(waiting == 1 ? "A booking to accept or decline"
                        : waiting + " bookings to accept or decline");
                Mail.waitFor("provider@northbrook.example", "A new booking is waiting for you")
                        .ifPresent(body -> assertThat(body).contains("/provider/bookings").doesNotContain("£"));
                provider.click(By.linkText("Answer them"));
                // the home counts exactly the bookings waiting for an answer here, this one among them
                provider.waitForText("Evening and weekend care");
                assertThat(provider.driver.findElements(By.xpath("//vaadin-button[starts-with(@aria-label, "
                        + "'Accept the booking of')]"))).hasSize(waiting).isNotEmpty();
                provider.click(By.xpath("//vaadin-button[@aria-label='Accept the booking of Evening and weekend care']"));
                provider.waitForText("Accepted by the provider");
                provider.fill("Hours delivered", "2");
                provider.click(By.xpath("//vaadin-button[@aria-label='Record delivery of Evening and weekend care']"));
                provider.waitForText("2 of 2");
                provider.fill("Hours to invoice", "3");
                provider.click(By.xpath("//vaadin-button[@aria-label='Send an invoice for Evening and weekend care']"));
                assertThat(provider.fieldError("Hours to invoice")).contains("Only 2 delivered");
                provider.fill("Hours to invoice", "2");
                provider.click(By.xpath("//vaadin-button[@aria-label='Send an invoice for Evening and weekend care']"));
                provider.waitForText("Invoice for 2: £54.00, raised");
                provider.assertAccessible("the provider's bookings");
            });
            holder.steps("holder-confirms", () -> {
                // told on the home page and by email, as is Jo, who acts for Sam
                holder.open("/holder");
                assertThat(holder.textOf("things-to-do")).contains("An invoice from Riverside Home Care for £54.00: "
                        + "confirm it or say what is wrong.");
                Mail.waitFor("holder@northbrook.example", "You have an invoice to check")
                        .ifPresent(body -> assertThat(body).contains("it will be confirmed on").doesNotContain("£"));
                Mail.waitFor("carer@northbrook.example", "You have an invoice to check for Sam");
                holder.screenshot("things-to-do");
                holder.click(By.linkText("Check it"));
                holder.click(By.xpath("//vaadin-button[@aria-label='Confirm the invoice for Evening and weekend care']"));
                holder.waitForText("Waiting to be settled outside Stripe");
                holder.assertAccessible("the purchases page");
            });
        }
        try (Browser commissioner = new Browser()) {
            commissioner.steps("commissioner-records-payment", () -> {
                commissioner.signIn("commissioner", Browser.DEMO_PASSWORD);
                commissioner.go(Page.PAYMENTS_AND_DISPUTES);
                assertThat(commissioner.textOf("payments-waiting")).contains("Riverside Home Care").contains("£54.00");
                commissioner.fill("How it was paid", "BACS from the council, ref 4471");
                commissioner.click(By.xpath("//vaadin-button[@aria-label='Record the payment to Riverside Home Care "
                        + "as paid outside Stripe']"));
                commissioner.waitForText("Payments waiting (0)");
                commissioner.assertAccessible("the payments page");
            });
        }
        long[][] figures = new long[1][];
        try (Browser holder = new Browser(); Browser carer = new Browser(); Browser provider = new Browser();
                Browser broker = new Browser()) {
            holder.steps("figures-agree", () -> {
                holder.signIn("holder", Browser.DEMO_PASSWORD);
                holder.go(Page.PURCHASES);
                assertThat(holder.pageText()).contains("Settled outside Stripe").contains("Delivered and paid in full");
                long[] bookings = Figures.amounts(holder.textOf("purchase-totals"), 4);
                // £54.00 more booked and spent, nothing more set aside or given back
                assertThat(bookings).containsExactly(bookedBefore[0][0] + 5_400, bookedBefore[0][1] + 5_400,
                        bookedBefore[0][2], bookedBefore[0][3]);
                // exactly £54.00 has moved from available to spent; nothing is left set aside for it
                holder.go(Page.BUDGET);
                long[] after = Figures.budgetTotals(holder);
                assertThat(after[0]).isEqualTo(before[0][0]);
                assertThat(after[1]).isEqualTo(before[0][1]);
                assertThat(after[2]).isEqualTo(before[0][2] + 5_400);
                assertThat(after[3]).isEqualTo(before[0][3] - 5_400);
                assertThat(after[0]).isEqualTo(after[1] + after[2] + after[3]);
                // the purchases page's set aside and spent are the budget's own
                assertThat(bookings[2]).isEqualTo(after[1]);
                assertThat(bookings[1]).isEqualTo(after[2]);
                long available = Figures.pence(holder.textOf("available-now"));
                assertThat(available).isEqualTo(after[3]);
                String availableText = holder.textOf("available-now");
                // the holder lets the brokerage look, and the broker sees the same
                holder.go(Page.WHO_CAN_HELP);
                holder.choose("Brokerage", "Northbrook Independent Living");
                holder.choose("What the brokerage may do", "Look only");
                holder.fill("Last day the brokerage may act for you",
                        LocalDate.now(org.wholecare.shared.UkTime.ZONE).plusDays(20).format(DateTimeFormatter.ofPattern("d/M/yyyy")));
                holder.clickButton("Give access");
                holder.waitForText("Northbrook Independent Living may now");
                broker.signIn("broker", Browser.DEMO_PASSWORD);
                broker.waitForHeading("Hello, Priya Shah");
                int people = Figures.count(broker.textOf("caseload-summary"), "People you may act for");
                broker.go(Page.CLIENTS);
                // the home's count is the caseload's
                assertThat(broker.pageText()).contains("Your clients (" + people + ")");
                assertThat(broker.textOf("caseload")).contains("Sam Taylor").contains(availableText);
                broker.click(By.linkText("Sam Taylor"));
                broker.waitForHeading("Sam Taylor");
                broker.go(Page.PURCHASES);
                assertThat(broker.pageText()).contains("Evening and weekend care").contains("Spent")
                        .contains("£54.00").contains("Settled outside Stripe");
                carer.signIn("carer", Browser.DEMO_PASSWORD);
                carer.go(Page.PURCHASES);
                assertThat(carer.pageText()).contains("Evening and weekend care").contains("Settled outside Stripe");
                carer.open("/budget");
                carer.waitForHeading("Sam Taylor's budget");
                assertThat(Figures.budgetTotals(carer)).containsExactly(after);
                provider.signIn("provider", Browser.DEMO_PASSWORD);
                provider.go(Page.BOOKINGS);
                assertThat(provider.pageText()).contains("Invoice for 2: £54.00, confirmed (Settled outside Stripe)");
                holder.go(Page.PURCHASES);
                holder.screenshot("purchases");
                figures[0] = after;
            });
        }
        try (Browser commissioner = new Browser()) {
            commissioner.steps("commissioner-sees-the-same", () -> {
                commissioner.signIn("commissioner", Browser.DEMO_PASSWORD);
                commissioner.go(Page.BUDGET_HOLDERS);
                commissioner.click(By.linkText("Sam Taylor"));
                commissioner.waitForText("Money available now");
                assertThat(Figures.budgetTotals(commissioner)).containsExactly(figures[0]);
                assertThat(Figures.pence(commissioner.textOf("available-now"))).isEqualTo(figures[0][3]);
                commissioner.assertAccessible("a holder's record");
            });
        }
    }
}
