package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Typing the address of a page your role may not open shows an access-denied page, never data. */
class AccessControlJourney {

    @Test
    void aBrokerTypingACommissionerOrAdministratorAddressIsDenied() {
        try (Browser broker = new Browser()) {
            broker.signIn("broker", Browser.DEMO_PASSWORD);
            broker.waitForHeading("Hello, Priya Shah");

            broker.openRefused("/commissioner");
            assertThat(broker.pageText()).doesNotContain("Budget holders").doesNotContain("Nadia Okafor");
            broker.assertAccessible("the access-denied page");
            broker.screenshot("access-denied");

            broker.openRefused("/admin/accounts");
            assertThat(broker.pageText()).doesNotContain("Morgan Lee").doesNotContain("Create an account");
        }
    }

    @Test
    void someoneNotSignedInIsSentToSignIn() {
        try (Browser browser = new Browser()) {
            browser.open("/admin/accounts");
            browser.waitForUrlContaining("/login");
            browser.waitForHeading("Wholecare");
        }
    }
}
