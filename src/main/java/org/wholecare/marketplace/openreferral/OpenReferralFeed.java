package org.wholecare.marketplace.openreferral;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.wholecare.marketplace.openreferral.DirectoryQueries.KindOfSupport;
import org.wholecare.marketplace.openreferral.DirectoryQueries.PublishedListing;
import org.wholecare.marketplace.ListingService;
import org.wholecare.shared.Money;
import org.wholecare.shared.UkTime;

/**
 * The provider directory in the shapes of the Open Referral UK profile (HSDS 3.0): services with
 * their provider, prices (cost options), postcode districts (service areas), languages, and days
 * (schedules), and Wholecare's kinds of support as a taxonomy. Public by design: it holds only what
 * a provider chose to publish and Wholecare verified, never anything about a person.
 */
@Service
class OpenReferralFeed {

    static final String TAXONOMY_NAME = "Wholecare kinds of support";
    /** The only taxonomy: every area's kinds of support are its terms. */
    static final long TAXONOMY_NUMBER = 1;
    private static final DateTimeFormatter MILLISECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Map<String, String> DAY_CODES = Map.of("MON", "MO", "TUE", "TU", "WED", "WE", "THU",
            "TH", "FRI", "FR", "SAT", "SA", "SUN", "SU");
    /** ISO 639-1 codes of the languages providers list most; any other is published by name alone. */
    private static final Map<String, String> LANGUAGE_CODES = Map.ofEntries(Map.entry("english", "en"),
            Map.entry("welsh", "cy"), Map.entry("polish", "pl"), Map.entry("urdu", "ur"), Map.entry("punjabi", "pa"),
            Map.entry("somali", "so"), Map.entry("arabic", "ar"), Map.entry("bengali", "bn"),
            Map.entry("gujarati", "gu"), Map.entry("romanian", "ro"), Map.entry("portuguese", "pt"),
            Map.entry("spanish", "es"), Map.entry("french", "fr"), Map.entry("tamil", "ta"),
            Map.entry("turkish", "tr"), Map.entry("lithuanian", "lt"), Map.entry("chinese", "zh"),
            Map.entry("cantonese", "yue"), Map.entry("mandarin", "zh"), Map.entry("hindi", "hi"),
            Map.entry("british sign language", "bfi"), Map.entry("irish", "ga"), Map.entry("scottish gaelic", "gd"));

    /** A page of the standard: its counts and the items on it. */
    record Page(long totalItems, int pageNumber, int perPage, List<Map<String, Object>> contents) {
        Map<String, Object> body() {
            long pages = totalItems == 0 ? 0 : (totalItems + perPage - 1) / perPage;
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("total_items", totalItems);
            page.put("total_pages", pages);
            page.put("page_number", pageNumber);
            page.put("size", contents.size());
            page.put("first_page", pageNumber == 1);
            page.put("last_page", pageNumber >= pages);
            page.put("empty", contents.isEmpty());
            page.put("contents", contents);
            return page;
        }
    }

    private final DirectoryQueries queries;
    private final String publicUrl;

    OpenReferralFeed(DirectoryQueries queries, @Value("${wholecare.public-url}") String publicUrl) {
        this.queries = queries;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    Page services(@Nullable Long categoryId, @Nullable String words, int page, int perPage) {
        long total = queries.countPublished(categoryId, words);
        List<Map<String, Object>> items = queries.published(categoryId, words, (page - 1) * perPage, perPage)
                .stream().map(this::serviceInList).toList();
        return new Page(total, page, perPage, items);
    }

    Optional<Map<String, Object>> service(long listingId) {
        return queries.published(listingId).map(this::fullService);
    }

    Page taxonomies(int page, int perPage) {
        return new Page(1, page, perPage, page == 1 ? List.of(taxonomy()) : List.of());
    }

    Map<String, Object> taxonomy() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", OpenReferralIds.TAXONOMY.of(TAXONOMY_NUMBER));
        t.put("name", TAXONOMY_NAME);
        t.put("description", "The kinds of support each area's budgets pay for, as the area names them. A term "
                + "is one area's kind of support.");
        t.put("uri", publicUrl + OpenReferralController.BASE + "/taxonomies/"
                + OpenReferralIds.TAXONOMY.of(TAXONOMY_NUMBER));
        t.put("version", "1");
        return t;
    }

    Page taxonomyTerms(int page, int perPage) {
        return new Page(queries.countKinds(), page, perPage, queries.kinds((page - 1) * perPage, perPage).stream()
                .map(k -> term(k.id(), k.name(), k.areaName())).toList());
    }

    Optional<Map<String, Object>> taxonomyTerm(long categoryId) {
        return queries.kind(categoryId).map((KindOfSupport k) -> term(k.id(), k.name(), k.areaName()));
    }

    private Map<String, Object> serviceInList(PublishedListing l) {
        Map<String, Object> s = scalars(l);
        s.put("organization", organization(l, false));
        return s;
    }

