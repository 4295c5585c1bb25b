package org.wholecare.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.wholecare.IntegrationTest;
import org.wholecare.budget.BudgetTestData;
import org.wholecare.budget.PoolingService;
import org.wholecare.security.ActingAs;
import org.wholecare.shared.ValidationException;

@IntegrationTest
class MarketplaceIT {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD = "a long enough password";

    @Autowired ProviderService providers;
    @Autowired ListingService listings;
    @Autowired SearchService search;
    @Autowired ReviewService reviews;
    @Autowired PoolingService pooling;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;
    @Autowired SearchTextUpkeep upkeep;

    private String newProvider(boolean verify) {
        int n = SEQUENCE.incrementAndGet();
        String username = "provider.test." + n;
        var profile = providers.register(new RegisterProvider("Test Care " + n + " " + System.nanoTime(), 1L,
                "NB7, NB8", null, "Pat Test", "pat" + n + "@example.org", null, username, PASSWORD, PASSWORD));
        if (verify) {
            actingAs.run("commissioner", () -> providers.decide(profile.organisationId(), ProviderStatus.VERIFIED, null));
        }
        return username;
    }

    private Listing list(String provider, String category, String title, long pence, String district) {
        long categoryId = BudgetTestData.category(actingAs, pooling, category);
        return actingAs.run(provider, () -> listings.save(null, new ListingInput(categoryId, title,
                "A test service called " + title, ListingUnit.HOUR, pence, List.of(district), List.of("MON", "TUE"),
                null, "English, Welsh", null, ListingStatus.PUBLISHED)));
    }

    private List<SearchResult> find(String text, String category, String district, Long max, SearchQuery.Sort sort) {
        Long categoryId = category == null ? null : BudgetTestData.category(actingAs, pooling, category);
        return actingAs.run("holder", () -> search.search(new SearchQuery(text, categoryId, district, max, null, null,
                sort, 0, 50)).results());
    }

