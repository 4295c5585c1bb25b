package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A commissioner registers a person and sets up their budget; the demo holder checks theirs. */
class BudgetJourney {

    @Test
    void aCommissionerRegistersAPersonAndSetsUpTheirBudget() {
        try (Browser commissioner = new Browser()) {
            commissioner.steps("commissioner-sets-up-budget", () -> commissionerSetsUpABudget(commissioner));
        }
    }

    private static void commissionerSetsUpABudget(Browser commissioner) {
        {
            commissioner.signIn("commissioner", Browser.DEMO_PASSWORD);
            commissioner.waitForHeading("Hello, Nadia Okafor");
            commissioner.go(Page.BUDGET_HOLDERS);
            commissioner.assertAccessible("the budget holders page");

            commissioner.fill("Full name", "Robin Green");
            commissioner.fill("Username for signing in", "robin.green");
            commissioner.fill("Date of birth", "3/5/1959");
            commissioner.fill("NHS number", "123 456 7890");
            commissioner.fill("Postcode district", "NB6");
            commissioner.clickButton("Register and create invitations");
            assertThat(commissioner.fieldError("NHS number")).contains("not a valid NHS number");
            commissioner.assertAccessible("the registration form showing an error");

            commissioner.fill("NHS number", "401 023 2137");
            commissioner.clickButton("Register and create invitations");
            commissioner.waitForText("Robin Green is registered");
            commissioner.click(By.linkText("Set up Robin Green's budget"));
            commissioner.waitForHeading("Robin Green");

            commissioner.fill("NHS health: amount for the period (£)", "5200.005");
            commissioner.fill("Council social care: amount for the period (£)", "2548");
            commissioner.clickButton("Set up the budget");
            assertThat(commissioner.fieldError("NHS health: amount for the period (£)")).contains("numbers only");

            commissioner.fill("NHS health: amount for the period (£)", "5,200.00");
            commissioner.clickButton("Set up the budget");
            assertThat(commissioner.fieldError("Council social care: how it was worked out"))
                    .contains("Say how this amount was worked out");

            commissioner.fill("NHS health: how it was worked out", "2 hours a week of therapy at £50.00 for 52 weeks");
            commissioner.fill("Council social care: how it was worked out",
                    "2 hours a week of personal care at £24.50 for 52 weeks");
            commissioner.clickButton("Set up the budget");
            commissioner.waitForText("Each funding stream");
            assertThat(commissioner.textOf("available-now")).isEqualTo("£7,748.00");
            commissioner.assertAccessible("a holder's budget for the commissioner");

            commissioner.fill("Change (£)", "250");
            commissioner.clickButton("Change the allocation");
            assertThat(commissioner.fieldError("Reason for the change")).contains("Give a reason");
            commissioner.choose("Funding stream", "NHS health");
            commissioner.fill("Reason for the change", "Extra physiotherapy after a fall");
            commissioner.clickButton("Change the allocation");
            commissioner.waitForText("Extra physiotherapy after a fall");
            assertThat(commissioner.textOf("available-now")).isEqualTo("£7,998.00");
            assertThat(commissioner.textOf("budget-history")).contains("+£250.00");
            commissioner.screenshot("commissioner-holder-budget");
        }
    }

    @Test
    void theDemoHolderSeesFiguresThatAddUpAndDownloadsAStatement() {
        try (Browser holder = new Browser()) {
            holder.signIn("holder", Browser.DEMO_PASSWORD);
            holder.waitForHeading("Hello, Sam Taylor");
            holder.go(Page.BUDGET);
            // £23,140 allocated; £1,340 booked of which £245 has been paid
            assertThat(holder.textOf("available-now")).isEqualTo("£21,800.00");
            String streams = holder.textOf("stream-figures");
            assertThat(streams).contains("£23,140.00").contains("£1,095.00").contains("£245.00").contains("£21,800.00");
            assertThat(holder.textOf("forecast")).contains("At this rate");
            assertThat(holder.pageText()).contains("10 hours a week of personal care at £24.50 an hour for 52 weeks");
            holder.assertAccessible("the holder's budget page");
            holder.screenshot("holder-budget");

            String csv = holder.fetchText(By.cssSelector(".statement-links a"));
            assertThat(csv).contains("Wholecare budget statement").contains("Closing balance,All streams,23140.00,1095.00,245.00,");
        }
    }

    @Test
    void theBudgetPageWorksOnAPhone() {
        try (Browser phone = new Browser(390, 844)) {
            phone.signIn("holder", Browser.DEMO_PASSWORD);
            phone.waitForHeading("Hello, Sam Taylor");
            phone.go(Page.BUDGET);
            assertThat(phone.fitsWidth()).as("the page fits a phone without sideways scrolling").isTrue();
            phone.assertAccessible("the holder's budget page on a phone");
            phone.screenshot("holder-budget-phone");
        }
    }
}
