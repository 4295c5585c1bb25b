package org.wholecare.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driving the running app, as a person would: it signs in with the demo
 * users, waits for what appears, and checks every page it visits with axe-core.
 */
final class Browser implements AutoCloseable {

    static final String DEMO_PASSWORD = "wholecare-demo";
    private static final List<String> WCAG_TAGS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final String FIELDS =
            "vaadin-text-field, vaadin-password-field, vaadin-combo-box, vaadin-select, vaadin-text-area, "
                    + "vaadin-date-picker, vaadin-email-field, vaadin-checkbox-group, vaadin-integer-field, "
                    + "vaadin-big-decimal-field, vaadin-number-field";

    final ChromeDriver driver;
    private final WebDriverWait wait;

    Browser() {
        this(1280, 900);
    }

    Browser(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        if (new File("/usr/bin/chromium").canExecute()) {
            options.setBinary("/usr/bin/chromium");
        }
        if (new File("/usr/bin/chromedriver").canExecute()) {
            System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        }
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--lang=en-GB", "--window-size=" + width + "," + height,
                    // as a person who asks for less motion: pages settle sooner and axe sees them still
                    "--force-prefers-reduced-motion",
                    "--user-data-dir=" + Files.createTempDirectory("wholecare-chromium"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // the browser's console, to see anything the Content-Security-Policy refused
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        driver = new ChromeDriver(options);
        driver.manage().window().setSize(new Dimension(width, height));
        // a limit, not a pause: every wait ends as soon as its condition holds; a busy machine needs room
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        // Vaadin re-renders after each server round trip: an element found a moment ago may be
        // replaced, so look again rather than fail
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        // a notification or a closing overlay may sit over a button for a moment; the click did
        // not happen, so trying again is safe
        wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class);
    }

