package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Someone leaves Riverside: the administrator disables their account and the page they still have
 * open stops working at their next click; they cannot sign in until it is enabled again; when they
 * move to the brokerage, their open session ends and the next sign-in brings the broker's pages.
 */
class LeaverJourney {

    private static final String PASSWORD = "harbour lantern pebble";

    @Test
    void anAdministratorCutsALeaverOffAtOnceAndMovesThemToANewPost() {
        try (Browser admin = new Browser(); Browser leaver = new Browser()) {
            admin.steps("leaver-account-made", () -> {
                admin.signIn("admin", Browser.DEMO_PASSWORD);
                admin.go(Page.ACCOUNTS);
                admin.fill("Full name", "Lee Leaver");
                admin.fill("Username", "lee.leaver");
                admin.choose("Role", "Provider staff");
                admin.pickFromComboBox("Organisation", "Riverside Home Care");
                admin.clickButton("Create account and invitation");
                String link = admin.visible(By.cssSelector("#invitation-link input")).getDomProperty("value");
                leaver.driver.get(link);
                leaver.fill("New password", PASSWORD);
                leaver.fill("Type the password again", PASSWORD);
                leaver.clickButton("Set my password");
                leaver.waitForText("Your password is set");
                leaver.signIn("lee.leaver", PASSWORD);
                leaver.waitForHeading("Hello, Lee Leaver");
            });
            admin.steps("leaver-disabled", () -> {
                admin.click(By.xpath("//vaadin-button[@aria-label=\"Change Lee Leaver's account\"]"));
                admin.waitForText("Change Lee Leaver's account");
                admin.clickButton("Disable the account");
                assertThat(admin.fieldError("Why you are disabling it")).contains("Say why");
                admin.fill("Why you are disabling it", "Left Riverside on 30 November");
                admin.clickButton("Disable the account");
                admin.waitForText("Disabled: Left Riverside on 30 November (by Morgan Lee)");
                admin.assertAccessible("an account's changes");
                admin.screenshot("account-disabled");
            });
            leaver.steps("leaver-cut-off", () -> {
                // the page still open: its next click finds the session gone
                leaver.click(By.xpath("//vaadin-side-nav-item[normalize-space(.)='Bookings']"));
                leaver.waitForUrlContaining("/login");
                leaver.attemptSignIn("lee.leaver", PASSWORD);
                leaver.waitForLoginError("The username or password is not right");
            });
            admin.steps("leaver-back-and-moved", () -> {
                admin.clickButton("Enable the account");
                admin.waitForText("Enabled again (by Morgan Lee)");
            });
            leaver.steps("leaver-signs-in-again", () -> {
                leaver.signIn("lee.leaver", PASSWORD);
                leaver.waitForHeading("Hello, Lee Leaver");
            });
            admin.steps("leaver-moves", () -> {
                admin.choose("New role", "Broker");
                admin.pickFromComboBox("Organisation they work for", "Northbrook Independent Living");
                admin.clickButton("Save the new role");
                admin.waitForText("Role changed from provider staff at Riverside Home Care to broker at Northbrook "
                        + "Independent Living (by Morgan Lee)");
            });
            leaver.steps("mover-signs-in-as-broker", () -> {
                leaver.click(By.xpath("//vaadin-side-nav-item[normalize-space(.)='Bookings']"));
                leaver.waitForUrlContaining("/login");
                leaver.signIn("lee.leaver", PASSWORD);
                // the page they had asked for is a provider's, which a broker may not open
                leaver.waitForHeading("You do not have access to this page");
                leaver.open("/");
                leaver.waitForHeading("Hello, Lee Leaver");
                assertThat(leaver.menuItems()).contains("Clients").doesNotContain("Bookings");
                leaver.assertAccessible("the mover's broker home");
            });
        }
    }
}