    private Map<String, Object> fullService(PublishedListing l) {
        Map<String, Object> s = scalars(l);
        s.put("organization", organization(l, true));
        String serviceId = s.get("id").toString();
        s.put("cost_options", List.of(costOption(l, serviceId)));
        s.put("service_areas", numbered(l.districts(), (d, i) -> serviceArea(l, serviceId, d, i)));
        s.put("languages", numbered(l.languages(), (name, i) -> language(l, serviceId, name, i)));
        s.put("schedules", l.days().isEmpty() ? List.of() : List.of(schedule(l, serviceId)));
        Map<String, Object> attribute = new LinkedHashMap<>();
        attribute.put("id", OpenReferralIds.ATTRIBUTE.of(l.id()));
        attribute.put("link_id", serviceId);
        attribute.put("link_type", "service");
        attribute.put("taxonomy_term_id", OpenReferralIds.TAXONOMY_TERM.of(l.categoryId()));
        attribute.put("taxonomy_term", term(l.categoryId(), l.categoryName(), l.areaName()));
        s.put("attributes", List.of(attribute));
        s.put("service_at_locations", List.of());
        return s;
    }

    private Map<String, Object> scalars(PublishedListing l) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", OpenReferralIds.SERVICE.of(l.id()));
        s.put("organization_id", OpenReferralIds.ORGANIZATION.of(l.organisationId()));
        s.put("name", l.title());
        if (!l.description().isBlank()) {
            s.put("description", l.description());
        }
        // the listing's page on Wholecare, where a person with a budget can book it once signed in
        s.put("url", publicUrl + "/listing/" + l.id());
        s.put("status", "active");
        if (l.verifiedAt() != null) {
            s.put("assured_date", l.verifiedAt().atZone(UkTime.ZONE).toLocalDate().toString());
        }
        s.put("last_modified", MILLISECONDS.format(l.updatedAt()));
        return s;
    }

    private Map<String, Object> organization(PublishedListing l, boolean withIdentifiers) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", OpenReferralIds.ORGANIZATION.of(l.organisationId()));
        o.put("name", l.providerName());
        o.put("description", l.providerName() + " provides care and support in " + l.areaName()
                + ", checked and verified by Wholecare.");
        if (withIdentifiers && l.cqcNumber() != null && !l.cqcNumber().isBlank()) {
            Map<String, Object> cqc = new LinkedHashMap<>();
            cqc.put("id", OpenReferralIds.ORGANIZATION_IDENTIFIER.of(l.organisationId()));
            cqc.put("organization_id", o.get("id"));
            cqc.put("identifier_scheme", "GB-CQC");
            cqc.put("identifier_type", "Care Quality Commission registration");
            cqc.put("identifier", l.cqcNumber());
            o.put("organization_identifiers", List.of(cqc));
        }
        return o;
    }

    private Map<String, Object> costOption(PublishedListing l, String serviceId) {
        String unit = l.unit().toLowerCase(Locale.UK);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", OpenReferralIds.COST_OPTION.of(l.id()));
        c.put("service_id", serviceId);
        c.put("option", "per " + unit);
        c.put("amount", BigDecimal.valueOf(l.pricePence(), 2));
        c.put("amount_description", Money.format(l.pricePence()) + " " + (unit.equals("hour") ? "an" : "a") + " "
                + unit + ", paid from a personal budget or privately");
        return c;
    }

    private Map<String, Object> serviceArea(PublishedListing l, String serviceId, String district, int i) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", OpenReferralIds.SERVICE_AREA.of(l.id(), i));
        a.put("service_id", serviceId);
        a.put("name", district);
        a.put("service_area", "Postcode district " + district);
        a.put("extent", district);
        a.put("extent_type", "text");
        return a;
    }

    private Map<String, Object> language(PublishedListing l, String serviceId, String name, int i) {
        Map<String, Object> lang = new LinkedHashMap<>();
        lang.put("id", OpenReferralIds.LANGUAGE.of(l.id(), i));
        lang.put("service_id", serviceId);
        lang.put("name", name);
        String code = LANGUAGE_CODES.get(name.strip().toLowerCase(Locale.UK));
        if (code != null) {
            lang.put("code", code);
        }
        return lang;
    }

    private Map<String, Object> schedule(PublishedListing l, String serviceId) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", OpenReferralIds.SCHEDULE.of(l.id()));
        s.put("service_id", serviceId);
        s.put("freq", "WEEKLY");
        s.put("interval", 1);
        s.put("byday", String.join(",", l.days().stream().map(DAY_CODES::get).toList()));
        String times = l.times() == null || l.times().isBlank() ? "" : ", " + l.times().strip();
        s.put("description", "Every week on " + daysInWords(l.days()) + times + ".");
        return s;
    }

    /** "Tuesday and Thursday", "Monday, Wednesday and Friday". */
    private static String daysInWords(List<String> codes) {
        List<String> names = codes.stream().map(c -> DayOfWeek.of(ListingService.DAYS.indexOf(c) + 1)
                .getDisplayName(TextStyle.FULL, Locale.UK)).toList();
        return names.size() == 1 ? names.getFirst() : String.join(", ", names.subList(0, names.size() - 1))
                + " and " + names.getLast();
    }

    private Map<String, Object> term(long categoryId, String name, String areaName) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", OpenReferralIds.TAXONOMY_TERM.of(categoryId));
        t.put("taxonomy", TAXONOMY_NAME);
        t.put("taxonomy_id", OpenReferralIds.TAXONOMY.of(TAXONOMY_NUMBER));
        t.put("name", name);
        t.put("description", name + ", as " + areaName + " names this kind of support.");
        t.put("code", Long.toString(categoryId));
        t.put("term", name);
        return t;
    }

    private static <T> List<T> numbered(List<String> values, Numbered<T> each) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            out.add(each.apply(values.get(i).strip(), i));
        }
        return out;
    }

    private interface Numbered<T> {
        T apply(String value, int index);
    }
}
