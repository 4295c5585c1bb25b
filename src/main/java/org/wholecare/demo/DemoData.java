package org.wholecare.demo;

import org.jspecify.annotations.Nullable;
import org.wholecare.shared.UkTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wholecare.brokerage.Conflicts;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.consent.ConsentScope;
import org.wholecare.consent.ConsentService;
import org.wholecare.consent.ConsentChanges;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.budget.BudgetService;
import org.wholecare.budget.NewBudget;
import org.wholecare.pooling.PoolingService;
import org.wholecare.holder.RegisterHolder;
import org.wholecare.holder.RegisteredHolder;
import org.wholecare.plan.SupportPlan;
import org.wholecare.plan.SupportPlanService;
import java.util.List;
import org.wholecare.ledger.FundingStream;
import org.wholecare.marketplace.ReviewService;
import org.wholecare.payment.Payouts;
import org.wholecare.purchase.Booking;
import org.wholecare.purchase.Purchase;
import org.wholecare.purchase.Bookings;
import org.wholecare.purchase.Invoices;
import org.wholecare.purchase.ProviderBookings;
import org.wholecare.marketplace.ListingInput;
import org.wholecare.marketplace.ListingService;
import org.wholecare.marketplace.ListingStatus;
import org.wholecare.marketplace.ListingUnit;
import org.wholecare.marketplace.ProviderService;
import org.wholecare.marketplace.ProviderStatus;
import org.wholecare.marketplace.RegisterProvider;
import org.wholecare.security.ActingAs;
import org.wholecare.security.IssuedInvitation;
import org.wholecare.organisation.AreaSummary;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.security.AccountService;
import org.wholecare.security.AccountSummary;
import org.wholecare.security.NewAccount;
import org.wholecare.security.Role;
import org.wholecare.security.SystemActor;

/**
 * A fictional area, Northbrook, with one council, one NHS board, a brokerage, a provider and a
 * demo user for every role. Loaded once, into a database that does not hold it yet, through the
 * same services a person would use.
 */
