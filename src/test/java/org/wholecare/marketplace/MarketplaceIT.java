package org.wholecare.marketplace;

import static org.wholecare.TestArea.areaId;

import static org.wholecare.TestArea.ADMIN;
import static org.wholecare.TestArea.BROKER;
import static org.wholecare.TestArea.CARER;
import static org.wholecare.TestArea.COMMISSIONER;
import static org.wholecare.TestArea.COMMISSIONER_NAME;
import static org.wholecare.TestArea.HOLDER;
import static org.wholecare.TestArea.HOME_CARE;
import static org.wholecare.TestArea.HOME_CARE_NAME;
import static org.wholecare.TestArea.PHYSIO;
import static org.wholecare.TestArea.SECOND_HOLDER;

import org.wholecare.marketplace.ui.ListingView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.wholecare.IntegrationTest;
import org.wholecare.TestClock;
import org.wholecare.budget.BudgetTestData;
import org.wholecare.pooling.PoolingService;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.security.AccountService;
import org.wholecare.security.ActingAs;
import org.wholecare.security.SystemActor;
import org.wholecare.security.NewAccount;
import org.wholecare.security.Role;
import org.wholecare.shared.ValidationException;

@IntegrationTest
class MarketplaceIT {

    /** Testford's id, read once before each test (never inside a lambda that expects a refusal). */
    private long area;

