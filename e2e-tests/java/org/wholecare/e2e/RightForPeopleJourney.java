package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * What went wrong for people using Wholecare for real (issue 12), each seen where the person would
 * see it: every one of these failed before its fix.
 */
class RightForPeopleJourney {

    @Test
    void aSignedInPersonOpeningAnAddressThatIsNoPageGetsTheAppsPageNotFound() {
        try (Browser holder = new Browser()) {
            holder.steps("page-not-found", () -> {
                holder.signIn("holder", Browser.DEMO_PASSWORD);
                holder.waitForHeading("Hello, Sam Taylor");
                holder.open("/no-such-page");
                holder.waitForHeading("Page not found");
                assertThat(holder.pageText()).contains("Go to your home page").doesNotContain("HTTP ERROR");
                holder.screenshot("page-not-found-signed-in");
            });
        }
    }

    @Test
    void aKeyboardUserSkipsTheMenuToTheMainContentWithTheFirstTab() {
        try (Browser holder = new Browser()) {
            holder.steps("skip-link", () -> {
                holder.signIn("holder", Browser.DEMO_PASSWORD);
                holder.go(Page.PURCHASES);
                // a fresh load, so the keyboard starts at the top of the page
                holder.go(Page.PURCHASES);
                holder.press(Keys.TAB);
                assertThat(holder.focusedText()).isEqualTo("Skip to main content");
                holder.screenshot("skip-link-focused");
                holder.press(Keys.ENTER);
                assertThat(holder.focusIsOnPageContent()).as("the focus is on the page's content").isTrue();
                holder.assertAccessible("the purchases page after skipping the menu");
            });
        }
    }

    @Test
    void whoCanHelpFitsAPhoneOnceABrokerageMayHelp() {
        // Ayesha has let Northbrook Independent Living suggest services: her page shows that grant's history
        try (Browser phone = new Browser(360, 740)) {
            phone.steps("who-can-help-phone", () -> {
                phone.signIn("holder2", Browser.DEMO_PASSWORD);
                phone.go(Page.WHO_CAN_HELP);
                phone.waitForText("History of Northbrook Independent Living's access");
                phone.screenshot("who-can-help-360");
                assertThat(phone.fitsWidth()).as("nothing scrolls sideways at 360 px").isTrue();
            });
        }
    }

    @Test
    void thePoolingRulesSayWhatHappensWhenAPersonHasNoMoneyInAStreamAndTheyAndThePlanFitAPhone() {
        try (Browser phone = new Browser(360, 740)) {
            phone.steps("pooling-rules-phone", () -> {
                phone.signIn("commissioner", Browser.DEMO_PASSWORD);
                phone.go(Page.POOLING);
                assertThat(phone.textOf("when-a-stream-is-missing"))
                        .contains("that stream's share is paid by the other streams for that kind of support")
                        .contains("only the private top-up (money the person adds by card) may pay the rest");
                phone.assertAccessible("the pooling and spending rules");
                phone.screenshot("pooling-rules-360");
                assertThat(phone.fitsWidth()).as("nothing scrolls sideways at 360 px").isTrue();
            });
        }
        try (Browser phone = new Browser(360, 740)) {
            phone.steps("support-plan-phone", () -> {
                phone.signIn("holder", Browser.DEMO_PASSWORD);
                phone.go(Page.SUPPORT_PLAN);
                phone.screenshot("support-plan-360");
                assertThat(phone.fitsWidth()).as("nothing scrolls sideways at 360 px").isTrue();
            });
        }
    }

    @Test
    void textTooLongIsRefusedAtItsFieldAndNothingIsSavedInsteadOfBeingCut() {
        try (Browser commissioner = new Browser()) {
            commissioner.steps("long-name", () -> {
                commissioner.signIn("commissioner", Browser.DEMO_PASSWORD);
                commissioner.go(Page.BUDGET_HOLDERS);
                String longName = "Alexandra Bartholomew-Featherstonehaugh ".repeat(6).strip();
                assertThat(longName.length()).isGreaterThan(200);
                commissioner.fill("Full name", longName);
                commissioner.fill("Username for signing in", "alexandra.long");
                commissioner.fill("Date of birth", "3/5/1959");
                commissioner.fill("NHS number", "612 345 6709");
                commissioner.fill("Postcode district", "NB6");
                commissioner.clickButton("Register and create invitations");
                assertThat(commissioner.fieldError("Full name")).contains("200 characters or fewer");
                assertThat(commissioner.pageText()).doesNotContain("is registered");
                commissioner.assertAccessible("the registration form refusing a long name");
            });
        }
        try (Browser provider = new Browser()) {
            provider.steps("long-reply", () -> {
                provider.signIn("provider", Browser.DEMO_PASSWORD);
                provider.go(Page.LISTINGS);
                provider.click(By.linkText("See your profile as others see it, and reply to reviews"));
                provider.waitForHeading("Riverside Home Care");
                provider.fill("Your reply", "Thank you for your kind words. ".repeat(70));
                provider.clickButton("Reply");
                assertThat(provider.fieldError("Your reply")).contains("2,000 characters or fewer");
                assertThat(provider.pageText()).doesNotContain("Reply from Riverside Home Care");
            });
        }
    }

