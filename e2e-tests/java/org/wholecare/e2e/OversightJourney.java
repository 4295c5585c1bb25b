package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.Test;

/**
 * A commissioner looks at their area as a whole: each stream's money for the year, and their own
 * stream's spending by month, kind of support and provider, every chart next to its table; a
 * period typed wrongly into the address is said at the field, with no figures.
 */
class OversightJourney {

    @Test
    void anNhsCommissionerReadsTheAreaOverviewWhoseFiguresAddUpAndChoosesAnotherPeriod() {
        try (Browser commissioner = new Browser()) {
            commissioner.steps("area-overview", () -> {
                commissioner.signIn("commissioner", Browser.DEMO_PASSWORD);
                commissioner.go(Page.AREA_OVERVIEW);
                commissioner.waitForText("Money by funding stream");
                assertThat(commissioner.textOf("area-figures")).contains("You are at NHS Northbrook Integrated "
                        + "Care Board: NHS health is shown in detail, the other streams as totals.");
                // every money column of the stream table adds up to its total row
                addsUp(commissioner, "money-by-stream");
                addsUp(commissioner, "spending-by-month");
                // the NHS's share of Sam's first week of morning help (40% of £245.00), at least
                assertThat(commissioner.textOf("spending-by-kind")).contains("Personal care");
                assertThat(commissioner.textOf("spending-by-provider")).contains("Riverside Home Care");
                assertThat(commissioner.textOf("spending-by-kind")).doesNotContain("Council social care");
                assertThat(commissioner.textOf("people-with-a-budget")).contains("Managed by a brokerage");
                commissioner.assertAccessible("the area overview");
                commissioner.screenshot("area-overview");
            });
            commissioner.steps("another-period", () -> {
                String month = java.time.YearMonth.now(org.wholecare.shared.UkTime.ZONE).format(
                        java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.UK));
                commissioner.choose("Period", month);
                commissioner.waitForUrlContaining("period=");
                commissioner.waitForText(", " + month + ", as at");
                addsUp(commissioner, "money-by-stream");
            });
            commissioner.steps("a-period-that-cannot-be", () -> {
                commissioner.open("/commissioner/overview?period=2026-13");
                commissioner.waitForHeading("Area overview");
                assertThat(commissioner.fieldError("Period")).contains("That is not a period Wholecare knows");
                assertThat(commissioner.pageText()).doesNotContain("Money by funding stream");
                commissioner.open("/commissioner/overview?period=FY2099");
                commissioner.waitForHeading("Area overview");
                assertThat(commissioner.fieldError("Period")).contains("has not started yet");
                commissioner.assertAccessible("the area overview with a period that cannot be shown");
            });
        }
        try (Browser phone = new Browser(360, 740)) {
            phone.steps("area-overview-phone", () -> {
                phone.signIn("council", Browser.DEMO_PASSWORD);
                phone.go(Page.AREA_OVERVIEW);
                phone.waitForText("Money by funding stream");
                assertThat(phone.textOf("area-figures")).contains("Council social care and Assessed contribution "
                        + "are shown in detail");
                phone.screenshot("area-overview-360");
                assertThat(phone.fitsWidth()).as("nothing scrolls sideways at 360 px").isTrue();
            });
        }
    }

    @Test
    void aCommissionerFollowsWhatNeedsAttentionToThePersonWhoSeesItInWhoHasLooked() {
        try (Browser commissioner = new Browser()) {
            commissioner.steps("needs-attention", () -> {
                commissioner.signIn("council", Browser.DEMO_PASSWORD);
                commissioner.go(Page.NEEDS_ATTENTION);
                // Sam's budget began seven months ago and most of it is still unused
                assertThat(commissioner.textOf("reason-surplus")).contains("Sam Taylor: ")
                        .contains("would be left unspent: more than 8 weeks of planned spending");
                commissioner.assertAccessible("the needs-attention list");
                commissioner.screenshot("needs-attention");
                // a threshold out of range is refused at its field, and nothing changes
                commissioner.fill("Surplus threshold, in weeks of planned spending", "0");
                commissioner.clickButton("Save the thresholds");
                assertThat(commissioner.fieldError("Surplus threshold, in weeks of planned spending"))
                        .contains("from 1 to 52");
                commissioner.click(By.xpath("//ul[@id='reason-surplus']//a[normalize-space(.)='Sam Taylor']"));
                commissioner.waitForHeading("Sam Taylor");
                // continuing healthcare is the NHS's decision: the council sees it and cannot change it
                assertThat(commissioner.textOf("continuing-healthcare")).contains("The NHS commissioner records this");
                assertThat(commissioner.pageText()).doesNotContain("Save the NHS decision");
            });
        }
        try (Browser nhs = new Browser()) {
            nhs.steps("continuing-healthcare", () -> {
                nhs.signIn("commissioner", Browser.DEMO_PASSWORD);
                nhs.go(Page.NEEDS_ATTENTION);
                nhs.click(By.xpath("//ul[@id='reason-surplus']//a[normalize-space(.)='Sam Taylor']"));
                nhs.waitForHeading("Sam Taylor");
                assertThat(nhs.textOf("continuing-healthcare-now")).isEqualTo("Sam is not recorded as eligible for "
                        + "NHS continuing healthcare.");
                nhs.tick("Eligible for NHS continuing healthcare");
                nhs.clickButton("Save the NHS decision");
                nhs.waitForText("Sam is recorded as eligible for NHS continuing healthcare.");
                nhs.assertAccessible("a person's page with continuing healthcare recorded");
                nhs.screenshot("continuing-healthcare");
                // put back as the demo has it, for the journeys that follow
                nhs.tick("Eligible for NHS continuing healthcare");
                nhs.clickButton("Save the NHS decision");
                nhs.waitForText("Sam is not recorded as eligible for NHS continuing healthcare.");
            });
        }
        try (Browser holder = new Browser()) {
            holder.steps("holder-sees-who-looked", () -> {
                holder.signIn("holder", Browser.DEMO_PASSWORD);
                holder.go(Page.ACCESS_LOG);
                assertThat(holder.textOf("access-log")).contains("Tom Reid")
                        .contains("Saw in the needs-attention list")
                        .contains("Recorded eligibility for NHS continuing healthcare");
            });
        }
    }

    @Test
    void aVisitorWithNoAccountComparesTheAreasAndDownloadsTheFiguresAsOpenData() {
        try (Browser visitor = new Browser()) {
            visitor.steps("public-comparison", () -> {
                visitor.open("/login");
                visitor.click(By.linkText("How areas compare"));
                visitor.waitForHeading("How areas compare");
                // Northbrook's two budget holders are fewer than 5: the count is not given
                assertThat(visitor.textOf("area-people")).contains("Northbrook").contains("fewer than 5")
                        .doesNotContain("Sam Taylor");
                assertThat(visitor.textOf("area-prices")).contains("Personal care");
                visitor.assertAccessible("the public comparison of areas");
                visitor.screenshot("how-areas-compare");
                String csv = visitor.fetchText(By.linkText("CSV"));
                assertThat(csv).startsWith("area_id,area,adult_population,people_with_a_budget,")
                        .contains(",Northbrook,152000,fewer than 5,").contains("Open Government Licence v3.0");
                visitor.click(By.linkText("Northbrook"));
                visitor.waitForHeading("Northbrook over time");
                visitor.assertAccessible("one area over time");
                visitor.open("/areas/999999");
                visitor.waitForHeading("There is no such area");
            });
        }
        try (Browser phone = new Browser(360, 740)) {
            phone.steps("public-comparison-phone", () -> {
                phone.open("/areas");
                phone.waitForHeading("How areas compare");
                phone.screenshot("how-areas-compare-360");
                assertThat(phone.fitsWidth()).as("nothing scrolls sideways at 360 px").isTrue();
            });
        }
    }

    /** Each money column of the card's table adds up, to the penny, to its total row. */
    private static void addsUp(Browser browser, String cardId) {
        WebElement table = browser.driver.findElement(By.cssSelector("#" + cardId + " table"));
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        List<WebElement> total = table.findElements(By.cssSelector("tfoot tr td"));
        assertThat(rows).isNotEmpty();
        for (int column = 0; column < total.size(); column++) {
            long sum = 0;
            for (WebElement row : rows) {
                sum += Figures.pence(row.findElements(By.cssSelector("td")).get(column).getDomProperty("textContent"));
            }
            assertThat(sum).as(cardId + " column " + (column + 1))
                    .isEqualTo(Figures.pence(total.get(column).getDomProperty("textContent")));
        }
    }
}