    @org.junit.jupiter.api.BeforeEach
    void findTheTestArea() {
        area = areaId(actingAs);
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "a long enough password";

    @Autowired ProviderService providers;
    @Autowired ProviderDecisions providerDecisions;
    @Autowired ListingService listings;
    @Autowired SearchService search;
    @Autowired ReviewService reviews;
    @Autowired PoolingService pooling;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;
    @Autowired SearchTextUpkeep upkeep;
    @Autowired OrganisationService organisations;
    @Autowired AccountService accounts;
    @Autowired org.wholecare.security.Invitations invitations;
    @Autowired TestClock clock;
    @Autowired TypicalPrices typicalPrices;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbcClient;

    /** A provider serving TF7 and TF8, registered with the CQC so it may list any kind of support. */
    private String newProvider(boolean verify) {
        return newProvider(verify, "1-1" + String.format("%08d", SEQUENCE.incrementAndGet()));
    }

    private String newProvider(boolean verify, String cqcNumber) {
        int n = SEQUENCE.incrementAndGet();
        String username = "provider.test." + n;
        // a chosen username is the platform's to give (the demo does); the public form gets one made
        var profile = SystemActor.asAdministrator(() -> providers.register(new RegisterProvider("Test Care " + n + " "
                + System.nanoTime(), area, "TF7, TF8", cqcNumber, "Pat Test", "pat" + n + "@example.org", null, username,
                PASSWORD, PASSWORD))).profile();
        if (verify) {
            actingAs.run(COMMISSIONER, () -> providerDecisions.decide(profile.organisationId(), ProviderStatus.VERIFIED, null));
        }
        return username;
    }

    private ProviderProfile profileOf(String provider) {
        return actingAs.run(provider, () -> providers.mine().orElseThrow());
    }

    private Listing list(String provider, String category, String title, long pence, String district) {
        return list(provider, category, title, "A test service called " + title, ListingUnit.HOUR, pence, district,
                List.of("MON", "TUE"), "English, Welsh", ListingStatus.PUBLISHED);
    }

    private Listing list(String provider, String category, String title, String description, ListingUnit unit,
            long pence, String district, List<String> days, String languages, ListingStatus status) {
        long categoryId = BudgetTestData.category(actingAs, pooling, category);
        return actingAs.run(provider, () -> listings.save(null, new ListingInput(categoryId, title, description, unit,
                pence, List.of(district), days, null, languages, null, status)));
    }

    private List<SearchResult> find(String text, String category, String district, Long max, SearchQuery.Sort sort) {
        Long categoryId = category == null ? null : BudgetTestData.category(actingAs, pooling, category);
        return actingAs.run(HOLDER, () -> search.search(new SearchQuery(text, categoryId, district, max, null, null,
                sort, 0, 50)).results());
    }

    /** Ids found by a search as Testford's holder; a made-up language keeps other tests' listings out. */
    private List<Long> ids(String text, String category, String district, Long max, String day, String language,
            SearchQuery.Sort sort) {
        Long categoryId = category == null ? null : BudgetTestData.category(actingAs, pooling, category);
        return actingAs.run(HOLDER, () -> search.search(new SearchQuery(text, categoryId, district, max, day,
                language, sort, 0, 50)).results().stream().map(r -> r.listing().id()).toList());
    }

    private String newLanguage() {
        return "Testlang" + SEQUENCE.incrementAndGet();
    }

    private long holderId(String username) {
        return jdbc.queryForObject("SELECT h.id FROM budget_holder h JOIN user_account a ON a.id = h.account_id "
                + "WHERE a.username = ?", Long.class, username);
    }

    @Test
    void thePublicRegistrationFormNeverSaysWhichUsernamesExist() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class);
        // someone trying the form with a username of their choosing is refused outright, taken or not
        for (String tried : new String[] {HOLDER, "nobody.has.this.one"}) {
            assertThatThrownBy(() -> providers.register(new RegisterProvider("Curious Care " + tried, area, "TF4", null,
                    "Cu Rious", "cu@example.org", null, tried, PASSWORD, PASSWORD)))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class)).isEqualTo(before);
        // the same name twice gets two usernames made from it, neither anyone else's
        String first = providers.register(new RegisterProvider("Twin Care One " + System.nanoTime(), area, "TF4", null,
                "Ivy Green", "ivy1@example.org", null, null, PASSWORD, PASSWORD)).username();
        String second = providers.register(new RegisterProvider("Twin Care Two " + System.nanoTime(), area, "TF4", null,
                "Ivy Green", "ivy2@example.org", null, null, PASSWORD, PASSWORD)).username();
        assertThat(first).matches("ivy\\.green\\.\\d{4}");
        assertThat(second).matches("ivy\\.green\\.\\d{4}").isNotEqualTo(first);
        assertThat(actingAs.run(second, () -> providers.mine()).orElseThrow().contactName()).isEqualTo("Ivy Green");
    }

    @Test
    void badRegistrationsAreRefusedAndNothingIsSaved() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class);
        assertThatThrownBy(() -> providers.register(new RegisterProvider("Bad Care", area, "TF4, ZZ9", "12345",
                "Pat", "not-an-email", "call me", "bad.care", PASSWORD, PASSWORD)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("postcodeDistricts", "cqcNumber", "contactEmail", "contactPhone"));
        assertThatThrownBy(() -> providers.register(new RegisterProvider("Bad Care", area, "TF4", null,
                "Pat", "pat@example.org", null, null, "short", "short")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("password"));
        assertThatThrownBy(() -> providers.register(new RegisterProvider(HOME_CARE_NAME, area, "TF4", null,
                "Pat", "pat@example.org", null, null, PASSWORD, PASSWORD)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("name"));
        // everything wrong at once is said at once: the name, the contact and the password together
        assertThatThrownBy(() -> providers.register(new RegisterProvider(HOME_CARE_NAME, area, "TF4", null,
                " ", "not-an-email", null, null, "short", "short")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("name", "contactName", "contactEmail", "password"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class)).isEqualTo(before);
    }

    @Test
    void badListingsAreRefusedAtTheFieldAndNothingChanges() {
        String provider = newProvider(true);
        long personalCare = BudgetTestData.category(actingAs, pooling, "Personal care");
        long alcohol = BudgetTestData.category(actingAs, pooling, "Alcohol");
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM listing", Long.class);
        for (long price : new long[] {0, -100, 1_000_001}) {
            assertThatThrownBy(() -> actingAs.run(provider, () -> listings.save(null, new ListingInput(personalCare,
                    "Help", "Help at home", ListingUnit.HOUR, price, List.of("TF7"), List.of("MON"), null, null, null,
                    ListingStatus.PUBLISHED))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("price"));
        }
        assertThatThrownBy(() -> actingAs.run(provider, () -> listings.save(null, new ListingInput(alcohol,
                "x".repeat(10_000), " ", null, 100, List.of("TF4"), List.of(), null, null, null, null))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(
                        "category", "title", "description", "unit", "districts", "days", "status"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM listing", Long.class)).isEqualTo(before);
    }

    @Test
    void aProviderCannotChangeAnotherProvidersListingById() {
        String owner = newProvider(true);
        String intruder = newProvider(true);
        Listing listing = list(owner, "Personal care", "Owner's help", 2_000, "TF7");
        long categoryId = listing.categoryId();
        assertThatThrownBy(() -> actingAs.run(intruder, () -> listings.save(listing.id(), new ListingInput(categoryId,
                "Hijacked", "Hijacked", ListingUnit.HOUR, 1, List.of("TF7"), List.of("MON"), null, null, null,
                ListingStatus.PUBLISHED)))).isInstanceOf(AccessDeniedException.class);
        assertThat(actingAs.run(owner, () -> listings.mine()).getFirst().title()).isEqualTo("Owner's help");
    }

    @Test
    void onlyVerifiedProvidersAreFoundAndASuspensionHidesThemAtOnce() {
        String pending = newProvider(false);
        String verified = newProvider(true);
        String word = "zebrafinch" + SEQUENCE.incrementAndGet();
        list(pending, "Therapy", "Pending " + word, 3_000, "TF8");
        Listing seen = list(verified, "Therapy", "Verified " + word, 3_000, "TF8");
        assertThat(find(word, null, "TF8", null, null)).extracting(r -> r.listing().id()).containsExactly(seen.id());

        long organisationId = seen.organisationId();
        actingAs.run(COMMISSIONER, () -> providerDecisions.decide(organisationId, ProviderStatus.SUSPENDED, "Complaints under review"));
        assertThat(find(word, null, "TF8", null, null)).isEmpty();
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> search.listing(seen.id(), "TF8")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(actingAs.run(verified, () -> listings.mine()).getFirst().visible()).isFalse();
    }

    @Test
    void searchFiltersSortsAndComparesWithTheMedianPrice() {
        String a = newProvider(true);
        String b = newProvider(true);
        String word = "kingfisher" + SEQUENCE.incrementAndGet();
        list(a, "Nursing", word + " nursing one", 3_000, "TF7");
        list(a, "Nursing", word + " nursing two", 4_000, "TF7");
        list(b, "Nursing", word + " nursing three", 6_000, "TF7");
        list(b, "Transport", word + " taxi", 1_500, "TF7");

        var byPrice = find(word, "Nursing", "TF7", null, SearchQuery.Sort.PRICE);
        assertThat(byPrice).extracting(r -> r.listing().pricePence()).containsExactly(3_000L, 4_000L, 6_000L);
        // the median of 30, 40, 60 is 40: 30 is 25% below, 60 is 50% above
        assertThat(byPrice).extracting(SearchResult::typicalPricePence).containsOnly(4_000L);
        assertThat(byPrice).extracting(SearchResult::percentVersusTypical).containsExactly(-25, 0, 50);
        assertThat(byPrice.getFirst().priceComparison()).isEqualTo("25% below typical here");

        assertThat(find(word, "Nursing", "TF7", 4_000L, SearchQuery.Sort.PRICE)).hasSize(2);
        assertThat(find(word, null, "TF7", null, SearchQuery.Sort.PRICE)).hasSize(4);
        assertThat(find(word, null, "TF8", null, null)).isEmpty();
        // a word's beginning finds it; typed operators are just text
        var taxi = find(word.substring(0, 7) + " taxi", null, "TF7", null, null);
        assertThat(taxi).hasSize(1);
        // one taxi listing alone is no basis for a "typical" price
        assertThat(taxi.getFirst().typicalPricePence()).isNull();
        assertThat(taxi.getFirst().priceComparison()).isEqualTo("No other prices to compare with here yet");
        assertThat(find("+" + word + " -\"taxi\" <>()~*", null, "TF7", null, null)).hasSize(1);
        assertThat(actingAs.run(HOLDER, () -> search.search(new SearchQuery(word, null, "TF7", null, "SUN", null,
                null, 0, 50)).results())).isEmpty();
        assertThat(actingAs.run(HOLDER, () -> search.search(new SearchQuery(word, null, "TF7", null, "MON", "Welsh",
                null, 0, 50)).results())).hasSize(4);
    }

    @Test
    void aPriceChangeIsKeptInHistoryAndHtmlIsStoredAsTyped() {
        String provider = newProvider(true);
        Listing listing = list(provider, "Personal care", "History", 2_000, "TF7");
        actingAs.run(provider, () -> listings.save(listing.id(), new ListingInput(listing.categoryId(), "History",
                "<script>alert('x')</script> <b>bold</b>", ListingUnit.HOUR, 2_200, List.of("TF7"), List.of("MON"),
                null, null, null, ListingStatus.PUBLISHED)));
        assertThat(actingAs.run(provider, () -> listings.priceHistory(listing.id())).stream().map(PriceChange::pricePence))
                .containsExactly(2_200L, 2_000L);
        assertThat(actingAs.run(HOLDER, () -> search.listing(listing.id(), "TF7")).listing().description())
                .isEqualTo("<script>alert('x')</script> <b>bold</b>");
    }

    @Test
    void nobodyCanReviewAProviderThatHasNotServedThem() {
        long unused = profileOf(newProvider(true)).organisationId();
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> reviews.leave(unused, 5, "Lovely")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("once you have bought and received a service");
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> reviews.leave(unused, 5, "Lovely")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(actingAs.run(HOLDER, () -> reviews.reviews(unused))).isEmpty();
    }

    @Test
    void searchTermsFollowAListingsWordsAndDistrictsAndAreRemadeWhenStale() {
        String provider = newProvider(true);
        String word = "heron" + SEQUENCE.incrementAndGet();
        Listing listing = list(provider, "Therapy", word + " walks", 2_500, "TF7");
        assertThat(find(word, null, "TF7", null, null)).hasSize(1);
        // the words are joined to the district: the same word elsewhere finds nothing
        assertThat(find(word, null, "TF8", null, null)).isEmpty();

        String other = "otter" + SEQUENCE.incrementAndGet();
        actingAs.run(provider, () -> listings.save(listing.id(), new ListingInput(listing.categoryId(), other + " walks",
                "Gentle walks", ListingUnit.HOUR, 2_500, List.of("TF8"), List.of("MON"), null, null, null,
                ListingStatus.PUBLISHED)));
        assertThat(find(word, null, "TF7", null, null)).isEmpty();
        assertThat(find(other, null, "TF7", null, null)).isEmpty();
        assertThat(find(other, null, "TF8", null, null)).hasSize(1);

        // a listing stored before the terms last changed cannot be found until start-up remakes it
        jdbc.update("UPDATE listing SET search_text = NULL, search_terms_version = 0 WHERE id = ?", listing.id());
        assertThat(find(other, null, "TF8", null, null)).isEmpty();
        upkeep.run(null);
        assertThat(find(other, null, "TF8", null, null)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM listing WHERE search_terms_version < ?", Long.class,
                SearchTerms.VERSION)).isZero();
    }

    @Test
    void aProviderProfileIsSeenOnlyOnceVerifiedExceptByItsStaffAndCommissioners() {
        String pending = newProvider(false);
        Listing draft = list(pending, "Therapy", "Pending profile", 2_000, "TF7");
        long organisationId = draft.organisationId();
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> providers.viewable(organisationId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run(BROKER, () -> search.listingsOf(organisationId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> reviews.reviews(organisationId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(actingAs.run(pending, () -> providers.viewable(organisationId)).status()).isEqualTo(ProviderStatus.PENDING);
        assertThat(actingAs.run(COMMISSIONER, () -> providers.viewable(organisationId)).status())
                .isEqualTo(ProviderStatus.PENDING);
        // not yet visible, so not among the services shown on its profile
        assertThat(actingAs.run(pending, () -> search.listingsOf(organisationId))).isEmpty();

        actingAs.run(COMMISSIONER, () -> providerDecisions.decide(organisationId, ProviderStatus.VERIFIED, null));
        assertThat(actingAs.run(HOLDER, () -> search.listingsOf(organisationId)))
                .extracting(r -> r.listing().id()).containsExactly(draft.id());
    }

    @Test
    void reviewsAreRepliedToByTheirProviderReportedAndKeptOrRemovedByACommissioner() {
        String provider = newProvider(true);
        String otherProvider = newProvider(true);
        Listing listing = list(provider, "Therapy", "Reviewed service", 2_000, "TF7");
        long organisationId = listing.organisationId();
        // reviews need a delivered purchase (see PurchaseIT); here the rows are set up directly, one per holder
        long fair = review(organisationId, holderId(HOLDER), 4, "Kind and on time");
        long unfair = review(organisationId, holderId(SECOND_HOLDER), 1, "Names a carer's home address");
        jdbc.update("UPDATE listing SET review_count = 2, rating_average = 2.5 WHERE organisation_id = ?", organisationId);

        assertThatThrownBy(() -> actingAs.run(otherProvider, () -> reviews.reply(fair, "Not ours")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run(provider, () -> reviews.reply(fair, "  ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("reply"));
        actingAs.run(provider, () -> reviews.reply(fair, "Thank you, <b>Sam</b>"));
        assertThat(actingAs.run(HOLDER, () -> reviews.reviews(organisationId)))
                .filteredOn(r -> r.id() == fair).extracting(Review::providerReply).containsExactly("Thank you, <b>Sam</b>");

        assertThatThrownBy(() -> actingAs.run(provider, () -> { reviews.report(unfair); return null; }))
                .isInstanceOf(ValidationException.class);
        // a provider still waiting for its checks cannot flag other providers' reviews
        String waiting = newProvider(false);
        assertThatThrownBy(() -> actingAs.run(waiting, () -> { reviews.report(fair); return null; }))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                        .contains("once a commissioner has checked your organisation"));
        // nobody reports their own review (nor a carer the review of the person they act for)
        assertThat(actingAs.run(HOLDER, () -> reviews.writtenByMe(organisationId))).containsExactly(fair);
        assertThat(actingAs.run(BROKER, () -> reviews.writtenByMe(organisationId))).isEmpty();
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> { reviews.report(fair); return null; }))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                        .startsWith("This is your own review"));
        assertThatThrownBy(() -> actingAs.run(CARER, () -> { reviews.report(fair); return null; }))
                .isInstanceOf(ValidationException.class);
        assertThat(jdbc.queryForObject("SELECT reported FROM review WHERE id = ?", Boolean.class, fair)).isFalse();
        actingAs.run(HOLDER, () -> { reviews.report(unfair); return null; });
        actingAs.run(BROKER, () -> { reviews.report(fair); return null; });
        assertThat(actingAs.run(COMMISSIONER, () -> reviews.reportedInMyArea())).extracting(Review::id)
                .contains(unfair, fair);
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> reviews.reportedInMyArea()))
                .isInstanceOf(AccessDeniedException.class);

        // removing needs a reason; nothing changes without one
        assertThatThrownBy(() -> actingAs.run(COMMISSIONER, () -> { reviews.decideReport(unfair, true, " "); return null; }))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("reason"));
        assertThat(actingAs.run(HOLDER, () -> reviews.reviews(organisationId))).hasSize(2);

        actingAs.run(COMMISSIONER, () -> { reviews.decideReport(fair, false, null); return null; });
        actingAs.run(COMMISSIONER, () -> { reviews.decideReport(unfair, true, "Shares a home address"); return null; });
        assertThat(actingAs.run(HOLDER, () -> reviews.reviews(organisationId))).extracting(Review::id).containsExactly(fair);
        assertThat(actingAs.run(COMMISSIONER, () -> reviews.reportedInMyArea())).extracting(Review::id)
                .doesNotContain(fair, unfair);
        assertThat(actingAs.run(HOLDER, () -> search.listing(listing.id(), "TF7")).listing())
                .satisfies(l -> assertThat(l.reviewCount()).isEqualTo(1))
                .satisfies(l -> assertThat(l.ratingAverage()).isEqualTo(4.0));
        assertThat(jdbc.queryForObject("SELECT removed_reason FROM review WHERE id = ?", String.class, unfair))
                .isEqualTo("Shares a home address");
        // a removed review can no longer be reported, replied to or decided
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> { reviews.report(unfair); return null; }))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> actingAs.run(provider, () -> reviews.reply(unfair, "Sorry")))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void searchWithoutWordsFiltersByKindPriceDayAndLanguage() {
        String provider = newProvider(true);
        String language = newLanguage();
        long yoga = list(provider, "Therapy", "Chair yoga", "Gentle seated exercise", ListingUnit.HOUR, 2_000, "TF8",
                List.of("MON"), "English, " + language, ListingStatus.PUBLISHED).id();
        long stretch = list(provider, "Therapy", "Weekend stretch", "Longer classes", ListingUnit.HOUR, 3_500, "TF8",
                List.of("SAT"), language, ListingStatus.PUBLISHED).id();
        long lift = list(provider, "Transport", "Lift to the shops", "Door to door", ListingUnit.HOUR, 1_000, "TF8",
                List.of("MON"), language, ListingStatus.PUBLISHED).id();
        list(provider, "Therapy", "Chair yoga in English", "Gentle seated exercise", ListingUnit.HOUR, 2_000, "TF8",
                List.of("MON"), "English", ListingStatus.PUBLISHED);

        var price = SearchQuery.Sort.PRICE;
        assertThat(ids(null, null, "TF8", null, null, language, price)).containsExactly(lift, yoga, stretch);
        // words too short or common to search by leave the search without words
        assertThat(ids("an", null, "tf8", null, null, language, price)).containsExactly(lift, yoga, stretch);
        assertThat(ids(null, "Therapy", "TF8", null, null, language, price)).containsExactly(yoga, stretch);
        assertThat(ids(null, null, "TF8", 2_000L, null, language, price)).containsExactly(lift, yoga);
        assertThat(ids(null, null, "TF8", null, "SAT", language, price)).containsExactly(stretch);
        assertThat(ids(null, "Therapy", "TF8", 3_000L, "MON", language, price)).containsExactly(yoga);
        assertThat(ids(null, null, "TF8", 999L, null, language, price)).isEmpty();
        // offered in TF8 only
        assertThat(ids(null, null, "TF7", null, null, language, price)).isEmpty();
    }

    @Test
    void searchSortsByRatingAndByRelevanceAndANewListingCarriesItsProvidersRating() {
        String best = newProvider(true);
        String good = newProvider(true);
        String unrated = newProvider(true);
        // the reviews come first: listings added afterwards must still show them
        review(profileOf(best).organisationId(), holderId(HOLDER), 5, "Excellent");
        review(profileOf(good).organisationId(), holderId(HOLDER), 3, "Fine");
        String language = newLanguage();
        String word = "lapwing" + SEQUENCE.incrementAndGet();
        long bestId = list(best, "Therapy", word + " best", "Rated five", ListingUnit.HOUR, 5_000, "TF8",
                List.of("MON"), language, ListingStatus.PUBLISHED).id();
        long goodId = list(good, "Therapy", word + " good", "Rated three", ListingUnit.HOUR, 4_000, "TF8",
                List.of("MON"), language, ListingStatus.PUBLISHED).id();
        long unratedId = list(unrated, "Therapy", word + " new", "Not rated", ListingUnit.HOUR, 1_000, "TF8",
                List.of("MON"), language, ListingStatus.PUBLISHED).id();

        var rating = SearchQuery.Sort.RATING;
        assertThat(ids(null, null, "TF8", null, null, language, rating)).containsExactly(bestId, goodId, unratedId);
        assertThat(ids(word, null, "TF8", null, null, null, rating)).containsExactly(bestId, goodId, unratedId);
        var best5 = actingAs.run(HOLDER, () -> search.listing(bestId, "TF8")).listing();
        assertThat(best5.reviewCount()).isEqualTo(1);
        assertThat(best5.ratingAverage()).isEqualTo(5.0);
        assertThat(ListingView.rating(best5)).isEqualTo("5.0 out of 5 from 1 review");
        assertThat(ListingView.rating(actingAs.run(HOLDER, () -> search.listing(unratedId, "TF8")).listing()))
                .isEqualTo("Not rated yet");

        // a word in the title counts more than one only in the description, whatever the price
        String other = "dunlin" + SEQUENCE.incrementAndGet();
        long inTitle = list(best, "Therapy", "Garden " + other, "Help outdoors", ListingUnit.HOUR, 3_000, "TF8",
                List.of("MON"), "English", ListingStatus.PUBLISHED).id();
        long inText = list(good, "Therapy", "Helpful visits", "We talk about " + other + " walks", ListingUnit.HOUR,
                2_000, "TF8", List.of("MON"), "English", ListingStatus.PUBLISHED).id();
        assertThat(ids(other, null, "TF8", null, null, null, SearchQuery.Sort.RELEVANCE)).containsExactly(inTitle, inText);
        assertThat(ids(other, null, "TF8", null, null, null, SearchQuery.Sort.PRICE)).containsExactly(inText, inTitle);
    }

    @Test
    void resultsComeInPagesWithMoreSaidOnlyWhenThereAreMore() {
        String provider = newProvider(true);
        String language = newLanguage();
        List<Long> all = new java.util.ArrayList<>();
        for (long pence : new long[] {1_100, 1_200, 1_300}) {
            all.add(list(provider, "Therapy", "Paged " + pence, "Paging", ListingUnit.HOUR, pence, "TF8",
                    List.of("MON"), language, ListingStatus.PUBLISHED).id());
        }
        var first = page(language, 0, 2);
        assertThat(first.results()).extracting(r -> r.listing().id()).containsExactly(all.get(0), all.get(1));
        assertThat(first.more()).isTrue();
        var second = page(language, 2, 2);
        assertThat(second.results()).extracting(r -> r.listing().id()).containsExactly(all.get(2));
        assertThat(second.more()).isFalse();
        var exactlyAll = page(language, 0, 3);
        assertThat(exactlyAll.results()).hasSize(3);
        assertThat(exactlyAll.more()).isFalse();
        // a negative offset starts at the beginning; one past the most ever shown finds nothing
        assertThat(page(language, -5, 2).results()).extracting(r -> r.listing().id())
                .containsExactly(all.get(0), all.get(1));
        var tooFar = page(language, SearchService.MAX_RESULTS, 2);
        assertThat(tooFar.results()).isEmpty();
        assertThat(tooFar.more()).isFalse();
    }

    private SearchService.Page page(String language, int offset, int limit) {
        return actingAs.run(HOLDER, () -> search.search(new SearchQuery(null, null, "TF8", null, null, language,
                SearchQuery.Sort.PRICE, offset, limit)));
    }

    @Test
    void theTypicalPriceIsTheMedianOfVisibleListingsOnly() {
        String a = newProvider(true);
        String b = newProvider(true);
        String suspended = newProvider(true);
        String pending = newProvider(false);
        String language = newLanguage();
        String kind = "Equipment and adaptations";
        List<Long> visible = new java.util.ArrayList<>();
        visible.add(list(a, kind, "Grab rails", "Fitted", ListingUnit.DAY, 1_000, "TF7", List.of("MON"), language,
                ListingStatus.PUBLISHED).id());
        visible.add(list(a, kind, "Ramp", "Fitted", ListingUnit.DAY, 2_000, "TF7", List.of("MON"), language,
                ListingStatus.PUBLISHED).id());
        visible.add(list(b, kind, "Stair rail", "Fitted", ListingUnit.DAY, 3_001, "TF7", List.of("MON"), language,
                ListingStatus.PUBLISHED).id());
        visible.add(list(b, kind, "Wet room", "Fitted", ListingUnit.DAY, 5_000, "TF7", List.of("MON"), language,
                ListingStatus.PUBLISHED).id());
        // none of these may count: a draft, a paused listing, a suspended provider's and an unchecked provider's
        list(a, kind, "Draft rail", "Fitted", ListingUnit.DAY, 10, "TF7", List.of("MON"), language, ListingStatus.DRAFT);
        list(a, kind, "Paused rail", "Fitted", ListingUnit.DAY, 20, "TF7", List.of("MON"), language, ListingStatus.PAUSED);
        list(suspended, kind, "Suspended rail", "Fitted", ListingUnit.DAY, 30, "TF7", List.of("MON"), language,
                ListingStatus.PUBLISHED);
        list(pending, kind, "Pending rail", "Fitted", ListingUnit.DAY, 40, "TF7", List.of("MON"), language,
                ListingStatus.PUBLISHED);
        long suspendedId = profileOf(suspended).organisationId();
        actingAs.run(COMMISSIONER, () -> providerDecisions.decide(suspendedId, ProviderStatus.SUSPENDED, "Checking a complaint"));

        var found = actingAs.run(HOLDER, () -> search.search(new SearchQuery(null, null, "TF7", null, null, language,
                SearchQuery.Sort.PRICE, 0, 50)).results());
        assertThat(found).extracting(r -> r.listing().id()).containsExactlyElementsOf(visible);
        // an even count: the mean of the two middle prices, (20.00 + 30.01) / 2 rounded to the penny
        assertThat(found).extracting(SearchResult::typicalPricePence).containsOnly(2_501L);
        assertThat(found).extracting(SearchResult::percentVersusTypical).containsExactly(-60, -20, 20, 100);
        // the listing page compares in the same district as the search card did
        assertThat(actingAs.run(HOLDER, () -> search.listing(visible.get(3), "tf7")).priceComparison())
                .isEqualTo("100% above typical here");
    }

    @Test
    void aPriceChangedOnOneInstanceShowsOnAnotherWithinAMinute() {
        String provider = newProvider(true);
        long kind = BudgetTestData.category(actingAs, pooling, "Equipment and adaptations");
        // another app instance: its own memory of the medians, the same database and clock
        TypicalPrices otherInstance = new TypicalPrices(jdbcClient, clock, java.time.Duration.ofMinutes(1));
        List<Listing> listed = new java.util.ArrayList<>();
        for (long pence : List.of(1_000L, 2_000L, 3_000L)) {
            listed.add(list(provider, "Equipment and adaptations", "Hoist " + pence, "Fitted", ListingUnit.ITEM, pence,
                    "TF8", List.of("MON"), "English", ListingStatus.PUBLISHED));
        }
        long before = typicalPrices.median(kind, "TF8", ListingUnit.ITEM).orElseThrow();
        assertThat(otherInstance.median(kind, "TF8", ListingUnit.ITEM)).contains(before);
        Listing cheapest = listed.getFirst();
        // this instance puts the cheapest a long way up: the median moves at once here
        actingAs.run(provider, () -> listings.save(cheapest.id(), new ListingInput(cheapest.categoryId(),
                cheapest.title(), cheapest.description(), cheapest.unit(), 900_000L, cheapest.districts(),
                cheapest.days(), null, "English", null, ListingStatus.PUBLISHED)));
        long after = typicalPrices.median(kind, "TF8", ListingUnit.ITEM).orElseThrow();
        assertThat(after).isNotEqualTo(before);
        // the other instance may show the old one for up to a minute, and not after
        assertThat(otherInstance.median(kind, "TF8", ListingUnit.ITEM)).contains(before);
        clock.advance(java.time.Duration.ofSeconds(61));
        try {
            assertThat(otherInstance.median(kind, "TF8", ListingUnit.ITEM)).contains(after);
        } finally {
            clock.advance(java.time.Duration.ofSeconds(-61));
        }
    }

    @Test
    void anUnknownDistrictOrAHighestPriceOfNothingIsRefusedAtTheField() {
        assertThatThrownBy(() -> find(null, null, "zz9", null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsExactly(
                        java.util.Map.entry("district", "We do not know the postcode district ZZ9. Check it, for example NB4.")));
        assertThatThrownBy(() -> find("physiotherapy", null, "ZZ9", null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("district"));
        assertThatThrownBy(() -> find(null, null, "not a district", null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors().get("district"))
                        .contains("is not a postcode district"));
        for (long max : new long[] {0, -100}) {
            assertThatThrownBy(() -> find(null, null, "TF4", max, null))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("maxPrice"));
        }
        assertThat(find(null, null, "TF4", null, null)).isNotEmpty();
    }

    @Test
    void aHolderReviewsAProviderOnlyOnce() {
        String provider = newProvider(true);
        ProviderProfile profile = profileOf(provider);
        long first = review(profile.organisationId(), holderId(HOLDER), 4, "Kind and on time");
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM review", Long.class);
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> reviews.leave(profile.organisationId(), 5, "Even better")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("You have already reviewed " + profile.name() + "."));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM review", Long.class)).isEqualTo(before);
        // the database refuses a second one too, whatever gets past the service
        assertThatThrownBy(() -> review(profile.organisationId(), holderId(HOLDER), 5, "Again"))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        // a removed review still counts, and the holder is told why they cannot see it
        jdbc.update("UPDATE review SET removed = TRUE, removed_reason = 'Test' WHERE id = ?", first);
        assertThatThrownBy(() -> actingAs.run(HOLDER, () -> reviews.leave(profile.organisationId(), 5, "Once more")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("A commissioner removed that review");
        // another holder may still review it (once served)
        assertThatThrownBy(() -> actingAs.run(SECOND_HOLDER, () -> reviews.leave(profile.organisationId(), 5, "Lovely")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("bought and received");
    }

    @Test
    void aHiddenListingIsSeenOnlyByItsProviderAndItsAreasCommissioners() {
        String provider = newProvider(true);
        Listing draft = list(provider, "Therapy", "Hidden draft", "Not ready", ListingUnit.HOUR, 2_000, "TF7",
                List.of("MON"), "English", ListingStatus.DRAFT);
        String elsewhere = otherAreaCommissioner();
        assertThat(actingAs.run(provider, () -> search.listing(draft.id(), null)).listing().visible()).isFalse();
        assertThat(actingAs.run(COMMISSIONER, () -> search.listing(draft.id(), null)).listing().id()).isEqualTo(draft.id());
        for (String outsider : List.of(elsewhere, HOLDER, BROKER, PHYSIO)) {
            assertThatThrownBy(() -> actingAs.run(outsider, () -> search.listing(draft.id(), null)))
                    .as(outsider).isInstanceOf(AccessDeniedException.class);
        }
        // nor an unchecked provider's profile, or a decision about it
        String pending = newProvider(false);
        long pendingId = profileOf(pending).organisationId();
        assertThatThrownBy(() -> actingAs.run(elsewhere, () -> providers.viewable(pendingId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run(elsewhere, () -> providerDecisions.decide(pendingId, ProviderStatus.VERIFIED, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(actingAs.run(elsewhere, () -> providerDecisions.inMyArea(""))).satisfies(c -> {
            assertThat(c.waiting()).isEmpty();
            assertThat(c.others()).isEmpty();
        });
    }

    /** A commissioner of a second area, made once through the real services. */
    private String otherAreaCommissioner() {
        String username = "commissioner.otherby";
        if (jdbc.queryForObject("SELECT COUNT(*) FROM user_account WHERE username = ?", Long.class, username) == 0) {
            String url = actingAs.run(ADMIN, () -> {
                var area = organisations.createArea("Otherby", "QX1, QX2");
                var council = organisations.createOrganisation("Otherby Council", OrganisationType.COUNCIL, area.id());
                var account = accounts.createAccount(new NewAccount("Olu Other", username, Role.COMMISSIONER,
                        council.id(), null, null));
                return invitations.issueInvitation(account.id()).link().url();
            });
            invitations.acceptInvitation(url.substring(url.lastIndexOf('/') + 1), PASSWORD, PASSWORD);
        }
        return username;
    }

    @Test
    void onlyARegisteredProviderPublishesAKindOfSupportThatNeedsCqcRegistration() {
        long nursing = BudgetTestData.category(actingAs, pooling, "Nursing");
        Boolean before = jdbc.queryForObject("SELECT needs_cqc_registration FROM service_category WHERE id = ?",
                Boolean.class, nursing);
        jdbc.update("UPDATE service_category SET needs_cqc_registration = TRUE WHERE id = ?", nursing);
        try {
            String provider = newProvider(true, null);
            long listingsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM listing", Long.class);
            // TF8 and these units, so no other test's typical price changes
            assertThatThrownBy(() -> list(provider, "Nursing", "Night nursing", "Registered nurses", ListingUnit.HOUR,
                    4_000, "TF8", List.of("MON"), "English", ListingStatus.PUBLISHED))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.fieldErrors()).containsOnlyKeys("category");
                        assertThat(e.fieldErrors().get("category")).contains("Nursing").contains("CQC registration number")
                                .contains("Your CQC registration");
                    });
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM listing", Long.class)).isEqualTo(listingsBefore);
            assertThat(actingAs.run(provider, () -> pooling.categories(profileOf(provider).areaId())).stream()
                    .filter(org.wholecare.pooling.ServiceCategory::needsCqcRegistration)
                    .map(org.wholecare.pooling.ServiceCategory::id)).contains(nursing);
            // a draft may wait for the number; other kinds of support do not need one
            Listing draft = list(provider, "Nursing", "Night nursing", "Registered nurses", ListingUnit.HOUR, 4_000,
                    "TF8", List.of("MON"), "English", ListingStatus.DRAFT);
            assertThat(list(provider, "Transport", "Hospital lift", "Door to door", ListingUnit.ITEM, 1_500, "TF8",
                    List.of("MON"), "English", ListingStatus.PUBLISHED).visible()).isTrue();

            assertThatThrownBy(() -> actingAs.run(provider, () -> providers.changeCqcNumber("12345")))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("cqcNumber"));
            assertThat(profileOf(provider).cqcNumber()).isNull();
            clock.advance(java.time.Duration.ofSeconds(1));
            assertThat(actingAs.run(provider, () -> providers.changeCqcNumber(" 1-123456789 ")).cqcNumber())
                    .isEqualTo("1-123456789");
            Listing published = actingAs.run(provider, () -> listings.save(draft.id(), new ListingInput(draft.categoryId(),
                    draft.title(), draft.description(), draft.unit(), draft.pricePence(), draft.districts(), draft.days(),
                    null, "English", null, ListingStatus.PUBLISHED)));
            assertThat(published.visible()).isTrue();

            // the number cannot go while a published listing needs it
            assertThatThrownBy(() -> actingAs.run(provider, () -> providers.changeCqcNumber(" ")))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors().get("cqcNumber"))
                            .contains("Night nursing"));
            assertThat(profileOf(provider).cqcNumber()).isEqualTo("1-123456789");
            // and the commissioners see that it changed after they checked the provider
            String name = profileOf(provider).name();
            assertThat(actingAs.run(COMMISSIONER, () -> providerDecisions.inMyArea(name)).others())
                    .singleElement().satisfies(c -> assertThat(c.cqcNumberChangedSinceChecked()).isTrue());
        } finally {
            jdbc.update("UPDATE service_category SET needs_cqc_registration = ? WHERE id = ?", before, nursing);
        }
    }

    @Test
    void aProviderMovesOnlyBetweenTheAllowedStatusesAndEveryDecisionIsKept() {
        String provider = newProvider(false);
        ProviderProfile profile = profileOf(provider);
        long id = profile.organisationId();
        assertThatThrownBy(() -> decide(id, ProviderStatus.SUSPENDED, "Complaints"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("decision"));
        assertThatThrownBy(() -> decide(id, ProviderStatus.REJECTED, " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("reason"));
        assertThat(profileOf(provider).status()).isEqualTo(ProviderStatus.PENDING);

        assertThat(decide(id, ProviderStatus.REJECTED, "No proof of insurance").status()).isEqualTo(ProviderStatus.REJECTED);
        assertThatThrownBy(() -> decide(id, ProviderStatus.REJECTED, "Again"))
                .isInstanceOf(ValidationException.class).hasMessage(profile.name() + " is already not approved.");
        assertThatThrownBy(() -> decide(id, ProviderStatus.SUSPENDED, "Complaints")).isInstanceOf(ValidationException.class);
        assertThat(decide(id, ProviderStatus.VERIFIED, null).status()).isEqualTo(ProviderStatus.VERIFIED);
        assertThatThrownBy(() -> decide(id, ProviderStatus.VERIFIED, null))
                .isInstanceOf(ValidationException.class).hasMessage(profile.name() + " is already verified.");
        assertThatThrownBy(() -> decide(id, ProviderStatus.REJECTED, "Changed my mind"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("decision"));
        assertThatThrownBy(() -> decide(id, ProviderStatus.PENDING, "Start again")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> decide(id, null, null)).isInstanceOf(ValidationException.class);
        assertThat(decide(id, ProviderStatus.SUSPENDED, "Checking a complaint").status()).isEqualTo(ProviderStatus.SUSPENDED);
        assertThat(decide(id, ProviderStatus.VERIFIED, "Complaint looked into").status()).isEqualTo(ProviderStatus.VERIFIED);

        ProviderCheck check = actingAs.run(COMMISSIONER, () -> providerDecisions.inMyArea(profile.name())).others().getFirst();
        assertThat(check.provider().organisationId()).isEqualTo(id);
        assertThat(check.decisions()).extracting(ProviderDecision::from, ProviderDecision::to, ProviderDecision::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ProviderStatus.SUSPENDED, ProviderStatus.VERIFIED, "Complaint looked into"),
                        org.assertj.core.groups.Tuple.tuple(ProviderStatus.VERIFIED, ProviderStatus.SUSPENDED, "Checking a complaint"),
                        org.assertj.core.groups.Tuple.tuple(ProviderStatus.REJECTED, ProviderStatus.VERIFIED, null),
                        org.assertj.core.groups.Tuple.tuple(ProviderStatus.PENDING, ProviderStatus.REJECTED, "No proof of insurance"));
        assertThat(check.decisions()).extracting(ProviderDecision::decidedByName).containsOnly(COMMISSIONER_NAME);
    }

    private ProviderProfile decide(long organisationId, ProviderStatus decision, String reason) {
        return actingAs.run(COMMISSIONER, () -> providerDecisions.decide(organisationId, decision, reason));
    }

    @Test
    void providerChecksListTheWaitingFirstAndFindOthersByName() {
        String waiting = newProvider(false);
        String verified = newProvider(true);
        ProviderProfile waitingProfile = profileOf(waiting);
        ProviderProfile verifiedProfile = profileOf(verified);
        ProviderChecks all = actingAs.run(COMMISSIONER, () -> providerDecisions.inMyArea(null));
        assertThat(all.waiting()).extracting(c -> c.provider().organisationId()).contains(waitingProfile.organisationId())
                .doesNotContain(verifiedProfile.organisationId());
        assertThat(all.waiting()).allSatisfy(c -> assertThat(c.provider().status()).isEqualTo(ProviderStatus.PENDING));
        assertThat(all.others()).allSatisfy(c -> assertThat(c.provider().status()).isNotEqualTo(ProviderStatus.PENDING));
        assertThat(all.others()).extracting(c -> c.provider().name()).contains(HOME_CARE_NAME);
        assertThat(all.others().size()).isLessThanOrEqualTo(ProviderDecisions.MOST_OTHERS);
        // districts come with each provider, and the name filter finds one
        ProviderChecks one = actingAs.run(COMMISSIONER, () -> providerDecisions.inMyArea(" " + verifiedProfile.name() + " "));
        assertThat(one.waiting()).isEmpty();
        assertThat(one.others()).extracting(c -> c.provider().districts()).containsExactly(List.of("TF7", "TF8"));
        // what is typed is a name, not a pattern
        ProviderChecks percent = actingAs.run(COMMISSIONER, () -> providerDecisions.inMyArea("%"));
        assertThat(percent.waiting()).isEmpty();
        assertThat(percent.others()).isEmpty();
        assertThatThrownBy(() -> actingAs.run(HOME_CARE, () -> providerDecisions.inMyArea(""))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void emptyDistrictsOrDaysInAListingAreRefusedWithAMessage() {
        String provider = newProvider(true);
        long therapy = BudgetTestData.category(actingAs, pooling, "Therapy");
        assertThatThrownBy(() -> actingAs.run(provider, () -> listings.save(null, new ListingInput(therapy, "Nulls",
                "Has empty choices", ListingUnit.HOUR, 1_000, java.util.Arrays.asList("TF7", null),
                java.util.Arrays.asList("MON", null), null, null, null, ListingStatus.PUBLISHED))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("districts", "days"));
    }

    private long review(long organisationId, long holderId, int stars, String wording) {
        jdbc.update("INSERT INTO review (organisation_id, holder_id, stars, wording, created_at) VALUES (?, ?, ?, ?, NOW(6))",
                organisationId, holderId, stars, wording);
        return jdbc.queryForObject("SELECT MAX(id) FROM review WHERE organisation_id = ?", Long.class, organisationId);
    }
}