    @Test
    void aSearchForAWordThatIsNoDistrictQuotesWhatWasTyped() {
        try (Browser holder = new Browser()) {
            holder.steps("district-hello", () -> {
                holder.signIn("holder", Browser.DEMO_PASSWORD);
                holder.go(Page.FIND_SUPPORT);
                holder.fill("Postcode district", "hello");
                holder.clickButton("Search");
                assertThat(holder.fieldError("Postcode district")).startsWith("\"hello\" is not a postcode district");
            });
        }
    }

    @Test
    void aStartOnADayTheServiceDoesNotRunAndDeliveryAheadOfWhatIsDueAreRefusedAtTheirFields() {
        String dayCentre = "Day centre with lunch and activities";
        java.time.LocalDate today = java.time.LocalDate.now(org.wholecare.shared.UkTime.ZONE);
        try (Browser holder = new Browser(); Browser provider = new Browser()) {
            holder.steps("start-on-a-day-it-does-not-run", () -> {
                holder.signIn("holder", Browser.DEMO_PASSWORD);
                holder.go(Page.FIND_SUPPORT);
                holder.fill("What are you looking for?", "day centre");
                holder.clickButton("Search");
                holder.click(By.linkText(dayCentre));
                holder.waitForHeading(dayCentre);
                // the longest label on the form is read whole, not cut off with "…"
                holder.waitForText("Which part of the support plan this is for (optional)");
                Boolean labelWhole = (Boolean) holder.driver.executeScript("""
                        const select = [...document.querySelectorAll('vaadin-select')]
                            .find(s => s.label && s.label.startsWith('Which part of the support plan'));
                        const label = select.shadowRoot.querySelector('[part=label]');
                        return label.scrollWidth <= label.clientWidth + 1;""");
                assertThat(labelWhole).as("the plan line label is shown whole").isTrue();
                holder.fill("How many days each time", "1");
                holder.fill("Starting on", Browser.firstDayOn(today.plusDays(1), java.time.DayOfWeek.TUESDAY));
                holder.clickButton("Check the cost");
                assertThat(holder.fieldError("Starting on")).startsWith(dayCentre
                        + " runs on Monday, Wednesday and Friday. Choose a start on one of those days, such as");
                assertThat(holder.pageText()).doesNotContain("Confirm the booking");
                holder.assertAccessible("a booking whose start is a day the service does not run");
                // Sam's own review of Riverside is his to read, not to report
                holder.go(Page.FIND_SUPPORT);
                holder.fill("What are you looking for?", "morning help");
                holder.clickButton("Search");
                holder.click(By.linkText("Morning help at home"));
                holder.waitForHeading("Morning help at home");
                holder.waitForText("This is your review.");
                assertThat(holder.driver.findElements(By.xpath("//vaadin-button[normalize-space(.)='Report this "
                        + "review']"))).isEmpty();
            });
            // Sam's morning help is 10 hours a week from the day the demo loaded: 10 are due and recorded
            provider.steps("delivery-ahead-of-what-is-due", () -> {
                provider.signIn("provider", Browser.DEMO_PASSWORD);
                provider.go(Page.BOOKINGS);
                provider.waitForText("10 of 40 (10 due by today)");
                provider.fillWithin("booking", "Morning help at home for Sam", "Hours delivered", "10");
                provider.click(By.xpath("//vaadin-button[@aria-label='Record delivery of Morning help at home']"));
                assertThat(provider.fieldErrorWithin("booking", "Morning help at home for Sam", "Hours delivered"))
                        .isEqualTo("Nothing more was due by "
                        + org.wholecare.shared.UkTime.day(today) + ". Record each visit once it has happened.");
                assertThat(provider.pageText()).contains("10 of 40 (10 due by today)");
                provider.assertAccessible("the provider's bookings with delivery refused as not yet due");
            });
        }
    }