    @Test
    void badRegistrationsAreRefusedAndNothingIsSaved() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM organisation", Long.class);
        assertThatThrownBy(() -> providers.register(new RegisterProvider("Bad Care", 1L, "NB4, ZZ9", "12345",
                "Pat", "not-an-email", "call me", "bad.care", PASSWORD, PASSWORD)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("postcodeDistricts", "cqcNumber", "contactEmail", "contactPhone"));
        assertThatThrownBy(() -> providers.register(new RegisterProvider("Bad Care", 1L, "NB4", null,
                "Pat", "pat@example.org", null, "holder", "short", "short")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("username", "password"));
        assertThatThrownBy(() -> providers.register(new RegisterProvider("Riverside Home Care", 1L, "NB4", null,
                "Pat", "pat@example.org", null, "new.riverside", PASSWORD, PASSWORD)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("name"));
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
                    "Help", "Help at home", ListingUnit.HOUR, price, List.of("NB7"), List.of("MON"), null, null, null,
                    ListingStatus.PUBLISHED))))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("price"));
        }
        assertThatThrownBy(() -> actingAs.run(provider, () -> listings.save(null, new ListingInput(alcohol,
                "x".repeat(10_000), " ", null, 100, List.of("NB4"), List.of(), null, null, null, null))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(
                        "category", "title", "description", "unit", "districts", "days", "status"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM listing", Long.class)).isEqualTo(before);
    }

    @Test
    void aProviderCannotChangeAnotherProvidersListingById() {
        String owner = newProvider(true);
        String intruder = newProvider(true);
        Listing listing = list(owner, "Personal care", "Owner's help", 2_000, "NB7");
        long categoryId = listing.categoryId();
        assertThatThrownBy(() -> actingAs.run(intruder, () -> listings.save(listing.id(), new ListingInput(categoryId,
                "Hijacked", "Hijacked", ListingUnit.HOUR, 1, List.of("NB7"), List.of("MON"), null, null, null,
                ListingStatus.PUBLISHED)))).isInstanceOf(AccessDeniedException.class);
        assertThat(actingAs.run(owner, () -> listings.mine()).getFirst().title()).isEqualTo("Owner's help");
    }

    @Test
    void onlyVerifiedProvidersAreFoundAndASuspensionHidesThemAtOnce() {
        String pending = newProvider(false);
        String verified = newProvider(true);
        String word = "zebrafinch" + SEQUENCE.incrementAndGet();
        list(pending, "Therapy", "Pending " + word, 3_000, "NB8");
        Listing seen = list(verified, "Therapy", "Verified " + word, 3_000, "NB8");
        assertThat(find(word, null, "NB8", null, null)).extracting(r -> r.listing().id()).containsExactly(seen.id());

        long organisationId = seen.organisationId();
        actingAs.run("commissioner", () -> providers.decide(organisationId, ProviderStatus.SUSPENDED, "Complaints under review"));
        assertThat(find(word, null, "NB8", null, null)).isEmpty();
        assertThatThrownBy(() -> actingAs.run("holder", () -> search.listing(seen.id(), "NB8")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(actingAs.run(verified, () -> listings.mine()).getFirst().visible()).isFalse();
    }

    @Test
    void searchFiltersSortsAndComparesWithTheMedianPrice() {
        String a = newProvider(true);
        String b = newProvider(true);
        String word = "kingfisher" + SEQUENCE.incrementAndGet();
        list(a, "Nursing", word + " nursing one", 3_000, "NB7");
        list(a, "Nursing", word + " nursing two", 4_000, "NB7");
        list(b, "Nursing", word + " nursing three", 6_000, "NB7");
        list(b, "Transport", word + " taxi", 1_500, "NB7");

        var byPrice = find(word, "Nursing", "NB7", null, SearchQuery.Sort.PRICE);
        assertThat(byPrice).extracting(r -> r.listing().pricePence()).containsExactly(3_000L, 4_000L, 6_000L);
        // the median of 30, 40, 60 is 40: 30 is 25% below, 60 is 50% above
        assertThat(byPrice).extracting(SearchResult::typicalPricePence).containsOnly(4_000L);
        assertThat(byPrice).extracting(SearchResult::percentVersusTypical).containsExactly(-25, 0, 50);
        assertThat(byPrice.getFirst().priceComparison()).isEqualTo("25% below typical here");

        assertThat(find(word, "Nursing", "NB7", 4_000L, SearchQuery.Sort.PRICE)).hasSize(2);
        assertThat(find(word, null, "NB7", null, SearchQuery.Sort.PRICE)).hasSize(4);
        assertThat(find(word, null, "NB8", null, null)).isEmpty();
        // a word's beginning finds it; typed operators are just text
        var taxi = find(word.substring(0, 7) + " taxi", null, "NB7", null, null);
        assertThat(taxi).hasSize(1);
        // one taxi listing alone is no basis for a "typical" price
        assertThat(taxi.getFirst().typicalPricePence()).isNull();
        assertThat(taxi.getFirst().priceComparison()).isEqualTo("No other prices to compare with here yet");
        assertThat(find("+" + word + " -\"taxi\" <>()~*", null, "NB7", null, null)).hasSize(1);
        assertThat(actingAs.run("holder", () -> search.search(new SearchQuery(word, null, "NB7", null, "SUN", null,
                null, 0, 50)).results())).isEmpty();
        assertThat(actingAs.run("holder", () -> search.search(new SearchQuery(word, null, "NB7", null, "MON", "Welsh",
                null, 0, 50)).results())).hasSize(4);
    }

    @Test
    void aPriceChangeIsKeptInHistoryAndHtmlIsStoredAsTyped() {
        String provider = newProvider(true);
        Listing listing = list(provider, "Personal care", "History", 2_000, "NB7");
        actingAs.run(provider, () -> listings.save(listing.id(), new ListingInput(listing.categoryId(), "History",
                "<script>alert('x')</script> <b>bold</b>", ListingUnit.HOUR, 2_200, List.of("NB7"), List.of("MON"),
                null, null, null, ListingStatus.PUBLISHED)));
        assertThat(actingAs.run(provider, () -> listings.priceHistory(listing.id()))).containsExactly(2_200L, 2_000L);
        assertThat(actingAs.run("holder", () -> search.listing(listing.id(), "NB7")).listing().description())
                .isEqualTo("<script>alert('x')</script> <b>bold</b>");
    }

    @Test
    void nobodyCanReviewAProviderThatHasNotServedThem() {
        long riverside = jdbc.queryForObject("SELECT id FROM organisation WHERE name = 'Riverside Home Care'", Long.class);
        assertThatThrownBy(() -> actingAs.run("holder", () -> reviews.leave(riverside, 5, "Lovely")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("once they have delivered a service");
        assertThatThrownBy(() -> actingAs.run("broker", () -> reviews.leave(riverside, 5, "Lovely")))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(actingAs.run("holder", () -> reviews.reviews(riverside))).isEmpty();
    }

    @Test
    void searchTermsFollowAListingsWordsAndDistrictsAndAreRemadeWhenStale() {
        String provider = newProvider(true);
        String word = "heron" + SEQUENCE.incrementAndGet();
        Listing listing = list(provider, "Therapy", word + " walks", 2_500, "NB7");
        assertThat(find(word, null, "NB7", null, null)).hasSize(1);
        // the words are joined to the district: the same word elsewhere finds nothing
        assertThat(find(word, null, "NB8", null, null)).isEmpty();

        String other = "otter" + SEQUENCE.incrementAndGet();
        actingAs.run(provider, () -> listings.save(listing.id(), new ListingInput(listing.categoryId(), other + " walks",
                "Gentle walks", ListingUnit.HOUR, 2_500, List.of("NB8"), List.of("MON"), null, null, null,
                ListingStatus.PUBLISHED)));
        assertThat(find(word, null, "NB7", null, null)).isEmpty();
        assertThat(find(other, null, "NB7", null, null)).isEmpty();
        assertThat(find(other, null, "NB8", null, null)).hasSize(1);

        // a listing stored before the terms last changed cannot be found until start-up remakes it
        jdbc.update("UPDATE listing SET search_text = NULL, search_terms_version = 0 WHERE id = ?", listing.id());
        assertThat(find(other, null, "NB8", null, null)).isEmpty();
        upkeep.run(null);
        assertThat(find(other, null, "NB8", null, null)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM listing WHERE search_terms_version < ?", Long.class,
                SearchTerms.VERSION)).isZero();
    }

    @Test
    void aProviderProfileIsSeenOnlyOnceVerifiedExceptByItsStaffAndCommissioners() {
        String pending = newProvider(false);
        Listing draft = list(pending, "Therapy", "Pending profile", 2_000, "NB7");
        long organisationId = draft.organisationId();
        assertThatThrownBy(() -> actingAs.run("holder", () -> providers.viewable(organisationId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run("broker", () -> search.listingsOf(organisationId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run("holder", () -> reviews.reviews(organisationId)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(actingAs.run(pending, () -> providers.viewable(organisationId)).status()).isEqualTo(ProviderStatus.PENDING);
        assertThat(actingAs.run("commissioner", () -> providers.viewable(organisationId)).status())
                .isEqualTo(ProviderStatus.PENDING);
        // not yet visible, so not among the services shown on its profile
        assertThat(actingAs.run(pending, () -> search.listingsOf(organisationId))).isEmpty();

        actingAs.run("commissioner", () -> providers.decide(organisationId, ProviderStatus.VERIFIED, null));
        assertThat(actingAs.run("holder", () -> search.listingsOf(organisationId)))
                .extracting(r -> r.listing().id()).containsExactly(draft.id());
    }

    @Test
    void reviewsAreRepliedToByTheirProviderReportedAndKeptOrRemovedByACommissioner() {
        String provider = newProvider(true);
        String otherProvider = newProvider(true);
        Listing listing = list(provider, "Therapy", "Reviewed service", 2_000, "NB7");
        long organisationId = listing.organisationId();
        long holderId = jdbc.queryForObject("SELECT h.id FROM budget_holder h JOIN user_account a ON a.id = h.account_id "
                + "WHERE a.username = 'holder'", Long.class);
        // reviews need a delivered purchase, which arrives with purchases; until then the rows are set up here
        long fair = review(organisationId, holderId, 4, "Kind and on time");
        long unfair = review(organisationId, holderId, 1, "Names a carer's home address");
        jdbc.update("UPDATE listing SET review_count = 2, rating_average = 2.5 WHERE organisation_id = ?", organisationId);

        assertThatThrownBy(() -> actingAs.run(otherProvider, () -> reviews.reply(fair, "Not ours")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> actingAs.run(provider, () -> reviews.reply(fair, "  ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("reply"));
        actingAs.run(provider, () -> reviews.reply(fair, "Thank you, <b>Sam</b>"));
        assertThat(actingAs.run("holder", () -> reviews.reviews(organisationId)))
                .filteredOn(r -> r.id() == fair).extracting(Review::providerReply).containsExactly("Thank you, <b>Sam</b>");

        assertThatThrownBy(() -> actingAs.run(provider, () -> { reviews.report(unfair); return null; }))
                .isInstanceOf(ValidationException.class);
        actingAs.run("holder", () -> { reviews.report(unfair); return null; });
        actingAs.run("broker", () -> { reviews.report(fair); return null; });
        assertThat(actingAs.run("commissioner", () -> reviews.reportedInMyArea())).extracting(Review::id)
                .contains(unfair, fair);
        assertThatThrownBy(() -> actingAs.run("holder", () -> reviews.reportedInMyArea()))
                .isInstanceOf(AccessDeniedException.class);

        // removing needs a reason; nothing changes without one
        assertThatThrownBy(() -> actingAs.run("commissioner", () -> { reviews.decideReport(unfair, true, " "); return null; }))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("reason"));
        assertThat(actingAs.run("holder", () -> reviews.reviews(organisationId))).hasSize(2);

        actingAs.run("commissioner", () -> { reviews.decideReport(fair, false, null); return null; });
        actingAs.run("commissioner", () -> { reviews.decideReport(unfair, true, "Shares a home address"); return null; });
        assertThat(actingAs.run("holder", () -> reviews.reviews(organisationId))).extracting(Review::id).containsExactly(fair);
        assertThat(actingAs.run("commissioner", () -> reviews.reportedInMyArea())).extracting(Review::id)
                .doesNotContain(fair, unfair);
        assertThat(actingAs.run("holder", () -> search.listing(listing.id(), "NB7")).listing())
                .satisfies(l -> assertThat(l.reviewCount()).isEqualTo(1))
                .satisfies(l -> assertThat(l.ratingAverage()).isEqualTo(4.0));
        assertThat(jdbc.queryForObject("SELECT removed_reason FROM review WHERE id = ?", String.class, unfair))
                .isEqualTo("Shares a home address");
        // a removed review can no longer be reported, replied to or decided
        assertThatThrownBy(() -> actingAs.run("holder", () -> { reviews.report(unfair); return null; }))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> actingAs.run(provider, () -> reviews.reply(unfair, "Sorry")))
                .isInstanceOf(ValidationException.class);
    }

    private long review(long organisationId, long holderId, int stars, String wording) {
        jdbc.update("INSERT INTO review (organisation_id, holder_id, stars, wording, created_at) VALUES (?, ?, ?, ?, NOW(6))",
                organisationId, holderId, stars, wording);
        return jdbc.queryForObject("SELECT MAX(id) FROM review WHERE organisation_id = ?", Long.class, organisationId);
    }
}
