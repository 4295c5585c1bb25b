package org.wholecare.e2e;

import org.openqa.selenium.By;

/** What the journeys ask the demo administrator to do through the Accounts page. */
final class Administrator {

    private Administrator() {
    }

    /** Creates a budget holder in Northbrook and returns the invitation link the page shows. */
    static String createBudgetHolder(Browser admin, String fullName, String username) {
        admin.go(Page.ACCOUNTS);
        admin.fill("Full name", fullName);
        admin.fill("Username", username);
        admin.choose("Role", "Budget holder");
        admin.fill("Postcode district", "NB2");
        admin.clickButton("Create account and invitation");
        return admin.visible(By.cssSelector("#invitation-link input")).getDomProperty("value");
    }
}