    @Test
    void aBrokerageManagedBudgetSaysWhoHoldsTheMoneyAndWhatTheBrokerageMayDoAsTwoThings() {
        try (Browser holder = new Browser()) {
            holder.steps("who-holds-the-money-and-who-may-act", () -> {
                holder.signIn("holder2", Browser.DEMO_PASSWORD);
                holder.go(Page.BUDGET);
                holder.waitForText("Who may act for you");
                assertThat(holder.pageText()).contains("A brokerage holds the money and pays providers for the "
                        + "support you agree to. What the brokerage may do for you is a separate choice")
                        .doesNotContain("on your behalf");
                // Ayesha let the brokerage propose, not buy
                assertThat(holder.textOf("who-may-act")).contains("Northbrook Independent Living may see "
                        + "everything, shortlist services, ask for quotes, draft plan changes and propose purchases")
                        .doesNotContain("buying services");
                holder.assertAccessible("a brokerage-managed budget with who may act");
            });
        }
    }

    @Test
    void aBookingRefusedAtConfirmLeavesNoOldCostOrConfirmButtonBehind() {
        String service = "Occupational therapy home assessment";
        // Ayesha books, not Sam: other journeys check Sam's figures to the penny
        try (Browser holder = new Browser(); Browser physio = new Browser()) {
            holder.steps("refused-at-confirm", () -> {
                holder.signIn("holder2", Browser.DEMO_PASSWORD);
                holder.go(Page.FIND_SUPPORT);
                holder.fill("What are you looking for?", "occupational therapy");
                holder.clickButton("Search");
                holder.click(By.linkText(service));
                holder.waitForHeading(service);
                holder.fill("Starting on", today());
                holder.clickButton("Check the cost");
                holder.waitForText("£60.00 in all");
            });
            // while the cost is on Ayesha's screen, the provider pauses the listing
            try {
                physio.steps("provider-pauses", () -> {
                    physio.signIn("physio", Browser.DEMO_PASSWORD);
                    physio.go(Page.LISTINGS);
                    physio.click(By.xpath("//vaadin-button[@aria-label='Change " + service + "']"));
                    physio.choose("Status", "Paused");
                    physio.clickButton("Save changes");
                    physio.waitForText(service + ": £60.00 per session (Paused");
                });
                holder.steps("confirm-refused", () -> {
                    holder.clickButton("Confirm the booking");
                    holder.waitForText("Nothing was booked");
                    assertThat(holder.textOf("booking-preview")).doesNotContain("£60.00 in all");
                    assertThat(holder.driver.findElements(By.xpath(
                            "//vaadin-button[normalize-space(.)='Confirm the booking']"))
                            .stream().noneMatch(b -> b.isDisplayed())).as("no Confirm button left").isTrue();
                    holder.assertAccessible("a listing whose booking was refused at confirm");
                    // the same link, opened while the service is paused, says so in plain words
                    holder.open(holder.driver.getCurrentUrl().replaceFirst("^https?://[^/]+", ""));
                    holder.waitForHeading("This service is not available");
                    assertThat(holder.pageText()).contains("not offering this service at the moment")
                            .doesNotContain("You do not have access").doesNotContain("administrator");
                });
            } finally {
                // the listing is published again for everyone else
                physio.steps("provider-publishes-again", () -> {
                    physio.click(By.xpath("//vaadin-button[@aria-label='Change " + service + "']"));
                    physio.choose("Status", "Published");
                    physio.clickButton("Save changes");
                    physio.waitForText(service + ": £60.00 per session (Published");
                });
            }
            // booked once it can be, then delivered and invoiced in full: nothing is left to do on it
            holder.steps("booked-after-all", () -> {
                holder.open(holder.driver.getCurrentUrl().replaceFirst("^https?://[^/]+", ""));
                holder.waitForHeading(service);
                holder.fill("Starting on", today());
                holder.clickButton("Check the cost");
                holder.waitForText("£60.00 in all");
                holder.clickButton("Confirm the booking");
                holder.waitForText("Booked: £60.00 is set aside");
            });
            physio.steps("delivered-and-invoiced-in-full", () -> {
                physio.go(Page.BOOKINGS);
                physio.click(By.xpath("//vaadin-button[@aria-label='Accept the booking of " + service + "']"));
                physio.waitForText("Sessions delivered");
                physio.fillWithin("booking", service, "Sessions delivered", "1");
                physio.click(By.xpath("//vaadin-button[@aria-label='Record delivery of " + service + "']"));
                physio.waitForText("Sessions to invoice");
                physio.fillWithin("booking", service, "Sessions to invoice", "1");
                physio.click(By.xpath("//vaadin-button[@aria-label='Send an invoice for " + service + "']"));
                physio.waitForText("Everything booked has been delivered and invoiced.");
                assertThat(physio.driver.findElements(By.xpath("//vaadin-button[@aria-label='Record delivery of "
                        + service + "' or @aria-label='Send an invoice for " + service + "']"))).isEmpty();
                physio.screenshot("provider-bookings-nothing-left-to-do");
                physio.assertAccessible("the provider's bookings with one delivered and invoiced in full");
            });
        }
    }

