package org.wholecare.marketplace;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the database with a whole fictional region for load testing: an area of 200 postcode
 * districts, 10,000 verified providers and 100,000 published listings with realistic words and
 * prices. Written with batched inserts straight into the tables (it is test data, not a person's
 * work); run it once with {@code --wholecare.generate-region=true} or from the search benchmark.
 */
@Component
public class RegionGenerator {

    public static final String AREA = "Generated region";
    private static final Logger log = LoggerFactory.getLogger(RegionGenerator.class);
    private static final String[] CATEGORIES = {"Personal care", "Therapy", "Nursing", "Respite and short breaks",
        "Day activities", "Equipment and adaptations", "Transport"};
    private static final long[] TYPICAL_PENCE = {2_400, 4_800, 5_500, 9_000, 5_000, 3_500, 1_200};
    private static final String[] UNITS = {"HOUR", "SESSION", "HOUR", "SESSION", "DAY", "ITEM", "ITEM"};
    static final String[] WORDS = {"help", "home", "morning", "evening", "weekend", "companion", "garden", "allotment",
        "physiotherapy", "massage", "swimming", "walking", "shopping", "cooking", "meals", "bathing", "dressing",
        "medication", "dementia", "stroke", "recovery", "falls", "balance", "confidence", "music", "art", "reading",
        "library", "church", "mosque", "temple", "football", "fishing", "knitting", "computer", "phone", "laundry",
        "cleaning", "wheelchair", "hoist", "sling", "ramp", "rail", "taxi", "minibus", "hospital", "clinic", "nurse",
        "overnight", "sitting", "respite", "holiday", "break", "carers", "family", "friendly", "local", "trusted",
        "experienced", "qualified", "bilingual", "polish", "urdu", "welsh", "punjabi", "somali", "arabic"};
    private static final String[] LANGUAGES = {"English", "English,Polish", "English,Urdu", "English,Welsh",
        "English,Punjabi", "English,Somali", "English,Arabic"};
    private static final String[] DAYS = {"MON,TUE,WED,THU,FRI", "MON,TUE,WED,THU,FRI,SAT,SUN", "SAT,SUN",
        "MON,WED,FRI", "TUE,THU"};

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final java.time.Clock clock;

    RegionGenerator(JdbcTemplate jdbc, TransactionTemplate transaction, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public boolean exists() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM area WHERE name = ?", Long.class, AREA) > 0;
    }

    /** The generated districts, for benchmarks to search in. */
    public List<String> districts() {
        return jdbc.queryForList("SELECT d.code FROM postcode_district d JOIN area a ON a.id = d.area_id "
                + "WHERE a.name = ? ORDER BY d.code", String.class, AREA);
    }

    public List<Long> categoryIds() {
        return jdbc.queryForList("SELECT c.id FROM service_category c JOIN area a ON a.id = c.area_id "
                + "WHERE a.name = ? AND c.excluded = FALSE ORDER BY c.id", Long.class, AREA);
    }

