package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each demo user signs in, lands on their own home with their own details, and signs out. */
class SignInJourney {

    @ParameterizedTest(name = "{0} signs in and sees their home")
    @CsvSource(delimiter = '|', value = {
        "holder       | Sam Taylor   | Budget holder           | Postcode district NB4  | Money you can use now | Home;Find support;Budget;Purchases;Support plan;Proposals;Who can help me;Who has looked;Your details",
        "carer        | Jo Taylor    | Representative or carer | Area Northbrook        | Sam Taylor (Partner and carer) | Home;Clients;Find support;Budget;Purchases;Support plan;Proposals;Your details",
        "broker       | Priya Shah   | Broker                  | Northbrook Independent Living | Your caseload | Home;Clients;Find support;Budget;Purchases;Support plan;Your details",
        "provider     | Mark Owens   | Provider staff          | Riverside Home Care    | Areas you serve | Home;Your listings;Bookings;Quote requests;Your details",
        "commissioner | Nadia Okafor | Commissioner            | NHS Northbrook Integrated Care Board | Budget holders | Home;Area overview;Needs attention;Budget holders;Pooling and rules;Provider checks;Payments and disputes;Your details",
        "council      | Tom Reid     | Commissioner            | Northbrook Council     | Brokerages | Home;Area overview;Needs attention;Budget holders;Pooling and rules;Provider checks;Payments and disputes;Your details",
        "admin        | Morgan Lee   | Administrator           | Councils               | Waiting to set a password | Home;Organisations;Accounts;Your details",
    })
    void eachDemoRoleSignsInAndSeesTheirOwnHome(String username, String fullName, String roleLabel,
            String detail, String section, String menu) {
        try (Browser browser = new Browser()) {
            browser.go(Page.SIGN_IN);
            browser.assertAccessible("the sign-in page");

            browser.submitLogin(username, Browser.DEMO_PASSWORD);
            browser.waitForHeading("Hello, " + fullName);
            String page = browser.pageText().replaceAll("\\s+", " ");
            assertThat(page).contains(roleLabel, detail, section, "Sign out");
            // what matters to the person comes first; who they are signed in as comes last
            assertThat(page.indexOf(section)).isLessThan(page.indexOf("Your account"));
            assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("main .card")).getLast()
                    .getText()).startsWith("Your account");
            // the menu offers only what this role may open (the journeys run without Stripe keys, so no "Add money")
            assertThat(browser.menuItems()).containsExactly(menu.split(";"));
            browser.assertAccessible(username + "'s home");
            browser.screenshot("home-" + username);

            browser.signOut();
            // signing out ended the session: the home page now asks for a sign-in again
            browser.open("/");
            browser.waitForUrlContaining("/login");
        }
    }

    @Test
    void aBudgetHolderCanCheckTheirHomeOnAPhone() {
        try (Browser phone = new Browser(390, 844)) {
            phone.signIn("holder", Browser.DEMO_PASSWORD);
            phone.waitForHeading("Hello, Sam Taylor");
            assertThat(phone.pageText()).contains("Your budget");
            assertThat(phone.fitsWidth()).as("the page fits a phone without sideways scrolling").isTrue();
            // what a deployment runs: production mode, the app's own bundle, no development server
            assertThat(phone.driver.executeScript("return !!(window.Vaadin && window.Vaadin.developmentMode)"))
                    .isEqualTo(false);
            assertThat((String) phone.driver.executeScript("return document.documentElement.outerHTML"))
                    .contains("VAADIN/build/").doesNotContain("vaadin-dev-tools");
            phone.assertAccessible("the holder's home on a phone");
            phone.screenshot("home-holder-phone");
        }
    }
}
