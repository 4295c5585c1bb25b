package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An administrator invites a new person; the link sets their password once and only once. */
class InvitationJourney {

    @Test
    void anInvitationLinkSetsAPasswordOnceAndIsRefusedTheSecondTime() {
        String link;
        try (Browser admin = new Browser()) {
            admin.signIn("admin", Browser.DEMO_PASSWORD);
            admin.waitForHeading("Hello, Morgan Lee");
            admin.go(Page.ACCOUNTS);
            admin.assertAccessible("the accounts page");

            // bad input is refused at the field and nothing is created
            admin.fill("Full name", "Alex Rivers");
            admin.fill("Username", "holder");
            admin.choose("Role", "Budget holder");
            admin.fill("Postcode district", "ZZ9");
            admin.clickButton("Create account and invitation");
            assertThat(admin.fieldError("Username")).contains("taken");
            assertThat(admin.fieldError("Postcode district")).contains("not a postcode district of this area");
            admin.assertAccessible("the accounts page showing errors");

            link = Administrator.createBudgetHolder(admin, "Alex Rivers", "alex.rivers");
            assertThat(link).contains("/invitation/");
            assertThat(admin.pageText()).contains("Invited: waiting for them to set a password");
            admin.screenshot("accounts-invitation");
        }

        try (Browser invitee = new Browser()) {
            invitee.driver.get(link);
            invitee.waitForText("Hello Alex Rivers");
            invitee.assertAccessible("the invitation page");
            invitee.screenshot("invitation");

            invitee.fill("New password", "short");
            invitee.fill("Type the password again", "short");
            invitee.clickButton("Set my password");
            assertThat(invitee.fieldError("New password")).contains("at least 10 characters");

            invitee.fill("New password", "river otter lantern");
            invitee.fill("Type the password again", "river otter lanterns");
            invitee.clickButton("Set my password");
            assertThat(invitee.fieldError("Type the password again")).contains("different");
            invitee.assertAccessible("the invitation page showing an error");
            invitee.screenshot("invitation-error");

            invitee.fill("New password", "river otter lantern");
            invitee.fill("Type the password again", "river otter lantern");
            invitee.clickButton("Set my password");
            invitee.waitForText("Your password is set");

            invitee.signIn("alex.rivers", "river otter lantern");
            invitee.waitForHeading("Hello, Alex Rivers");
            assertThat(invitee.pageText()).contains("NB2");
            invitee.signOut();

            invitee.driver.get(link);
            invitee.waitForText("This link has already been used");
            invitee.assertAccessible("a used invitation link");
        }
    }
}