@Component
@ConditionalOnProperty(name = "wholecare.demo-data.enabled", havingValue = "true")
@org.springframework.core.annotation.Order(50)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "wholecare-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final OrganisationService organisations;
    private final AccountService accounts;
    private final org.wholecare.security.Invitations invitations;
    private final BudgetHolderService holders;
    private final BudgetService budgets;
    private final PoolingService pooling;
    private final Bookings bookings;
    private final ProviderBookings providerBookings;
    private final Invoices invoices;
    private final Payouts payments;
    private final ReviewService reviews;
    private final java.time.Clock clock;
    private final SupportPlanService plans;
    private final ProviderService providers;
    private final org.wholecare.marketplace.ProviderDecisions providerDecisions;
    private final ListingService listings;
    private final ActingAs actingAs;
    private final TransactionTemplate transaction;
    private final org.wholecare.platform.OnceAcrossInstances once;
    private final ConsentService consent;
    private final ConsentChanges consentChanges;
    private final Conflicts conflicts;

    private final org.wholecare.security.AccountEmails accountEmails;

    DemoData(org.wholecare.security.AccountEmails accountEmails, ConsentService consent, ConsentChanges consentChanges, Conflicts conflicts, OrganisationService organisations, AccountService accounts, org.wholecare.security.Invitations invitations, BudgetHolderService holders,
            BudgetService budgets, PoolingService pooling, SupportPlanService plans,
            ProviderService providers, org.wholecare.marketplace.ProviderDecisions providerDecisions, ListingService listings, Bookings bookings, ProviderBookings providerBookings,
            Invoices invoices, Payouts payments,
            ReviewService reviews, ActingAs actingAs, TransactionTemplate transaction, java.time.Clock clock,
            org.wholecare.platform.OnceAcrossInstances once) {
        this.once = once;
        this.accountEmails = accountEmails;
        this.clock = clock;
        this.bookings = bookings;
        this.providerBookings = providerBookings;
        this.invoices = invoices;
        this.payments = payments;
        this.reviews = reviews;
        this.consent = consent;
        this.consentChanges = consentChanges;
        this.conflicts = conflicts;
        this.providers = providers;
        this.providerDecisions = providerDecisions;
        this.listings = listings;
        this.organisations = organisations;
        this.accounts = accounts;
        this.invitations = invitations;
        this.holders = holders;
        this.budgets = budgets;
        this.pooling = pooling;
        this.plans = plans;
        this.actingAs = actingAs;
        this.transaction = transaction;
    }

    /**
     * One transaction: the demo is there whole, or not at all, and a start stopped half-way loads it
     * again next time. Northbrook itself is the sign that it is there: other areas (a generated
     * region, say) do not stop it loading. Readiness is reported only after this has run.
     */
    @Override
    public void run(ApplicationArguments args) {
        // said at every start, so a demo started by mistake where real people's records live is noticed
        log.warn("The Northbrook demo is switched on (profile demo): its accounts have a published password. "
                + "Never use this installation for real people's records.");
        // instances starting together on an empty database: one loads, the others wait and find it there
        once.run("demo-data", java.time.Duration.ofMinutes(5), () -> SystemActor.asAdministrator(() ->
                transaction.execute(status -> {
                    if (organisations.areas().stream().anyMatch(a -> a.name().equals(AREA))) {
                        return null;
                    }
                    load();
                    // example addresses (.example is reserved, so nothing can reach a real inbox)
                    accounts.accounts().forEach(a -> accountEmails.recordFor(a.id(),
                            a.username() + "@northbrook.example"));
                    return null;
                })));
    }

    static final String AREA = "Northbrook";

    private void load() {
        // a year's budget that started seven months ago, whenever the demo is loaded: April to
        // March when loaded in November, and always months of it left to book from
        LocalDate start = UkTime.today(clock).withDayOfMonth(1).minusMonths(7);
        LocalDate end = start.plusYears(1).minusDays(1);
        AreaSummary northbrook = organisations.createArea(AREA, "NB1, NB2, NB3, NB4, NB5, NB6, NB7, NB8, NB9");
        // for the public comparison's "per 10,000 adults" (a made-up estimate, as Northbrook is)
        organisations.recordAdultPopulation(northbrook.id(), 152_000);
        OrganisationSummary council = organisations.createOrganisation("Northbrook Council",
                OrganisationType.COUNCIL, northbrook.id());
        OrganisationSummary icb = organisations.createOrganisation("NHS Northbrook Integrated Care Board",
                OrganisationType.NHS_BOARD, northbrook.id());
        OrganisationSummary brokerage = organisations.createOrganisation("Northbrook Independent Living",
                OrganisationType.BROKERAGE, northbrook.id());

        person("Priya Shah", "broker", Role.BROKER, brokerage.id(), null, null);
        person("Nadia Okafor", "commissioner", Role.COMMISSIONER, icb.id(), null, null);
        person("Tom Reid", "council", Role.COMMISSIONER, council.id(), null, null);
        person("Morgan Lee", "admin", Role.ADMINISTRATOR, null, null, null);
        actingAs.run("commissioner", () -> {
            loadRulesAndPooling();
            RegisteredHolder sam = holders.register(new RegisterHolder("Sam Taylor", "holder",
                    LocalDate.of(1968, 9, 14), "943 476 5919", "NB4", "Jo Taylor", "carer", "Partner and carer"));
            accept(sam.holderInvitation());
            accept(sam.representativeInvitation());
            budgets.createBudget(new NewBudget(sam.holder().id(), start, end,
                    BudgetManagement.DIRECT_PAYMENT, null,
                    Map.of(FundingStream.NHS_HEALTH, 936_000L, FundingStream.COUNCIL_SOCIAL_CARE, 1_274_000L,
                            FundingStream.ASSESSED_CONTRIBUTION, 104_000L),
                    Map.of(FundingStream.NHS_HEALTH,
                            "4 hours a week of physiotherapy and occupational therapy at £45.00 an hour for 52 weeks",
                            FundingStream.COUNCIL_SOCIAL_CARE,
                            "10 hours a week of personal care at £24.50 an hour for 52 weeks",
                            FundingStream.ASSESSED_CONTRIBUTION,
                            "An assessed contribution of £20.00 a week for 52 weeks")));
            return null;
        });
        long personalCare = category("Personal care");
        long therapy = category("Therapy");
        long holderId = actingAs.run("holder", () -> holders.mine().orElseThrow().id());
        actingAs.run("holder", () -> plans.saveDraft(holderId, List.of(
                "Get up, washed and dressed by 9 so I can get to the allotment",
                "Walk to the end of the road and back without my frame",
                "Give Jo a proper break one weekend a month"), List.of(
                new SupportPlanService.LineInput(personalCare, "Help getting up and dressed, 10 hours a week", 24_500,
                        SupportPlan.Frequency.WEEK, 1),
                new SupportPlanService.LineInput(therapy, "Physiotherapy at home, 4 sessions a week", 18_000,
                        SupportPlan.Frequency.WEEK, 2),
                new SupportPlanService.LineInput(category("Respite and short breaks"), "A weekend of respite care",
                        2_000, SupportPlan.Frequency.MONTH, 3)),
                start.plusMonths(9).plusDays(14)));
        actingAs.run("commissioner", () -> plans.agree(holderId, 1));
        loadMarketplace(northbrook.id());
        loadPurchases(holderId);
        loadConsent(brokerage.id(), northbrook.id(), start, end);
        log.info("Loaded the Northbrook demo data; its users are listed in the README");
    }

    /**
     * Sam's money moves only through purchases, as anyone's would: personal care (every day) booked
     * from today, accepted, its first week's 10 hours delivered today, invoiced, confirmed and paid
     * (outside Stripe, as the demo has no keys), then reviewed; physiotherapy booked from the next
     * weekday it runs and accepted, not yet delivered. Nothing is recorded before it was due.
     */
    private void loadPurchases(long holderId) {
        LocalDate today = UkTime.today(clock);
        long morningHelp = listingId("provider", "Morning help at home");
        long physiotherapy = listingId("physio", "Home physiotherapy after a fall");
        LocalDate physioStart = actingAs.run("physio", () -> listings.mine().stream()
                .filter(l -> l.id() == physiotherapy).findFirst().orElseThrow().firstDayFrom(today));
        Purchase care = actingAs.run("holder", () -> bookAsShown(new Booking(holderId, morningHelp, 10,
                Booking.Frequency.WEEKLY, 4, today, "Help getting up and dressed, 10 hours a week", "demo-personal-care",
                null)));
        Purchase physio = actingAs.run("holder", () -> bookAsShown(new Booking(holderId, physiotherapy, 2,
                Booking.Frequency.WEEKLY, 4, physioStart, "Physiotherapy at home, 4 sessions a week", "demo-therapy",
                null)));
        actingAs.run("provider", () -> {
            providerBookings.accept(care.id());
            providerBookings.recordDelivery(care.id(), 10, today);
            return providerBookings.raiseInvoice(care.id(), 10);
        });
        actingAs.run("physio", () -> providerBookings.accept(physio.id()));
        long invoiceId = actingAs.run("holder", () -> bookings.purchasesOf(holderId).stream()
                .filter(p -> p.id() == care.id()).findFirst().orElseThrow().invoices().getFirst().id());
        actingAs.run("holder", () -> invoices.confirm(invoiceId));
        // with Stripe keys the payment waits for the provider to connect Stripe instead
        actingAs.run("council", () -> {
            payments.waitingInMyArea().stream().filter(Payouts.WaitingPayment::canRecordOutside).findFirst()
                    .ifPresent(w -> payments.recordSettledOutside(w.id(), "BACS from Northbrook Council, ref 1001"));
            return null;
        });
        long riverside = actingAs.run("provider", () -> providers.mine().orElseThrow().organisationId());
        actingAs.run("holder", () -> reviews.leave(riverside, 4, "The same two carers come every morning and they "
                + "know how I like things done. Once they were 20 minutes late but they rang to say so."));
    }

    private long listingId(String providerUsername, String title) {
        return actingAs.run(providerUsername, () -> listings.mine().stream().filter(l -> l.title().equals(title))
                .findFirst().orElseThrow().id());
    }

    /**
     * A second holder, Ayesha Khan, has asked the brokerage to help her (to propose, for six months);
     * the brokerage declares that it also runs a lunch club at the day centre.
     */
    private void loadConsent(long brokerageId, long areaId, LocalDate start, LocalDate end) {
        actingAs.run("commissioner", () -> {
            RegisteredHolder ayesha = holders.register(new RegisterHolder("Ayesha Khan", "holder2",
                    LocalDate.of(1979, 3, 2), "485 777 3457", "NB5", null, null, null));
            accept(ayesha.holderInvitation());
            budgets.createBudget(new NewBudget(ayesha.holder().id(), start, end, BudgetManagement.THIRD_PARTY,
                    brokerageId,
                    Map.of(FundingStream.NHS_HEALTH, 520_000L, FundingStream.COUNCIL_SOCIAL_CARE, 780_000L),
                    Map.of(FundingStream.NHS_HEALTH, "2 hours a week of physiotherapy at £50.00 an hour for 52 weeks",
                            FundingStream.COUNCIL_SOCIAL_CARE, "6 hours a week of personal care at £25.00 an hour "
                                    + "for 52 weeks")));
            return null;
        });
        actingAs.run("holder2", () -> consentChanges.grantToBrokerage(brokerageId, ConsentScope.PROPOSE,
                UkTime.today(clock).plusMonths(6)));
        long dayCentre = actingAs.run("broker", () -> organisations.organisationsInArea(areaId).stream()
                .filter(o -> o.name().equals("Meadow Day Centre")).findFirst().orElseThrow().id());
        actingAs.run("broker", () -> {
            conflicts.declare(dayCentre, "Our charity runs the Friday lunch club at this day centre.");
            return null;
        });
    }

    private void loadRulesAndPooling() {
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
        // the Care Quality Commission registers providers of personal care and nursing
        shares.forEach((name, split) -> byId.put(pooling.addCategory(name, false, null,
                name.equals("Personal care") || name.equals("Nursing")).id(), split));
        pooling.addCategory("Alcohol", true, "NHS and council money cannot pay for alcohol.");
        pooling.addCategory("Tobacco", true, "NHS and council money cannot pay for tobacco.");
        pooling.addCategory("Gambling", true, "NHS and council money cannot pay for gambling.");
        pooling.addCategory("Debt repayment", true, "Budgets pay for care and support, not for paying off debts.");
        pooling.addCategory("GP and emergency care", true,
                "GP and emergency care are free from the NHS, so a budget cannot buy them.");
        pooling.saveNewVersion(byId);
    }

    private void loadMarketplace(long areaId) {
        long riverside = provider(areaId, "Riverside Home Care", "NB1, NB2, NB3, NB4, NB5, NB6", "1-101234567",
                "Mark Owens", "provider");
        long physio = provider(areaId, "Northbrook Physio Partners", "NB1 NB2 NB3 NB4 NB5 NB6 NB7 NB8 NB9", "1-102345678",
                "Leah Brown", "physio");
        long meadow = provider(areaId, "Meadow Day Centre", "NB4, NB5, NB6, NB7", "1-103456789", "Omar Haddad",
                "daycentre");
        provider(areaId, "Sunrise Companions", "NB4, NB8", null, "Grace Obi", "sunrise");
        actingAs.run("commissioner", () -> {
            for (long id : new long[] {riverside, physio, meadow}) {
                providerDecisions.decide(id, ProviderStatus.VERIFIED, null);
            }
            return null;
        });
        actingAs.run("provider", () -> {
            listing("Personal care", "Morning help at home", "Help getting up, washed and dressed, and breakfast "
                    + "made, by the same small team of carers each week.", ListingUnit.HOUR, 2_450,
                    "NB1 NB2 NB3 NB4 NB5 NB6", "MON TUE WED THU FRI SAT SUN", "7am to 11am", "English, Polish",
                    "Carers trained in hoists and dementia care");
            listing("Personal care", "Evening and weekend care", "Help with evening meals, medication prompts and "
                    + "getting ready for bed, including weekends.", ListingUnit.HOUR, 2_700, "NB3 NB4 NB5",
                    "MON TUE WED THU FRI SAT SUN", "5pm to 10pm", "English", null);
            listing("Respite and short breaks", "Overnight sitting service", "A trained sitter stays overnight so "
                    + "your family carer can sleep or have a night away.", ListingUnit.SESSION, 9_500, "NB4 NB5",
                    "MON TUE WED THU FRI SAT SUN", "9pm to 7am", "English", null);
            return null;
        });
        actingAs.run("physio", () -> {
            listing("Therapy", "Home physiotherapy after a fall", "Chartered physiotherapists visit you at home to "
                    + "rebuild strength, balance and confidence after a fall or an operation.", ListingUnit.SESSION,
                    4_500, "NB1 NB2 NB3 NB4 NB5 NB6 NB7 NB8 NB9", "MON TUE WED THU FRI", "9am to 5pm",
                    "English, Polish", "Visits at home; step-free clinic on request");
            listing("Therapy", "Occupational therapy home assessment", "An occupational therapist looks at your home "
                    + "and daily routine and recommends equipment and adaptations.", ListingUnit.SESSION, 6_000,
                    "NB2 NB3 NB4 NB5 NB6", "MON TUE WED THU FRI SAT SUN", "10am to 4pm", "English", null);
            return null;
        });
        actingAs.run("daycentre", () -> {
            listing("Day activities", "Day centre with lunch and activities", "A friendly day centre with a hot "
                    + "lunch, gardening, music and outings. Transport can be arranged.", ListingUnit.DAY, 4_800,
                    "NB4 NB5 NB6 NB7", "MON WED FRI", "10am to 3pm", "English, Urdu",
                    "Step-free building, hearing loop, accessible toilets");
            listing("Transport", "Accessible minibus to the day centre", "Door-to-door wheelchair-accessible "
                    + "minibus, each way.", ListingUnit.ITEM, 650, "NB4 NB5 NB6 NB7", "MON WED FRI", null, "English",
                    "Wheelchair lift");
            listing("Personal care", "Personal care at the day centre", "Help with washing, toileting and personal "
                    + "care during your day at the centre.", ListingUnit.HOUR, 2_100, "NB4 NB5", "MON WED FRI",
                    "10am to 3pm", "English, Urdu", "Ceiling hoist and changing bench");
            return null;
        });
    }

    /** As a person books: the cost is checked first, and the booking is made at what it showed. */
    private Purchase bookAsShown(Booking booking) {
        return bookings.book(booking, bookings.preview(booking));
    }

    private long provider(long areaId, String name, String districts, @Nullable String cqc, String contact,
            String username) {
        return providers.register(new RegisterProvider(name, areaId, districts, cqc, contact,
                username + "@example.org", "01632 960000", username, PASSWORD, PASSWORD)).profile().organisationId();
    }

    private void listing(String category, String title, String description, ListingUnit unit, long pricePence,
            String districts, String days, @Nullable String times, String languages, @Nullable String accessibility) {
        long areaId = providers.mine().orElseThrow().areaId();
        long categoryId = pooling.categories(areaId).stream().filter(c -> c.name().equals(category))
                .findFirst().orElseThrow().id();
        listings.save(null, new ListingInput(categoryId, title, description, unit, pricePence,
                List.of(districts.split(" ")), List.of(days.split(" ")), times, languages, accessibility,
                ListingStatus.PUBLISHED));
    }

    private long category(String name) {
        return actingAs.run("holder", () -> pooling.categories(holders.mine().orElseThrow().areaId()).stream()
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow().id());
    }

    private void accept(IssuedInvitation invitation) {
        String url = invitation.link().url();
        invitations.acceptInvitation(url.substring(url.lastIndexOf('/') + 1), PASSWORD, PASSWORD);
    }

    private void person(String name, String username, Role role, @Nullable Long organisationId, @Nullable Long areaId,
            @Nullable String district) {
        AccountSummary account = accounts.createAccount(
                new NewAccount(name, username, role, organisationId, areaId, district));
        String url = invitations.issueInvitation(account.id()).link().url();
        String token = url.substring(url.lastIndexOf('/') + 1);
        invitations.acceptInvitation(token, PASSWORD, PASSWORD);
    }
}
