package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** A provider registers and lists a service, a commissioner verifies it, and a budget holder finds it. */
class MarketplaceJourney {

    @Test
    void aProviderListsACommissionerVerifiesAndAHolderFindsIt() {
        String[] colleagueLink = new String[1];
        try (Browser provider = new Browser()) {
            provider.steps("provider-registers", () -> {
                provider.open("/login");
                provider.click(By.linkText("Register your organisation"));
                provider.waitForHeading("Register as a provider");
                provider.assertAccessible("the provider registration page");
                // every mistake is shown at once, each at its field
                provider.fill("Organisation name", "Riverside Home Care");
                provider.fill("Postcode districts you serve", "NB4");
                provider.fill("Your full name", "Ivy Green");
                provider.fill("Email address", "not an email");
                provider.fill("Choose a password", "short");
                provider.fill("Type the password again", "short");
                provider.clickButton("Register");
                assertThat(provider.fieldError("Organisation name")).contains("already an organisation called");
                assertThat(provider.fieldError("Email address")).contains("Enter an email address");
                assertThat(provider.fieldError("Choose a password")).isNotBlank();
                provider.assertAccessible("the provider registration page with every mistake shown");
                provider.fill("Organisation name", "Green Fingers Companions");
                provider.fill("Postcode districts you serve", "NB4, NB5");
                provider.fill("Your full name", "Ivy Green");
                provider.fill("Email address", "ivy@greenfingers.example");
                provider.fill("Choose a password", "tomato trellis sunshine");
                provider.fill("Type the password again", "tomato trellis sunshine");
                provider.clickButton("Register");
                provider.waitForHeading("Registration received");
                // a username is made for them, so the form never says whose usernames exist
                String username = provider.textOf("assigned-username");
                assertThat(username).matches("ivy\\.green\\.\\d{4}");
                provider.assertAccessible("the registration confirmation");

                provider.signIn(username, "tomato trellis sunshine");
                provider.waitForHeading("Hello, Ivy Green");
                provider.go(Page.LISTINGS);
                assertThat(provider.textOf("provider-status")).contains("has not checked your organisation yet");
                // where a provider without a CQC number adds one
                assertThat(provider.textOf("cqc-registration")).contains("Your CQC registration");
                provider.choose("Kind of support", "Day activities");
                provider.fill("Title", "Allotment gardening companion");
                provider.fill("Description", "<b>Company</b> and a hand with digging at your allotment.");
                provider.fill("Price per unit (£)", "0");
                provider.tick("NB4");
                provider.tick("Saturday");
                provider.clickButton("Add the listing");
                assertThat(provider.fieldError("Price per unit (£)")).contains("greater than £0.00");
                provider.fill("Price per unit (£)", "19.50");
                provider.clickButton("Add the listing");
                provider.waitForText("Allotment gardening companion: £19.50 per hour (Published, not seen by others)");
                provider.assertAccessible("the provider's listings page");
            });
            provider.steps("personal-care-needs-a-cqc-number", () -> {
                provider.choose("Kind of support", "Personal care");
                provider.fill("Title", "Help with a bath");
                provider.fill("Description", "A bath or shower at home, with a hoist if you need one.");
                provider.fill("Price per unit (£)", "22.00");
                provider.tick("NB5");
                provider.tick("Monday");
                provider.clickButton("Add the listing");
                assertThat(provider.fieldError("Kind of support")).contains("CQC registration number");
                provider.fill("CQC registration number", "12345");
                provider.clickButton("Save CQC number");
                assertThat(provider.fieldError("CQC registration number")).contains("looks like 1-123456789");
                provider.fill("CQC registration number", "1-109876543");
                provider.clickButton("Save CQC number");
                provider.waitForText("Your CQC registration number is saved.");
                // what was typed into the listing is still there
                provider.clickButton("Add the listing");
                provider.waitForText("Help with a bath: £22.00 per hour (Published, not seen by others)");
            });
            provider.steps("provider-changes-a-price", () -> {
                provider.go(Page.LISTINGS);
                By change = By.xpath("//vaadin-button[@aria-label='Change Allotment gardening companion']");
                provider.click(change);
                provider.waitForText("Prices so far");
                provider.fill("Price per unit (£)", "10000.01");
                provider.clickButton("Save changes");
                assertThat(provider.fieldError("Price per unit (£)")).contains("at most £10,000.00");
                provider.fill("Price per unit (£)", "21.00");
                provider.clickButton("Save changes");
                provider.waitForText("Allotment gardening companion: £21.00 per hour");
                // the old price is kept, newest first; the refused one never became a price
                provider.click(change);
                String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))
                        .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
                String history = provider.textOf("price-history");
                assertThat(history).contains("£21.00 from " + today).contains("£19.50 from " + today)
                        .doesNotContain("£10,000.01");
                assertThat(history.indexOf("£21.00")).isLessThan(history.indexOf("£19.50"));
                provider.clickButton("Cancel");
                provider.waitForNotificationsToClose();
            });
            provider.steps("provider-invites-a-colleague", () -> {
                provider.fill("Your colleague's full name", "Rowan Green");
                provider.fill("A username for them", "provider");
                provider.clickButton("Invite them");
                assertThat(provider.fieldError("A username for them")).contains("taken");
                provider.fill("A username for them", "rowan.green");
                provider.clickButton("Invite them");
                colleagueLink[0] = provider.visible(By.cssSelector("#colleague-invitation-link input"))
                        .getDomProperty("value");
                assertThat(colleagueLink[0]).contains("/invitation/");
                provider.assertAccessible("the provider's listings page with an invitation");
            });
        }
        try (Browser colleague = new Browser()) {
            colleague.steps("colleague-joins", () -> {
                colleague.driver.get(colleagueLink[0]);
                colleague.fill("New password", "compost heap morning");
                colleague.fill("Type the password again", "compost heap morning");
                colleague.clickButton("Set my password");
                colleague.waitForText("Your password is set");
                colleague.signIn("rowan.green", "compost heap morning");
                colleague.go(Page.LISTINGS);
                assertThat(colleague.pageText()).contains("Green Fingers Companions").contains("Help with a bath");
            });
        }
        try (Browser commissioner = new Browser()) {
            commissioner.steps("commissioner-verifies", () -> {
                commissioner.signIn("commissioner", Browser.DEMO_PASSWORD);
                commissioner.waitForHeading("Hello, Nadia Okafor");
                commissioner.go(Page.PROVIDER_CHECKS);
                commissioner.assertAccessible("the provider checks page");
                // a CQC number given is a link to the register's own page for it, to check against
                assertThat(commissioner.driver.findElements(By.cssSelector(".cqc-link")).stream()
                        .map(a -> a.getDomAttribute("href")))
                        .contains("https://www.cqc.org.uk/provider/1-101234567");
                commissioner.click(By.xpath("//vaadin-button[@aria-label='Verify Green Fingers Companions']"));
                commissioner.waitForText("Green Fingers Companions: verified");
                // every decision is kept on the provider's card
                commissioner.waitForText("Verified (was waiting to be checked) by Nadia Okafor");
            });
        }
        try (Browser holder = new Browser()) {
            holder.steps("holder-finds-it", () -> {
                holder.signIn("holder", Browser.DEMO_PASSWORD);
                holder.waitForHeading("Hello, Sam Taylor");
                holder.go(Page.FIND_SUPPORT);
                // a district that is well formed but nobody's is said so, not "nothing matches"
                holder.fill("Postcode district", "ZZ9");
                holder.clickButton("Search");
                assertThat(holder.fieldError("Postcode district")).contains("We do not know the postcode district ZZ9");
                holder.fill("Postcode district", "NB4");
                holder.fill("What are you looking for?", "allotment garden");
                holder.clickButton("Search");
                holder.waitForText("Allotment gardening companion");
                assertThat(holder.textOf("search-results")).contains("Green Fingers Companions")
                        .contains("£21.00 per hour");
                holder.assertAccessible("the search results");
                holder.screenshot("find-support");
                holder.click(By.linkText("Allotment gardening companion"));
                holder.waitForHeading("Allotment gardening companion");
                // what the provider typed is shown as text, never as markup
                assertThat(holder.textOf("listing-description")).startsWith("<b>Company</b>");
                assertThat(holder.pageText()).contains("Yes, verified");
                holder.assertAccessible("a listing page");
                holder.screenshot("listing");

                holder.click(By.id("provider-profile-link"));
                holder.waitForHeading("Green Fingers Companions");
                assertThat(holder.pageText()).contains("Yes, verified").contains("Allotment gardening companion")
                        .contains("No reviews yet");
                holder.assertAccessible("a provider profile page");
                holder.screenshot("provider-profile");
            });
        }
    }

    @Test
    void searchResultsWorkOnAPhone() {
        try (Browser phone = new Browser(390, 844)) {
            phone.steps("search-on-a-phone", () -> {
                phone.signIn("holder", Browser.DEMO_PASSWORD);
                phone.waitForHeading("Hello, Sam Taylor");
                phone.go(Page.FIND_SUPPORT);
                phone.waitForText("Morning help at home");
                assertThat(phone.textOf("search-results")).contains("below typical here");
                assertThat(phone.fitsWidth()).isTrue();
                phone.assertAccessible("search on a phone");
                phone.screenshot("find-support-phone");
                phone.click(By.linkText("Riverside Home Care"));
                phone.waitForHeading("Riverside Home Care");
                assertThat(phone.pageText()).contains("Morning help at home").contains("CQC registration");
                assertThat(phone.fitsWidth()).isTrue();
                phone.screenshot("provider-profile-phone");
            });
        }
    }
}
