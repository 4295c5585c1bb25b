package org.wholecare.marketplace.openreferral;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.wholecare.IntegrationTest;
import org.wholecare.TestArea;
import org.wholecare.marketplace.Listing;
import org.wholecare.marketplace.ListingInput;
import org.wholecare.marketplace.ListingService;
import org.wholecare.marketplace.ListingStatus;
import org.wholecare.marketplace.ListingUnit;
import org.wholecare.marketplace.ProviderDecisions;
import org.wholecare.marketplace.ProviderService;
import org.wholecare.marketplace.ProviderStatus;
import org.wholecare.marketplace.RegisterProvider;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.pooling.PoolingService;
import org.wholecare.security.AccountService;
import org.wholecare.security.ActingAs;
import org.wholecare.security.Invitations;
import org.wholecare.security.SystemActor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider directory as an Open Referral UK feed, read over HTTP as a council directory would,
 * every answer checked against the profile's schemas, and what it lists checked against the rule
 * (published listings of verified providers) worked out here from the tables.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenReferralIT {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);
    private static final String FEED_COMMISSIONER = "feedham.commissioner";
    private static final String BASE = OpenReferralController.BASE;

    @LocalServerPort int port;
    @Autowired ProviderService providers;
    @Autowired ProviderDecisions decisions;
    @Autowired ListingService listings;
    @Autowired PoolingService pooling;
    @Autowired OrganisationService organisations;
    @Autowired AccountService accounts;
    @Autowired Invitations invitations;
    @Autowired ActingAs actingAs;
    @Autowired JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final OpenReferralProfile profile = new OpenReferralProfile();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The answer at {@code path}, which must be 200 and valid as the profile's {@code definition}. */
    private JsonNode valid(String path, String definition) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        assertThat(profile.problems(definition, response.body())).as(path).isEmpty();
        return json.readTree(response.body());
    }

    @Test
    @Order(1)
    void theSchemaCheckCanFail() {
        assertThat(profile.problems("service", "{\"id\":\"42\",\"name\":\"x\",\"status\":\"open\"}"))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    @Order(2)
    void everyPublishedListingOfAVerifiedProviderIsListedAndNothingElse() throws Exception {
        valid(BASE + "/", "root");
        Set<Long> listed = new HashSet<>();
        int page = 1;
        JsonNode answer;
        do {
            answer = valid(BASE + "/services?per_page=100&page=" + page, "service_page");
            assertThat(answer.get("page_number").asInt()).isEqualTo(page);
            for (JsonNode service : answer.get("contents")) {
                listed.add(OpenReferralIds.SERVICE.numberOf(service.get("id").asString()).orElseThrow());
            }
            page++;
        } while (!answer.get("last_page").asBoolean());
        Set<Long> rule = new HashSet<>(jdbc.queryForList("SELECT l.id FROM listing l JOIN provider_profile p ON "
                + "p.organisation_id = l.organisation_id WHERE l.status = 'PUBLISHED' AND p.status = 'VERIFIED'",
                Long.class));
        assertThat(listed).isEqualTo(rule).isNotEmpty();
        assertThat(answer.get("total_items").asLong()).isEqualTo(rule.size());
        // one to a page: as many pages as services, each a different one, and past the end an empty page
        JsonNode first = valid(BASE + "/services?per_page=1", "service_page");
        JsonNode second = valid(BASE + "/services?per_page=1&page=2", "service_page");
        assertThat(first.get("total_pages").asLong()).isEqualTo(rule.size());
        assertThat(first.get("first_page").asBoolean()).isTrue();
        assertThat(second.get("first_page").asBoolean()).isFalse();
        assertThat(second.get("contents").get(0).get("id")).isNotEqualTo(first.get("contents").get(0).get("id"));
        JsonNode beyond = valid(BASE + "/services?page=" + (rule.size() + 1) + "&per_page=1", "service_page");
        assertThat(beyond.get("empty").asBoolean()).isTrue();
        assertThat(beyond.get("contents").size()).isZero();
        // every service in full is valid too
        for (long id : rule.stream().sorted().limit(40).toList()) {
            valid(BASE + "/services/" + OpenReferralIds.SERVICE.of(id), "service");
        }
        valid(BASE + "/service_at_locations", "service_at_location_page");
    }

    @Test
    @Order(3)
    void aListingAppearsWhenItsProviderIsVerifiedWithWhatItPublishedAndGoesWhenPaused() throws Exception {
        String commissioner = TestArea.commissionerOfAnotherArea(actingAs, jdbc, organisations, accounts,
                invitations, FEED_COMMISSIONER, "Feedham", "FE1", OrganisationType.NHS_BOARD, "Fay Feed");
        long areaId = jdbc.queryForObject("SELECT id FROM area WHERE name = 'Feedham'", Long.class);
        long n = SEQUENCE.incrementAndGet();
        String username = "feedham.friends." + n;
        long kind = actingAs.run(commissioner, () -> pooling.categories(areaId).stream()
                .filter(c -> c.name().equals("Companionship")).findFirst()
                .orElseGet(() -> pooling.addCategory("Companionship", false, null)).id());
        // the platform chooses the username here, as the test area's providers are made
        long organisationId = SystemActor.asAdministrator(() -> providers.register(new RegisterProvider(
                "Feedham Friends " + n, areaId, "FE1", null, "Fran Friend", username + "@example.org",
                "01632 960002", username, TestArea.PASSWORD, TestArea.PASSWORD))).profile().organisationId();
        ListingInput input = new ListingInput(kind, "Companionship visits " + n, "A friendly visit at home.",
                ListingUnit.HOUR, 1_850, List.of("FE1"), List.of("TUE", "THU"), "10am to 2pm", "English, Polish",
                null, ListingStatus.PUBLISHED);
        Listing listing = actingAs.run(username, () -> listings.save(null, input));
        String path = BASE + "/services/" + OpenReferralIds.SERVICE.of(listing.id());
        assertThat(get(path).statusCode()).as("before the provider is verified").isEqualTo(404);

        actingAs.run(commissioner, () -> decisions.decide(organisationId, ProviderStatus.VERIFIED, null));
        JsonNode service = valid(path, "service");
        assertThat(service.get("name").asString()).isEqualTo("Companionship visits " + n);
        assertThat(service.get("status").asString()).isEqualTo("active");
        assertThat(service.get("url").asString()).endsWith("/listing/" + listing.id());
        assertThat(service.get("organization").get("name").asString()).isEqualTo("Feedham Friends " + n);
        JsonNode cost = service.get("cost_options").get(0);
        assertThat(cost.get("amount").decimalValue()).isEqualByComparingTo("18.50");
        assertThat(cost.get("option").asString()).isEqualTo("per hour");
        assertThat(cost.get("amount_description").asString()).startsWith("£18.50 an hour");
        assertThat(service.get("service_areas").get(0).get("name").asString()).isEqualTo("FE1");
        List<String> languages = new ArrayList<>();
        service.get("languages").forEach(l -> languages.add(l.get("name").asString() + "/" + l.get("code").asString()));
        assertThat(languages).containsExactly("English/en", "Polish/pl");
        JsonNode schedule = service.get("schedules").get(0);
        assertThat(schedule.get("freq").asString()).isEqualTo("WEEKLY");
        assertThat(schedule.get("byday").asString()).isEqualTo("TU,TH");
        assertThat(schedule.get("description").asString()).isEqualTo("Every week on Tuesday and Thursday, 10am to 2pm.");
        String term = OpenReferralIds.TAXONOMY_TERM.of(kind);
        assertThat(service.get("attributes").get(0).get("taxonomy_term").get("id").asString()).isEqualTo(term);

        // by kind of support: only Feedham's companionship, which is this one (and any from earlier runs)
        JsonNode ofThatKind = valid(BASE + "/services?taxonomy_term_id=" + term, "service_page");
        assertThat(ofThatKind.get("contents")).isNotEmpty().allSatisfy(s -> assertThat(s.get("name").asString())
                .startsWith("Companionship visits"));
        JsonNode found = valid(BASE + "/services?search=" + URLEncoder.encode("visits " + n, StandardCharsets.UTF_8),
                "service_page");
        assertThat(found.get("total_items").asLong()).isEqualTo(1);
        JsonNode terms = valid(BASE + "/taxonomy_terms?per_page=100", "taxonomy_term_page");
        assertThat(terms.get("contents")).anySatisfy(t -> assertThat(t.get("id").asString()).isEqualTo(term));
        valid(BASE + "/taxonomy_terms/" + term, "taxonomy_term");
        JsonNode taxonomies = valid(BASE + "/taxonomies", "taxonomy_page");
        valid(BASE + "/taxonomies/" + taxonomies.get("contents").get(0).get("id").asString(), "taxonomy");

        actingAs.run(username, () -> listings.save(listing.id(), new ListingInput(kind, input.title(),
                input.description(), input.unit(), input.pricePence(), input.districts(), input.days(), input.times(),
                input.languages(), null, ListingStatus.PAUSED)));
        HttpResponse<String> paused = get(path);
        assertThat(paused.statusCode()).isEqualTo(404);
        assertThat(paused.body()).contains("There is no published service").contains(BASE + "/services");
    }

    @Test
    @Order(4)
    void aBadRequestGetsAPlainMessageSayingWhatToSend() throws Exception {
        assertRefused("/services?page=0", 400, "page must be a whole number from 1");
        assertRefused("/services?page=two", 400, "page must be a whole number from 1");
        assertRefused("/services?per_page=500", 400, "per_page must be a whole number from 1 to 100");
        assertRefused("/services?postcode=TF1", 400, "This address does not take postcode; it takes only page, "
                + "per_page, search, taxonomy_term_id.");
        assertRefused("/services?search=" + "a".repeat(101), 400, "search can be at most 100 characters.");
        assertRefused("/services?taxonomy_term_id=care", 400, "taxonomy_term_id must be the id of one of the terms");
        assertRefused("/services/42", 400, "A service id is a UUID, such as " + OpenReferralIds.SERVICE.of(1));
        assertRefused("/services/" + OpenReferralIds.ORGANIZATION.of(1), 404, "There is no published service");
        assertRefused("/taxonomy_terms/" + OpenReferralIds.TAXONOMY_TERM.of(987_654_321), 404,
                "There is no published taxonomy term");
        assertRefused("/service_at_locations/" + OpenReferralIds.SERVICE.of(1), 404, "Wholecare records no services");
    }

    private void assertRefused(String path, int status, String message) throws Exception {
        HttpResponse<String> response = get(BASE + path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(json.readTree(response.body()).get("message").asString()).as(path).contains(message);
    }

    @Test
    @Order(5)
    void aFloodFromOneAddressIsTurnedAway() throws Exception {
        int refused = 0;
        for (int i = 0; i < 130; i++) {
            if (get(BASE + "/taxonomies").statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused).isPositive();
    }
}
