package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A person sees their own details and is told at the field when an address is not one (EmailIT tests the choice of emails). */
class YourDetailsJourney {

    @Test
    void aPersonSeesTheirDetailsAndAMistypedAddressIsRefusedAtItsField() {
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
                sam.assertAccessible("Your details");
                sam.screenshot("your-details");
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
