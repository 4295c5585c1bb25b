package org.wholecare.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wholecare.TestArea.ADMIN;
import static org.wholecare.TestArea.HOLDER;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.wholecare.IntegrationTest;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.BudgetTestData;
import org.wholecare.budget.NewBudget;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.holder.RegisterHolder;
import org.wholecare.ledger.FundingStream;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.security.AccountService;
import org.wholecare.security.ActingAs;
import org.wholecare.security.Invitations;
import org.wholecare.security.NewAccount;
import org.wholecare.security.Role;
import org.wholecare.shared.UkTime;

/**
 * The public figures of a small area, where suppression matters most, worked out, kept and served
 * as they were kept: counts under 5 hidden, the rest rounded, and nothing left to subtract.
 */
@IntegrationTest
class PublicFiguresIT {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);
    private static final String PASSWORD = "a long enough password";
    private static final String SMALL = "commissioner.smallbrook";

    @LocalServerPort int port;
    @Autowired PublicFigures figures;
    @Autowired BudgetHolderService holders;
    @Autowired BudgetService budgets;
    @Autowired OrganisationService organisations;
    @Autowired AccountService accounts;
    @Autowired Invitations invitations;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;
    @Autowired Clock clock;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    /** Smallbrook: 1,000 adults, 6 direct payments and 5 notional budgets, no brokerage-managed one. */
    private long smallbrook() {
        Long existing = jdbc.query("SELECT id FROM area WHERE name = 'Smallbrook'", rs -> rs.next() ? rs.getLong(1)
                : null);
        if (existing != null) {
            return existing;
        }
        long areaId = actingAs.run(ADMIN, () -> {
            var area = organisations.createArea("Smallbrook", "SB1");
            organisations.recordAdultPopulation(area.id(), 1_000);
            var board = organisations.createOrganisation("Smallbrook NHS Board", OrganisationType.NHS_BOARD, area.id());
            var account = accounts.createAccount(new NewAccount("Sol Small", SMALL, Role.COMMISSIONER, board.id(),
                    null, null));
            String url = invitations.issueInvitation(account.id()).link().url();
            invitations.acceptInvitation(url.substring(url.lastIndexOf('/') + 1), PASSWORD, PASSWORD);
            return area.id();
        });
        LocalDate start = ReportingPeriod.yearOf(UkTime.today(clock)).from();
        for (int i = 0; i < 11; i++) {
            BudgetManagement how = i < 6 ? BudgetManagement.DIRECT_PAYMENT : BudgetManagement.NOTIONAL;
            long n = SEQUENCE.incrementAndGet();
            actingAs.run(SMALL, () -> {
                var registered = holders.register(new RegisterHolder("Small " + n, "small." + n,
                        LocalDate.of(1960, 1, 1), BudgetTestData.nextNhsNumber(), "SB1", null, null, null));
                return budgets.createBudget(new NewBudget(registered.holder().id(), start, start.plusYears(1)
                        .minusDays(1), how, null, Map.of(FundingStream.NHS_HEALTH, 100_000L),
                        Map.of(FundingStream.NHS_HEALTH, "A test allocation")));
            });
        }
        return areaId;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSmallAreasCountsAreRoundedOrHiddenAndNoneCanBeWorkedOutBySubtraction() {
        long areaId = smallbrook();
        PublicFigures.Document d = actingAs.run(SMALL, () -> figures.workOut());
        PublicFigures.Area small = d.areas().stream().filter(a -> a.areaId() == areaId).findFirst().orElseThrow();
        assertThat(small.people().words()).isEqualTo("10"); // 11, to the nearest 5
        assertThat(small.perTenThousandAdults()).isEqualTo(100.0);
        assertThat(small.byModel().get("Direct payment").words()).isEqualTo("5"); // 6
        assertThat(small.byModel().get("Managed by a brokerage").words()).isEqualTo("fewer than 5"); // 0
        // 5 notional would give the brokerage's count away (10 - 5 - 5), so it is hidden too
        assertThat(small.byModel().get("Notional budget").words()).isEqualTo("hidden");
        assertThat(small.modelSharePercent().get("Direct payment")).isEqualTo(50L);
        assertThat(small.modelSharePercent().get("Notional budget")).isNull();
        assertThat(small.spendPerPersonPence().get("NHS health")).isZero();
        assertThat(small.reviewsDue().words()).isEqualTo("fewer than 5");
        assertThat(small.reviewedOnTimePercent()).isNull();
        // the document kept is the one served, and names nobody
        String kept = figures.latestAsJson().orElseThrow();
        assertThat(kept).contains("Smallbrook").contains("Open Government Licence").doesNotContain("Small 1")
                .doesNotContain("small.");
        assertThat(figures.latest().orElseThrow()).isEqualTo(d);
    }

    @Test
    void theFiguresAreServedFromWhatWasKeptUntilTheyAreWorkedOutAgain() {
        long areaId = smallbrook();
        actingAs.run(SMALL, () -> figures.workOut());
        String before = figures.latestAsJson().orElseThrow();
        long n = SEQUENCE.incrementAndGet();
        actingAs.run(SMALL, () -> holders.register(new RegisterHolder("Small late " + n, "small.late." + n,
                LocalDate.of(1961, 1, 1), BudgetTestData.nextNhsNumber(), "SB1", null, null, null)));
        assertThat(figures.latestAsJson().orElseThrow()).isEqualTo(before);
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> figures.workOut()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(areaId).isPositive();
    }

    @Test
    void theOpenDataIsPublicCarriesItsLicenceAndSaysPlainlyWhatIsWrongWithABadAddress() throws Exception {
        long areaId = smallbrook();
        actingAs.run(SMALL, () -> figures.workOut());
        HttpResponse<String> csv = get(OpenDataController.CSV_PATH);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("area_id,area,adult_population,people_with_a_budget,per_10000_adults,"
                + "direct_payment,third_party,notional,").endsWith(",period,worked_out_at,licence");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(areaId + ",Smallbrook,1000,10,100.0,5,fewer than 5,"
                + "hidden,").contains("Open Government Licence v3.0"));
        assertThat(lines[lines.length - 1]).startsWith("0,All areas,");
        HttpResponse<String> json = get(OpenDataController.JSON_PATH + "?area=" + areaId);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"name\":\"Smallbrook\"").contains("\"licence\":\"Open Government Licence")
                .contains("\"workedOutAt\"");
        HttpResponse<String> letters = get(OpenDataController.CSV_PATH + "?area=abc");
        assertThat(letters.statusCode()).isEqualTo(400);
        assertThat(letters.body()).startsWith("The area must be given by its number");
        HttpResponse<String> none = get(OpenDataController.JSON_PATH + "?area=987654321");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).isEqualTo("There is no area 987654321 on Wholecare. The numbers are in the area_id "
                + "column of /open-data/areas.csv.");
        // a flood from one address is turned away
        int refused = 0;
        for (int i = 0; i < 70; i++) {
            if (get(OpenDataController.JSON_PATH).statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused).isPositive();
    }
}
