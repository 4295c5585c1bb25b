package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;

/**
 * A holder lets a brokerage propose; the broker shortlists and proposes; the holder accepts, then
 * narrows the access to looking only (kept in the grant's history). Then the holder withdraws access
 * and the broker's next click is refused, and the holder's access log shows the broker's visits.
 */
class ConsentJourney {

    @Test
    void aHolderGrantsABrokerProposesTheHolderAcceptsThenWithdraws() {
        String lastDay = LocalDate.now(org.wholecare.shared.UkTime.ZONE).plusMonths(2).format(DateTimeFormatter.ofPattern("d/M/yyyy"));
        String[] emailedLink = new String[1];
        try (Browser holder = new Browser(); Browser broker = new Browser()) {
            holder.steps("holder-grants-access", () -> {
                holder.signIn("holder", Browser.DEMO_PASSWORD);
                holder.waitForHeading("Hello, Sam Taylor");
                holder.go(Page.WHO_CAN_HELP);
                holder.clickButton("Give access");
                assertThat(holder.fieldError("Brokerage")).contains("Choose the brokerage");
                holder.choose("Brokerage", "Northbrook Independent Living");
                holder.choose("What the brokerage may do", "Look and suggest");
                holder.fill("Last day the brokerage may act for you", lastDay);
                holder.clickButton("Give access");
                holder.waitForText("Northbrook Independent Living may now");
                assertThat(holder.textOf("grants")).contains("Northbrook Independent Living (brokerage)");
                holder.assertAccessible("the consent page");
                holder.screenshot("who-can-help");
            });
            broker.steps("broker-shortlists-and-proposes", () -> {
                broker.signIn("broker", Browser.DEMO_PASSWORD);
                broker.go(Page.CLIENTS);
                broker.assertAccessible("the caseload");
                broker.click(By.linkText("Sam Taylor"));
                broker.waitForHeading("Sam Taylor");
                assertThat(broker.textOf("acting-for-text")).contains("You are acting for Sam Taylor");
                broker.assertAccessible("a client page");
                shortlist(broker, "overnight sitting", "Overnight sitting service", "Jo could sleep through once a month");
                shortlist(broker, "evening weekend", "Evening and weekend care", null);
                broker.go(Page.CLIENTS);
                broker.click(By.linkText("Sam Taylor"));
                broker.waitForHeading("Sam Taylor");
                assertThat(broker.textOf("shortlist")).contains("Overnight sitting service").contains("Jo could sleep");
                broker.choose("Service", "Overnight sitting service (Riverside Home Care)");
                broker.fill("How many", "1");
                broker.choose("How often", "Every month");
                broker.fill("Starting on", LocalDate.now(org.wholecare.shared.UkTime.ZONE).plusDays(10).format(DateTimeFormatter.ofPattern("d/M/yyyy")));
                broker.fill("Why this suits Sam Taylor", "Gives Jo a full night's sleep each month");
                broker.clickButton("Propose");
                broker.waitForText("Proposed. It waits for the person");
                assertThat(broker.textOf("proposals")).contains("Waiting for a decision");
                broker.screenshot("client");
            });
            holder.steps("holder-accepts", () -> {
                // told on the home page and by email, and straight to the proposals from Things to do
                holder.open("/holder");
                assertThat(holder.textOf("things-to-do")).contains("to accept or decline.");
                Mail.waitFor("holder@northbrook.example", "You have a proposal to answer")
                        .ifPresent(body -> assertThat(body).contains("/proposals").doesNotContain("Overnight"));
                holder.click(By.xpath("//a[contains(@aria-label, 'to accept or decline')]"));
                assertThat(holder.pageText()).contains("Overnight sitting service from Riverside Home Care")
                        .contains("Evening and weekend care").contains("Priya Shah");
                holder.assertAccessible("the proposals page");
                holder.screenshot("proposals");
                holder.click(By.xpath("//vaadin-button[@aria-label='Accept Overnight sitting service']"));
                holder.waitForText("Accepted. Book it from Purchases.");
                Mail.waitFor("broker@northbrook.example", "Sam has answered your proposal").ifPresent(body -> {
                    Matcher link = Pattern.compile("/clients/\\d+").matcher(body.replace("=\r\n", ""));
                    assertThat(link.find()).as("the email links to Sam's page").isTrue();
                    emailedLink[0] = link.group();
                });
            });
            holder.steps("holder-changes-access", () -> {
                holder.go(Page.WHO_CAN_HELP);
                holder.click(By.xpath("//vaadin-button[@aria-label="
                        + "'Change what Northbrook Independent Living may do or until when']"));
                holder.choose("What Northbrook Independent Living may do", "Look only");
                holder.click(By.xpath("//vaadin-button[@aria-label="
                        + "\"Save the change to Northbrook Independent Living's access\"]"));
                holder.waitForText("Northbrook Independent Living may now see the budget, plan and purchases");
                // the history is folded away under each grant; its text is on the page all the same
                String grants = (String) holder.driver.executeScript(
                        "return document.getElementById('grants').textContent");
                assertThat(grants).contains("Changed by Sam Taylor").contains("Given by Sam Taylor");
                holder.assertAccessible("the consent page after a change");
            });
            holder.steps("holder-withdraws", () -> {
                holder.click(By.xpath("//vaadin-button[@aria-label='Withdraw access from Northbrook Independent Living']"));
                holder.waitForText("can no longer act for you");
                holder.visible(By.xpath("//vaadin-button[@aria-label='Give access again to Northbrook Independent Living']"));
            });
            broker.steps("broker-refused", () -> {
                // the page is still open; the very next click is refused
                broker.click(By.xpath("//vaadin-button[@aria-label='Take Evening and weekend care off the shortlist']"));
                broker.waitForText("Sam Taylor withdrew your access");
                if (emailedLink[0] != null) {
                    // the link in the earlier email now says plainly why it does not open, and shows nothing of Sam
                    broker.open(emailedLink[0]);
                    broker.waitForText("You cannot open this page");
                    assertThat(broker.pageText()).contains("Sam Taylor withdrew your access on")
                            .doesNotContain("Money available");
                    broker.assertAccessible("a page the broker may no longer open");
                }
            });
            holder.steps("holder-sees-access-log", () -> {
                holder.go(Page.ACCESS_LOG);
                assertThat(holder.textOf("access-log")).contains("Priya Shah (broker)")
                        .contains("Added a service to the shortlist").contains("Proposed a purchase")
                        .contains("No, refused: consent withdrawn");
                holder.assertAccessible("the access log");
                holder.screenshot("access-log");
            });
        }
    }

    /** The broker finds a service in NB4 and adds it to the client's shortlist from its page. */
    private static void shortlist(Browser broker, String words, String title, String note) {
        broker.go(Page.FIND_SUPPORT);
        broker.fill("Postcode district", "NB4");
        broker.fill("What are you looking for?", words);
        broker.clickButton("Search");
        broker.click(By.linkText(title));
        broker.waitForHeading(title);
        if (note != null) {
            broker.fill("Note for the shortlist (optional)", note);
        }
        broker.clickButton("Add to the shortlist for Sam Taylor");
        broker.waitForText("is on the shortlist for Sam Taylor");
    }
}