    @Test
    void aCarerOrCommissionerReadsSamsBudgetInWordsAboutSamNotAboutThemselves() {
        try (Browser carer = new Browser()) {
            carer.steps("carer-reads-sams-budget", () -> {
                carer.signIn("carer", Browser.DEMO_PASSWORD);
                carer.open("/budget");
                carer.waitForHeading("Sam Taylor's budget");
                assertThat(carer.pageText()).contains("Sam's budget at a glance").contains("The money is paid to Sam")
                        .contains("Sam's assessed contribution").doesNotContain("Your budget at a glance")
                        .doesNotContain("paid to you").doesNotContain("Your assessed contribution");
            });
        }
        try (Browser commissioner = new Browser()) {
            commissioner.steps("commissioner-reads-sams-record", () -> {
                commissioner.signIn("commissioner", Browser.DEMO_PASSWORD);
                commissioner.go(Page.BUDGET_HOLDERS);
                commissioner.click(By.linkText("Sam Taylor"));
                commissioner.waitForHeading("Sam Taylor");
                commissioner.waitForText("Sam's budget at a glance");
                assertThat(commissioner.pageText()).contains("Sam's assessed contribution")
                        .doesNotContain("Your budget at a glance").doesNotContain("paid to you");
            });
        }
    }

    @Test
    void aCarerForOnePersonWhoStopsActingForThemIsNoLongerActingForThem() {
        try (Browser carer = new Browser()) {
            carer.steps("carer-stops-acting", () -> {
                carer.signIn("carer", Browser.DEMO_PASSWORD);
                carer.waitForText("You are acting for Sam Taylor");
                carer.clickButton("Stop acting for Sam Taylor");
                carer.waitForIdle();
                assertThat(carer.pageText()).doesNotContain("You are acting for Sam Taylor");
                carer.open("/budget");
                carer.waitForText("You are not acting for anyone now");
                assertThat(carer.pageText()).doesNotContain("You are acting for Sam Taylor")
                        .doesNotContain("Sam's budget at a glance");
                // choosing Sam again acts for Sam again
                carer.open("/");
                carer.click(By.linkText("Sam Taylor"));
                carer.waitForText("You are acting for Sam Taylor");
            });
        }
    }

    @Test
    void eachBookingSaysWhichPartOfThePlanItServesAndThePlanShowsWhatWasBookedAndSpentForEachLine() {
        try (Browser holder = new Browser()) {
            holder.steps("plan-lines-and-spending", () -> {
                holder.signIn("holder", Browser.DEMO_PASSWORD);
                holder.go(Page.PURCHASES);
                assertThat(holder.pageText()).contains("Part of the support plan")
                        .contains("Help getting up and dressed, 10 hours a week");
                holder.go(Page.SUPPORT_PLAN);
                // Sam's personal care: 40 hours at £24.50 booked, the first week's 10 spent; physiotherapy booked, not yet spent
                String plan = holder.textOf("agreed-plan");
                assertThat(plan).contains("Booked for it").contains("Spent on it");
                assertThat(plan.lines().filter(l -> l.contains("Help getting up and dressed")).findFirst().orElseThrow())
                        .contains("£980.00").contains("£245.00");
                assertThat(plan.lines().filter(l -> l.contains("Physiotherapy at home")).findFirst().orElseThrow())
                        .contains("£360.00").contains("£0.00");
                holder.assertAccessible("the support plan with what was booked and spent for each line");
                holder.screenshot("plan-with-spending");
            });
        }
    }

    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))
                .format(java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy"));
    }
}
