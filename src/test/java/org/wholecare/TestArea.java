package org.wholecare;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionTemplate;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.NewBudget;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.holder.RegisterHolder;
import org.wholecare.holder.RegisteredHolder;
import org.wholecare.ledger.FundingStream;
import org.wholecare.marketplace.ListingInput;
import org.wholecare.marketplace.ListingService;
import org.wholecare.marketplace.ListingStatus;
import org.wholecare.marketplace.ListingUnit;
import org.wholecare.marketplace.ProviderDecisions;
import org.wholecare.marketplace.ProviderService;
import org.wholecare.marketplace.ProviderStatus;
import org.wholecare.marketplace.RegisterProvider;
import org.wholecare.organisation.AreaSummary;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.pooling.PoolingService;
import org.wholecare.security.AccountService;
import org.wholecare.security.ActingAs;
import org.wholecare.security.Invitations;
import org.wholecare.security.IssuedInvitation;
import org.wholecare.security.NewAccount;
import org.wholecare.security.Role;
import org.wholecare.security.SystemActor;
import org.wholecare.shared.UkTime;

/**
 * The small area every integration test starts from, built through the real services when the test
 * app starts, so the tests run with the Northbrook demo switched off and do not change when the demo's
 * story does. Testford has one person of each role, a pooling agreement, three checked providers with
 * listings and one waiting for checks, and two holders with budgets; a test creates anything else it
 * needs itself (see {@code BudgetTestData}).
 */
public final class TestArea {

    public static final String AREA = "Testford";
    public static final String PASSWORD = "a password only the tests use";

    public static final String COMMISSIONER = "tf.nhs.commissioner";
    public static final String COMMISSIONER_NAME = "Nia Evans";
    public static final String COUNCIL = "tf.council.commissioner";
    public static final String BROKER = "tf.broker";
    public static final String BROKER_NAME = "Bea Clarke";
    public static final String ADMIN = "tf.admin";
    public static final String HOLDER = "tf.holder";
    public static final String HOLDER_NAME = "Alex Morgan";
    public static final String HOLDER_NHS_NUMBER = "7430000002";
    public static final String CARER = "tf.carer";
    public static final String CARER_NAME = "Chris Morgan";
    /** A second holder, in TF5, whose budget the brokerage manages for them. */
    public static final String SECOND_HOLDER = "tf.second.holder";
    public static final String HOME_CARE = "tf.home.care";
    public static final String HOME_CARE_NAME = "Brookside Home Care";
    public static final String HOME_CARE_CONTACT = "Lee Walsh";
    public static final String PHYSIO = "tf.physio";
    public static final String DAY_CENTRE = "tf.day.centre";
    /** A provider whose checks have not been decided. */
    public static final String UNCHECKED_PROVIDER = "tf.unchecked";
    public static final String BROKERAGE_NAME = "Testford Independent Living";
    public static final String COUNCIL_NAME = "Testford Council";

    private TestArea() {
    }

    /** Imported by {@link IntegrationTest}: builds Testford once, after the app (and any demo) has started. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Order(60)
        ApplicationRunner testArea(Builder builder, TransactionTemplate transaction) {
            return (ApplicationArguments args) -> SystemActor.asAdministrator(() -> transaction.execute(status -> {
                builder.buildIfMissing();
                return null;
            }));
        }

        @Bean
        Builder testAreaBuilder(OrganisationService organisations, AccountService accounts, Invitations invitations,
                BudgetHolderService holders, BudgetService budgets, PoolingService pooling,
                ProviderService providers, ProviderDecisions providerDecisions, ListingService listings,
                ActingAs actingAs, Clock clock) {
            return new Builder(organisations, accounts, invitations, holders, budgets, pooling, providers,
                    providerDecisions, listings, actingAs, clock);
        }
    }

    /** The id of Testford, for tests that name an area: the area of its NHS commissioner. */
    /** The day centre runs on Mondays, Wednesdays and Fridays: the first of them on or after {@code from}. */
    public static java.time.LocalDate dayCentreDayFrom(java.time.LocalDate from) {
        java.time.LocalDate day = from;
        while (!java.util.EnumSet.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.WEDNESDAY,
                java.time.DayOfWeek.FRIDAY).contains(day.getDayOfWeek())) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * A commissioner of an area other than Testford, made once through the real services (with an
     * organisation of the given type), for tests that check one area sees nothing of another's.
     */
    public static String commissionerOfAnotherArea(ActingAs actingAs, org.springframework.jdbc.core.JdbcTemplate jdbc,
            OrganisationService organisations, AccountService accounts, Invitations invitations, String username,
            String areaName, String district, OrganisationType type, String fullName) {
        if (jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE username = ?", Long.class, username) == 0) {
            String url = actingAs.run(ADMIN, () -> {
                var area = organisations.createArea(areaName, district);
                var funder = organisations.createOrganisation(areaName + " " + type.label(), type, area.id());
                var account = accounts.createAccount(new org.wholecare.security.NewAccount(fullName, username,
                        Role.COMMISSIONER, funder.id(), null, null));
                return invitations.issueInvitation(account.id()).link().url();
            });
            invitations.acceptInvitation(url.substring(url.lastIndexOf('/') + 1), PASSWORD, PASSWORD);
        }
        return username;
    }

