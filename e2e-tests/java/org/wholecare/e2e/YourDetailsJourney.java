package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A person sees their own details, is told at the field when an address is not one, and chooses their emails. */
class YourDetailsJourney {

    @Test
    void aPersonChoosesWhichEmailsTheyGetAndAMistypedAddressIsRefusedAtItsField() {
        try (Browser sam = new Browser()) {
            sam.steps("your-details", () -> {
                sam.signIn("holder", Browser.DEMO_PASSWORD);
                sam.open("/your-details");
                sam.waitForHeading("Your details");
                assertThat(sam.fieldInput("Email address").getDomProperty("value"))
                        .isEqualTo("holder@northbrook.example");
                sam.fill("Email address", "holder.northbrook.example");
                sam.clickButton("Save your email address");
                assertThat(sam.fieldError("Email address")).startsWith("That is not an email address.");
                sam.click(By.xpath("//vaadin-radio-button[normalize-space(.)='Only emails about something I need to "
                        + "answer or do']//input"));
                sam.clickButton("Save your choice");
                sam.waitForText("Your choice is saved: only emails about something I need to answer or do.");
                assertThat(sam.driver.findElement(By.xpath("//vaadin-radio-button[@checked]")).getText().strip())
                        .isEqualTo("Only emails about something I need to answer or do");
                // the address was not kept: the saved one is still there
                assertThat(sam.fieldInput("Email address").getDomProperty("value"))
                        .isEqualTo("holder@northbrook.example");
                sam.assertAccessible("Your details");
                sam.screenshot("your-details");
                sam.click(By.xpath("//vaadin-radio-button[normalize-space(.)='All emails']//input"));
                sam.clickButton("Save your choice");
                sam.waitForText("Your choice is saved: all emails.");
            });
        }
        try (Browser phone = new Browser(360, 800)) {
            phone.steps("your-details-360", () -> {
                phone.signIn("carer", Browser.DEMO_PASSWORD);
                phone.open("/your-details");
                phone.waitForHeading("Your details");
                assertThat(phone.fitsWidth()).isTrue();
                phone.screenshot("your-details-360");
            });
        }
    }
}