    /** Runs a journey's steps, keeping a screenshot and the page's text if a step fails. */
    void steps(String journey, Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            screenshot("FAILED-" + journey);
            try {
                Files.writeString(Path.of("target", "screenshots", "FAILED-" + journey + ".txt"), pageText());
            } catch (IOException | RuntimeException ignored) {
                // the screenshot is the main evidence; the text is a bonus
            }
            throw e;
        }
    }

    void open(String path) {
        driver.get(JourneyApp.baseUrl() + path);
        waitForIdle();
    }

    /** Opens one of the app's pages and waits until it has loaded (its heading shows). */
    void go(Page page) {
        open(page.path);
        waitForHeading(page.heading);
    }

    /** Opens an address this person may not see, and waits for the app's refusal. */
    void openRefused(String path) {
        open(path);
        waitForHeading("You do not have access to this page");
    }

    /** True when no page's Flow client has a server round trip under way. */
    private static final String IDLE = """
            if (!window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients) { return true; }
            return Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());
            """;

    /** Waits until the app has answered the last thing done: no server round trip under way. */
    void waitForIdle() {
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript(IDLE)));
    }

    /**
     * Waits until nothing on the page is moving (a notification fading in or out, an overlay opening),
     * so axe judges the page as a person would see it once it has settled. Endless animations (the
     * loading bar's) are left out: they never finish.
     */
    void waitForStillness() {
        wait.until(d -> Boolean.TRUE.equals(((org.openqa.selenium.JavascriptExecutor) d).executeAsyncScript(STILL)));
    }

    /**
     * Still for two painted frames: no notification card opening or closing (their fades run in
     * shadow roots, so each card is asked for its own animations too), nothing else running.
     */
    private static final String STILL = """
            const done = arguments[arguments.length - 1];
            requestAnimationFrame(() => requestAnimationFrame(() => {
                const cards = [...document.querySelectorAll('vaadin-notification-card')];
                if (cards.some(c => c.hasAttribute('opening') || c.hasAttribute('closing'))) { done(false); return; }
                const all = document.getAnimations().concat(...cards.map(c => c.getAnimations({subtree: true})));
                done(all.every(a => a.playState !== 'running'
                    || (a.effect && a.effect.getTiming && a.effect.getTiming().iterations === Infinity)));
            }));
            """;

    /**
     * Signs in through the login page and waits until the person is in (the shell's sign-out button
     * shows): opening another page before the sign-in has landed would race it back to the login page.
     */
    void signIn(String username, String password) {
        attemptSignIn(username, password);
        visible(By.cssSelector("vaadin-button.sign-out"));
    }

    /** Submits the login page with these details, expecting nothing of the outcome. */
    void attemptSignIn(String username, String password) {
        open("/login");
        submitLogin(username, password);
    }

    void submitLogin(String username, String password) {
        WebElement user = clickable(By.cssSelector("vaadin-login-form vaadin-text-field[name='username'] input"));
        user.clear();
        user.sendKeys(username);
        WebElement pass = clickable(By.cssSelector("vaadin-login-form vaadin-password-field[name='password'] input"));
        pass.clear();
        pass.sendKeys(password);
        clickable(By.cssSelector("vaadin-login-form vaadin-button[slot='submit'], vaadin-login-form vaadin-button"))
                .click();
    }

    void signOut() {
        click(By.cssSelector("vaadin-button.sign-out"));
        waitForUrlContaining("/login");
    }

    WebElement clickable(By by) {
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until the page's main heading reads {@code text}. */
    void waitForHeading(String text) {
        // read in the page itself: Vaadin re-renders while loading, so element handles go stale
        wait.until(d -> ((List<?>) driver.executeScript(
                "return Array.from(document.querySelectorAll('h1')).map(h => h.innerText.trim())")).contains(text));
    }

    /** Whether the page fits the window's width, with nothing to scroll sideways (WCAG 1.4.10 reflow). */
    boolean fitsWidth() {
        return (Boolean) driver.executeScript("""
                const layout = document.querySelector('vaadin-app-layout');
                const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[part~="content"]');
                const doc = document.documentElement;
                return doc.scrollWidth <= doc.clientWidth && (!content || content.scrollWidth <= content.clientWidth);
                """);
    }

    /** Presses a key where the focus is, as a keyboard user would. */
    void press(CharSequence key) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(key).perform();
        waitForIdle();
    }

    /** The visible text of whatever has the keyboard focus now. */
    String focusedText() {
        return ((String) driver.executeScript("return document.activeElement ? document.activeElement.innerText : ''"))
                .strip();
    }

    /** Whether the keyboard focus is on the page's own content (the layout's content area or inside it). */
    boolean focusIsOnPageContent() {
        return (Boolean) driver.executeScript("""
                const layout = document.querySelector('vaadin-app-layout');
                const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[part~="content"]');
                return !!content && (layout.shadowRoot.activeElement === content
                    || (document.activeElement && document.activeElement.closest('main') !== null));
                """);
    }

    /** The text of the element with this id, once it exists (it may be scrolled out of view). */
    String textOf(String id) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        return ((String) driver.executeScript("return document.getElementById(arguments[0]).innerText", id)).strip();
    }

    void waitForText(String text) {
        wait.until(d -> pageText().contains(text));
    }

    /** Waits until no notification is showing: one fading out is half-transparent, which axe counts against contrast. */
    void waitForNotificationsToClose() {
        wait.until(d -> ((Number) driver.executeScript(
                "return document.querySelectorAll('vaadin-notification-card').length")).intValue() == 0);
    }

    void waitForUrlContaining(String part) {
        wait.until(ExpectedConditions.urlContains(part));
    }

    String pageText() {
        return (String) ((JavascriptExecutor) driver).executeScript("return document.body.innerText");
    }

    /** The labels in the side menu, in order. */
    List<String> menuItems() {
        visible(By.tagName("vaadin-side-nav-item"));
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) driver.executeScript(
                "return Array.from(document.querySelectorAll('vaadin-side-nav-item')).map(i => i.innerText.trim())");
        return labels;
    }

    /** Types into the Vaadin field with this label (the {@code <input>} lives in the light DOM). */
    void fill(String label, String value) {
        wait.until(d -> {
            WebElement field = field(label);
            WebElement input = field.findElement(By.cssSelector("input, textarea"));
            input.clear();
            input.sendKeys(value);
            if ("vaadin-date-picker".equals(field.getTagName())) {
                // Enter accepts the typed date and closes the calendar that opened over the form
                input.sendKeys(org.openqa.selenium.Keys.ENTER);
            }
            return true;
        });
        waitForIdle();
    }

    /** Types into the field labelled {@code label} inside the first element of {@code cssClass} that mentions {@code text}. */
    void fillWithin(String cssClass, String text, String label, String value) {
        wait.until(d -> {
            WebElement field = (WebElement) driver.executeScript("""
                    const box = [...document.querySelectorAll('.' + arguments[0])]
                        .find(b => b.innerText.includes(arguments[1]));
                    return box ? [...box.querySelectorAll(arguments[3])]
                        .find(f => f.label === arguments[2] && f.getClientRects().length > 0) || null : null;
                    """, cssClass, text, label, FIELDS);
            if (field == null) {
                return false;
            }
            WebElement input = field.findElement(By.cssSelector("input, textarea"));
            input.clear();
            input.sendKeys(value);
            return true;
        });
        waitForIdle();
    }

    /** The error shown at the field labelled {@code label} inside the box whose text includes {@code text}. */
    String fieldErrorWithin(String cssClass, String text, String label) {
        return wait.until(d -> (String) driver.executeScript("""
                const box = [...document.querySelectorAll('.' + arguments[0])]
                    .find(b => b.innerText.includes(arguments[1]));
                const field = box ? [...box.querySelectorAll(arguments[3])]
                    .find(f => f.label === arguments[2] && f.getClientRects().length > 0) : null;
                return field && field.invalid ? field.errorMessage : null;
                """, cssClass, text, label, FIELDS));
    }

    WebElement fieldInput(String label) {
        return field(label).findElement(By.tagName("input"));
    }

    /**
     * The shown Vaadin field whose label reads {@code label}. "Shown" means laid out and not hidden:
     * Selenium's isDisplayed() also says no for a field scrolled above the app's content area.
     */
    WebElement field(String label) {
        return wait.until(d -> shownField(label));
    }

    /** The shown field labelled {@code label} right now, or null; callers wait and look again. */
    private WebElement shownField(String label) {
        return driver.findElements(By.cssSelector(FIELDS)).stream()
                .filter(f -> label.equals(f.getDomProperty("label")) && shown(f))
                .findFirst().orElse(null);
    }

    private boolean shown(WebElement element) {
        return (Boolean) driver.executeScript("return arguments[0].getClientRects().length > 0 "
                + "&& getComputedStyle(arguments[0]).visibility !== 'hidden'", element);
    }

    /** Chooses {@code option} in the vaadin-select labelled {@code label}. */
    void choose(String label, String option) {
        // a list that has just closed may still be fading out over the field, and a re-render may
        // replace the field: find it afresh on every try
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            WebElement select = shownField(label);
            if (select == null) {
                return null;
            }
            // click the box itself, not the middle of the field, which may be its helper text
            var button = select.findElements(By.cssSelector("vaadin-select-value-button"));
            WebElement target = button.isEmpty() ? select : button.getFirst();
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", target);
            target.click();
            return true;
        });
        // several selects may offer the same option; only the open one's is shown
        By item = By.xpath("//vaadin-select-item[normalize-space(.)='" + option + "']");
        wait.until(d -> {
            WebElement shown = d.findElements(item).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
            if (shown == null) {
                return null;
            }
            shown.click();
            return true;
        });
        waitForIdle();
    }

    void pickFromComboBox(String label, String option) {
        WebElement input = fieldInput(label);
        input.sendKeys(option);
        click(By.xpath("//vaadin-combo-box-item[contains(normalize-space(.), \"" + option + "\")]"));
    }

    /** Ticks (or unticks) the checkbox whose label reads {@code label}. */
    void tick(String label) {
        wait.until(d -> {
            WebElement box = d.findElements(By.tagName("vaadin-checkbox")).stream()
                    .filter(c -> label.equals(c.getDomProperty("label")) || label.equals(c.getText().strip()))
                    .findFirst().orElse(null);
            if (box == null) {
                return null;
            }
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
            box.findElement(By.tagName("input")).click();
            return true;
        });
        waitForIdle();
    }

    void clickButton(String text) {
        click(By.xpath("//vaadin-button[normalize-space(.)='" + text + "']"));
    }

    /** Scrolls the element to the middle of the window, as a person would, then clicks it. */
    void click(By by) {
        // found afresh on every try: a handle waited on after Vaadin replaced its element stays
        // stale for good (a search re-rendering its result list did exactly that)
        // scrolled first: Selenium calls an element above the app's scrolled content area not displayed
        wait.until(d -> {
            List<WebElement> found = d.findElements(by);
            if (found.isEmpty()) {
                return null;
            }
            WebElement element = found.getFirst();
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return null;
            }
            element.click();
            return true;
        });
        waitForIdle();
    }

    /** The error shown under a field, as a person (or screen reader) would get it. */
    String fieldError(String label) {
        return wait.until(d -> {
            WebElement field = shownField(label);
            return field != null && field.getDomAttribute("invalid") != null ? field.getDomProperty("errorMessage") : null;
        });
    }

    /** The sign-in form's error message if it is showing (it lives in the form's shadow DOM). */
    String loginError() {
        return (String) driver.executeScript("""
                const found = [];
                const walk = root => root.querySelectorAll('*').forEach(el => {
                  if (el.shadowRoot) {
                    el.shadowRoot.querySelectorAll('[part~="error-message"]').forEach(e => {
                      if (e.getClientRects().length > 0 && !e.hidden) found.push(e.innerText);
                    });
                    walk(el.shadowRoot);
                  }
                });
                walk(document);
                return found.join(' ');
                """);
    }

    void waitForLoginError(String text) {
        wait.until(d -> loginError().contains(text));
    }

    /** Downloads what a link points at, in this browser session, and returns it as text. */
    String fetchText(By link) {
        String href = visible(link).getDomProperty("href");
        return (String) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text()).then(done, e => done('ERROR ' + e));",
                href);
    }

    /**
     * Fails if the browser refused anything the page needed because of the Content-Security-Policy
     * (or had any other error in its console) since the last look.
     */
    void assertNothingRefused(String pageName) {
        List<String> errors = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                // a sign-in refused, or a page someone may not open, is the app answering, not a fault
                .filter(m -> !m.contains("status of 403") && !m.contains("status of 401"))
                .toList();
        assertThat(errors).as("errors in the browser's console on %s", pageName).isEmpty();
    }

    /** Fails on any serious or critical WCAG 2.2 A/AA violation on the current page, or anything the CSP refused. */
    void assertAccessible(String pageName) {
        waitForIdle();
        // a notification that starts to close while axe reads the page would be judged mid-fade:
        // keep every open one open (no close timer) until axe is done, then give its time back
        driver.executeScript("""
                window.__wholecareHeld = [...document.querySelectorAll('vaadin-notification')]
                    .filter(n => n.opened && n.duration > 0).map(n => { const d = n.duration; n.duration = 0; return [n, d]; });
                """);
        waitForStillness();
        assertNothingRefused(pageName);
        Results results;
        try {
            results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        } finally {
            driver.executeScript("(window.__wholecareHeld || []).forEach(([n, d]) => n.duration = d);");
        }
        List<Rule> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .toList();
        assertThat(serious)
                .as("serious or critical accessibility problems on %s: %s", pageName, describe(serious))
                .isEmpty();
    }

    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first of those days of the week on or after {@code from}, as a person types it ("4/12/2026"). */
    static String firstDayOn(java.time.LocalDate from, java.time.DayOfWeek... days) {
        java.time.LocalDate day = from;
        while (!List.of(days).contains(day.getDayOfWeek())) {
            day = day.plusDays(1);
        }
        return day.format(java.time.format.DateTimeFormatter.ofPattern("d/M/yyyy"));
    }

    private static String describe(List<Rule> rules) {
        return rules.stream()
                .map(r -> r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at "
                        + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining("; ")))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