    public static long areaId(ActingAs actingAs) {
        return actingAs.run(COMMISSIONER, () -> ((org.wholecare.security.SignedInUser) org.springframework.security
                .core.context.SecurityContextHolder.getContext().getAuthentication().getPrincipal()).areaId());
    }

    record Builder(OrganisationService organisations, AccountService accounts, Invitations invitations,
            BudgetHolderService holders, BudgetService budgets, PoolingService pooling, ProviderService providers,
            ProviderDecisions providerDecisions, ListingService listings, ActingAs actingAs, Clock clock) {

        void buildIfMissing() {
            if (organisations.areas().stream().anyMatch(a -> a.name().equals(AREA))) {
                return; // a database kept from an earlier run on the same server
            }
            AreaSummary area = organisations.createArea(AREA, "TF1, TF2, TF3, TF4, TF5, TF6, TF7, TF8, TF9");
            organisations.recordAdultPopulation(area.id(), 80_000);
            OrganisationSummary council = organisations.createOrganisation(COUNCIL_NAME, OrganisationType.COUNCIL,
                    area.id());
            OrganisationSummary board = organisations.createOrganisation("NHS Testford Care Board",
                    OrganisationType.NHS_BOARD, area.id());
            OrganisationSummary brokerage = organisations.createOrganisation(BROKERAGE_NAME,
                    OrganisationType.BROKERAGE, area.id());
            person(BROKER_NAME, BROKER, Role.BROKER, brokerage.id());
            person(COMMISSIONER_NAME, COMMISSIONER, Role.COMMISSIONER, board.id());
            person("Owen Price", COUNCIL, Role.COMMISSIONER, council.id());
            person("Ada Hughes", ADMIN, Role.ADMINISTRATOR, null);
            LocalDate start = UkTime.today(clock).withDayOfMonth(1).minusMonths(7);
            actingAs.run(COMMISSIONER, () -> {
                poolingAgreement();
                holder(HOLDER_NAME, HOLDER, HOLDER_NHS_NUMBER, "TF4", CARER_NAME, CARER, start, BudgetManagement.DIRECT_PAYMENT, null,
                        Map.of(FundingStream.NHS_HEALTH, 936_000L, FundingStream.COUNCIL_SOCIAL_CARE, 1_274_000L,
                                FundingStream.ASSESSED_CONTRIBUTION, 104_000L));
                holder("Rhys Jones", SECOND_HOLDER, org.wholecare.budget.BudgetTestData.nextNhsNumber(), "TF5", null, null, start, BudgetManagement.THIRD_PARTY,
                        brokerage.id(),
                        Map.of(FundingStream.NHS_HEALTH, 520_000L, FundingStream.COUNCIL_SOCIAL_CARE, 780_000L));
                return null;
            });
            marketplace(area.id());
        }

        private void poolingAgreement() {
            Map<String, Map<FundingStream, Integer>> shares = new LinkedHashMap<>();
            shares.put("Personal care", Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 6000, FundingStream.NHS_HEALTH, 4000));
            shares.put("Therapy", Map.of(FundingStream.NHS_HEALTH, 10_000));
            shares.put("Nursing", Map.of(FundingStream.NHS_HEALTH, 10_000));
            shares.put("Respite and short breaks", Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 8000,
                    FundingStream.ASSESSED_CONTRIBUTION, 2000));
            shares.put("Day activities", Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 7000,
                    FundingStream.ASSESSED_CONTRIBUTION, 3000));
            shares.put("Equipment and adaptations", Map.of(FundingStream.NHS_HEALTH, 5000,
                    FundingStream.COUNCIL_SOCIAL_CARE, 5000));
            shares.put("Transport", Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 10_000));
            Map<Long, Map<FundingStream, Integer>> byId = new LinkedHashMap<>();
            shares.forEach((name, split) -> byId.put(pooling.addCategory(name, false, null,
                    name.equals("Personal care") || name.equals("Nursing")).id(), split));
            pooling.addCategory("Alcohol", true, "NHS and council money cannot pay for alcohol.");
            pooling.saveNewVersion(byId);
        }

        private void holder(String name, String username, String nhsNumber, String district, String carerName, String carer,
                LocalDate start, BudgetManagement management, Long managedBy, Map<FundingStream, Long> money) {
            RegisteredHolder registered = holders.register(new RegisterHolder(name, username,
                    LocalDate.of(1970, 6, 1), nhsNumber, district, carerName, carer,
                    carer == null ? null : "Husband and carer"));
            accept(registered.holderInvitation());
            if (carer != null) {
                accept(registered.representativeInvitation());
            }
            Map<FundingStream, String> notes = new java.util.EnumMap<>(FundingStream.class);
            money.keySet().forEach(s -> notes.put(s, "Testford's allocation for " + s.label()));
            budgets.createBudget(new NewBudget(registered.holder().id(), start, start.plusYears(1).minusDays(1),
                    management, managedBy, money, notes));
        }

        private void marketplace(long areaId) {
            long homeCare = provider(areaId, HOME_CARE_NAME, "TF1, TF2, TF3, TF4, TF5, TF6", "1-201234567",
                    HOME_CARE_CONTACT, HOME_CARE);
            long physio = provider(areaId, "Testford Physio", "TF1 TF2 TF3 TF4 TF5 TF6 TF7 TF8 TF9", "1-202345678",
                    "Kim Shaw", PHYSIO);
            long dayCentre = provider(areaId, "Willow Day Centre", "TF4, TF5, TF6, TF7", "1-203456789", "Ravi Patel",
                    DAY_CENTRE);
            provider(areaId, "Dawn Companions", "TF4, TF8", null, "Jess Hill", UNCHECKED_PROVIDER);
            actingAs.run(COMMISSIONER, () -> {
                for (long id : new long[] {homeCare, physio, dayCentre}) {
                    providerDecisions.decide(id, ProviderStatus.VERIFIED, null);
                }
                return null;
            });
            actingAs.run(HOME_CARE, () -> {
                listing("Personal care", "Morning help at home", "Help getting up, washed and dressed.",
                        ListingUnit.HOUR, 2_450, "TF1 TF2 TF3 TF4 TF5 TF6", "MON TUE WED THU FRI SAT SUN");
                listing("Personal care", "Evening and weekend care", "Help with evening meals and getting ready "
                        + "for bed.", ListingUnit.HOUR, 2_700, "TF3 TF4 TF5", "FRI SAT SUN");
                return null;
            });
            actingAs.run(PHYSIO, () -> {
                listing("Therapy", "Home physiotherapy after a fall", "Physiotherapists visit you at home.",
                        ListingUnit.SESSION, 4_500, "TF1 TF2 TF3 TF4 TF5 TF6 TF7 TF8 TF9", "MON TUE WED THU FRI");
                return null;
            });
            actingAs.run(DAY_CENTRE, () -> {
                listing("Day activities", "Day centre with lunch and activities", "A day centre with a hot lunch "
                        + "and outings.", ListingUnit.DAY, 4_800, "TF4 TF5 TF6 TF7", "MON WED FRI");
                listing("Personal care", "Personal care at the day centre", "Help with personal care during your "
                        + "day at the centre.", ListingUnit.HOUR, 2_100, "TF4 TF5", "MON WED FRI");
                return null;
            });
        }

        private long provider(long areaId, String name, String districts, String cqc, String contact,
                String username) {
            return providers.register(new RegisterProvider(name, areaId, districts, cqc, contact,
                    username + "@example.org", "01632 960001", username, PASSWORD, PASSWORD)).profile()
                    .organisationId();
        }

        private void listing(String category, String title, String description, ListingUnit unit, long pricePence,
                String districts, String days) {
            long areaId = providers.mine().orElseThrow().areaId();
            long categoryId = pooling.categories(areaId).stream().filter(c -> c.name().equals(category))
                    .findFirst().orElseThrow().id();
            listings.save(null, new ListingInput(categoryId, title, description, unit, pricePence,
                    List.of(districts.split(" ")), List.of(days.split(" ")), null, "English", null,
                    ListingStatus.PUBLISHED));
        }

        private void accept(IssuedInvitation invitation) {
            String url = invitation.link().url();
            invitations.acceptInvitation(url.substring(url.lastIndexOf('/') + 1), PASSWORD, PASSWORD);
        }

        private void person(String name, String username, Role role, Long organisationId) {
            long id = accounts.createAccount(new NewAccount(name, username, role, organisationId, null, null)).id();
            accept(invitations.issueInvitation(id));
        }
    }
}
