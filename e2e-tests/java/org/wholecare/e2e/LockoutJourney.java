package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Wrong passwords are refused without saying whether the account exists; five lock it. */
class LockoutJourney {

    private static final String REFUSED = "The username or password is not right";

    @Test
    void aWrongPasswordIsRefusedWithoutHintingWhetherTheUserExists() {
        try (Browser browser = new Browser()) {
            browser.attemptSignIn("holder", "not-the-password");
            browser.waitForLoginError(REFUSED);
            assertThat(browser.driver.getCurrentUrl()).contains("/login");
            browser.assertAccessible("the sign-in page with an error");
            browser.screenshot("login-error");

            browser.attemptSignIn("nobody-by-this-name", "not-the-password");
            browser.waitForLoginError(REFUSED);
            assertThat(browser.pageText()).doesNotContainIgnoringCase("no such user")
                    .doesNotContainIgnoringCase("unknown user");
        }
    }

    @Test
    void fiveWrongPasswordsInARowLockTheAccountEvenAgainstTheRightPassword() {
        String link;
        try (Browser admin = new Browser()) {
            admin.signIn("admin", Browser.DEMO_PASSWORD);
            admin.waitForHeading("Hello, Morgan Lee");
            link = Administrator.createBudgetHolder(admin, "Lee Lockwood", "lee.lockwood");
        }
        try (Browser browser = new Browser()) {
            browser.driver.get(link);
            browser.fill("New password", "correct horse battery");
            browser.fill("Type the password again", "correct horse battery");
            browser.clickButton("Set my password");
            browser.waitForText("Your password is set");

            for (int attempt = 1; attempt <= 5; attempt++) {
                browser.attemptSignIn("lee.lockwood", "wrong password " + attempt);
                browser.waitForLoginError(REFUSED);
            }
            browser.attemptSignIn("lee.lockwood", "correct horse battery");
            browser.waitForLoginError(REFUSED);
            assertThat(browser.driver.getCurrentUrl()).contains("/login");
        }
        try (Browser admin = new Browser()) {
            admin.signIn("admin", Browser.DEMO_PASSWORD);
            admin.waitForHeading("Hello, Morgan Lee");
            admin.open("/admin/accounts");
            admin.waitForText("Lee Lockwood");
            assertThat(admin.pageText()).contains("Locked until");
        }
    }
}
