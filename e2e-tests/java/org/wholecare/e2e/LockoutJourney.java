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
    void fiveWrongPasswordsLockTheAccountElsewhereButNotOnTheOwnersOwnBrowser() {
        String link;
        try (Browser admin = new Browser()) {
            admin.signIn("admin", Browser.DEMO_PASSWORD);
            admin.waitForHeading("Hello, Morgan Lee");
            link = Administrator.createBudgetHolder(admin, "Lee Lockwood", "lee.lockwood");
        }
        try (Browser owner = new Browser(); Browser stranger = new Browser()) {
            owner.driver.get(link);
            owner.fill("New password", "correct horse battery");
            owner.fill("Type the password again", "correct horse battery");
            owner.clickButton("Set my password");
            owner.waitForText("Your password is set");
            owner.signIn("lee.lockwood", "correct horse battery");
            owner.signOut();

            for (int attempt = 1; attempt <= 5; attempt++) {
                stranger.attemptSignIn("lee.lockwood", "wrong password " + attempt);
                stranger.waitForLoginError(REFUSED);
            }
            // locked for every browser it does not know, even with the right password...
            stranger.attemptSignIn("lee.lockwood", "correct horse battery");
            stranger.waitForLoginError(REFUSED);
            assertThat(stranger.driver.getCurrentUrl()).contains("/login");
            // ...but whoever typed the username cannot keep its owner out of their own browser
            owner.signIn("lee.lockwood", "correct horse battery");
            owner.waitForHeading("Hello, Lee Lockwood");
        }
        try (Browser admin = new Browser()) {
            admin.signIn("admin", Browser.DEMO_PASSWORD);
            admin.waitForHeading("Hello, Morgan Lee");
            admin.go(Page.ACCOUNTS);
            admin.waitForText("Lee Lockwood");
            assertThat(admin.pageText()).contains("Locked until");
        }
    }

    @Test
    void tooManyTriesFromOnePlaceSayWhatToDoWithoutNamingAnyAccount() {
        try (Browser browser = new Browser()) {
            browser.open("/login?error&tries");
            browser.waitForLoginError("too many wrong tries from where you are");
            assertThat(browser.loginError()).contains("Wait a minute").doesNotContainIgnoringCase("account");
            browser.assertAccessible("the sign-in page after too many tries");
        }
    }
}
