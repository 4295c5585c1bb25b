package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The holder drafts a change to their support plan in their own words; the commissioner agrees it. */
class SupportPlanJourney {

    @Test
    void theHolderDraftsAChangeAndTheCommissionerAgreesIt() {
        try (Browser holder = new Browser()) {
            holder.steps("holder-drafts-plan", () -> {
                holder.signIn("holder", Browser.DEMO_PASSWORD);
                holder.waitForHeading("Hello, Sam Taylor");
                holder.go(Page.SUPPORT_PLAN);
                assertThat(holder.textOf("agreed-plan")).contains("allotment").contains("Version 1, agreed by Nadia Okafor");
                holder.assertAccessible("the support plan page");

                holder.clickButton("Add this support");
                assertThat(holder.fieldError("Kind of support")).contains("Choose a kind of support");

                holder.choose("Kind of support", "Transport");
                holder.fill("What the support is", "Taxi to the day centre");
                holder.fill("Planned cost (£)", "15");
                holder.choose("Which outcome it helps with (number)", "1");
                holder.clickButton("Add this support");
                holder.waitForText("Taxi to the day centre (Transport): £15.00 a week, for outcome 1");
                holder.clickButton("Save the draft");
                holder.waitForText("Your draft, waiting to be agreed");
                assertThat(holder.textOf("draft-plan")).contains("Taxi to the day centre").contains("£780.00");
                holder.assertAccessible("the support plan page with a draft");
                holder.screenshot("support-plan");
            });
        }
        try (Browser commissioner = new Browser()) {
            commissioner.steps("commissioner-agrees-plan", () -> {
                commissioner.signIn("commissioner", Browser.DEMO_PASSWORD);
                commissioner.waitForHeading("Hello, Nadia Okafor");
                commissioner.go(Page.BUDGET_HOLDERS);
                commissioner.click(By.linkText("Sam Taylor"));
                commissioner.waitForHeading("Sam Taylor");
                assertThat(commissioner.textOf("draft-plan")).contains("Taxi to the day centre");
                commissioner.clickButton("Agree this draft");
                commissioner.waitForText("The plan is agreed.");
                assertThat(commissioner.textOf("agreed-plan")).contains("Taxi to the day centre")
                        .contains("Version 2, agreed by Nadia Okafor");
            });
        }
    }
}