    public void generate(int providers, int listingsPerProvider) {
        if (exists()) {
            log.info("The generated region is already there");
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(20261125);
        Timestamp now = Timestamp.from(clock.instant());
        long areaId = transaction.execute(status -> {
            jdbc.update("INSERT INTO area (name, created_at) VALUES (?, ?)", AREA, now);
            return jdbc.queryForObject("SELECT id FROM area WHERE name = ?", Long.class, AREA);
        });
        List<String> districts = new ArrayList<>();
        for (char prefix : new char[] {'R', 'S'}) {
            for (char second : new char[] {'A', 'B'}) {
                for (int n = 1; n <= 50; n++) {
                    districts.add("" + prefix + second + n);
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO postcode_district (code, area_id) VALUES (?, ?)",
                districts.stream().map(d -> new Object[] {d, areaId}).toList());
        long[] categoryIds = new long[CATEGORIES.length];
        for (int i = 0; i < CATEGORIES.length; i++) {
            jdbc.update("INSERT INTO service_category (area_id, name, excluded) VALUES (?, ?, FALSE)", areaId, CATEGORIES[i]);
            categoryIds[i] = jdbc.queryForObject("SELECT id FROM service_category WHERE area_id = ? AND name = ?",
                    Long.class, areaId, CATEGORIES[i]);
        }
        int batch = 500;
        for (int first = 0; first < providers; first += batch) {
            int from = first;
            int to = Math.min(providers, first + batch);
            transaction.executeWithoutResult(status -> insertProviders(from, to, areaId, districts, categoryIds,
                    listingsPerProvider, random, now));
        }
        jdbc.execute("ANALYZE TABLE listing, listing_district");
        log.info("Generated {} providers and {} listings in {} s", providers, providers * listingsPerProvider,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    /** A provider serves four districts next to each other, starting anywhere in the area. */
    private static List<String> fourNeighbouringDistricts(Random random, List<String> districts) {
        int home = random.nextInt(districts.size());
        List<String> mine = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            mine.add(districts.get((home + k) % districts.size()));
        }
        return mine;
    }

    private static String description(Random random) {
        StringBuilder description = new StringBuilder();
        for (int w = 0; w < 25; w++) {
            description.append(word(random)).append(' ');
        }
        return description.toString().strip();
    }

    private void insertProviders(int from, int to, long areaId, List<String> districts, long[] categoryIds,
            int listingsPerProvider, Random random, Timestamp now) {
        List<Object[]> organisations = new ArrayList<>();
        for (int p = from; p < to; p++) {
            organisations.add(new Object[] {"Generated Provider " + (p + 1), areaId, now});
        }
        jdbc.batchUpdate("INSERT INTO organisation (name, type, area_id, created_at) VALUES (?, 'PROVIDER', ?, ?)",
                organisations);
        // ids grow in the order rows were inserted, though not always one by one
        List<Long> organisationIds = jdbc.queryForList("SELECT id FROM organisation WHERE id >= (SELECT id FROM "
                + "organisation WHERE name = ?) AND name LIKE 'Generated Provider %' ORDER BY id LIMIT ?", Long.class,
                "Generated Provider " + (from + 1), to - from);
        List<Object[]> profiles = new ArrayList<>();
        List<Object[]> served = new ArrayList<>();
        List<Object[]> listings = new ArrayList<>();
        List<List<String>> listingDistricts = new ArrayList<>();
        List<long[]> listingFacts = new ArrayList<>();
        for (int p = from; p < to; p++) {
            long organisationId = organisationIds.get(p - from);
            // one in fifty is still waiting to be checked or suspended, so visibility matters
            String status = p % 50 == 0 ? "PENDING" : p % 50 == 1 ? "SUSPENDED" : "VERIFIED";
            profiles.add(new Object[] {organisationId, "Contact " + (p + 1), "provider" + (p + 1) + "@example.org",
                status, now});
            List<String> mine = fourNeighbouringDistricts(random, districts);
            mine.forEach(d -> served.add(new Object[] {organisationId, d}));
            for (int l = 0; l < listingsPerProvider; l++) {
                int c = random.nextInt(CATEGORIES.length);
                long price = Math.max(100, Math.round(TYPICAL_PENCE[c] * (0.6 + random.nextDouble() * 0.8)));
                String title = capital(word(random)) + " " + word(random) + " " + CATEGORIES[c].toLowerCase();
                String description = description(random);
                boolean visible = "VERIFIED".equals(status);
                List<String> where = new ArrayList<>(mine.subList(0, 1 + random.nextInt(mine.size())));
                // made exactly as for listings saved through the app
                String searchText = SearchTerms.document(title, description, where);
                listings.add(new Object[] {organisationId, categoryIds[c], title, description,
                    UNITS[c], price, visible, DAYS[random.nextInt(DAYS.length)],
                    LANGUAGES[random.nextInt(LANGUAGES.length)], now, now, searchText, SearchTerms.VERSION});
                listingDistricts.add(where);
                listingFacts.add(new long[] {categoryIds[c], price, visible ? 1 : 0});
            }
        }
        jdbc.batchUpdate("INSERT INTO provider_profile (organisation_id, contact_name, contact_email, status, "
                + "registered_at) VALUES (?, ?, ?, ?, ?)", profiles);
        jdbc.batchUpdate("INSERT INTO provider_district (organisation_id, postcode_district) VALUES (?, ?)", served);
        jdbc.batchUpdate("INSERT INTO listing (organisation_id, category_id, title, description, unit, price_pence, "
                + "status, visible, days_available, languages, created_at, updated_at, search_text, search_terms_version) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'PUBLISHED', ?, ?, ?, ?, ?, ?, ?)", listings);
        List<Long> listingIds = jdbc.queryForList("SELECT id FROM listing WHERE organisation_id BETWEEN ? AND ? "
                + "ORDER BY id", Long.class, organisationIds.getFirst(), organisationIds.getLast());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < listingDistricts.size(); i++) {
            long[] facts = listingFacts.get(i);
            for (String district : listingDistricts.get(i)) {
                rows.add(new Object[] {listingIds.get(i), district, facts[0], facts[1], facts[2] == 1});
            }
        }
        jdbc.batchUpdate("INSERT INTO listing_district (listing_id, postcode_district, category_id, price_pence, visible) "
                + "VALUES (?, ?, ?, ?, ?)", rows);
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
