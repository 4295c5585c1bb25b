package org.wholecare.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.StreamAmount;
import org.wholecare.pooling.Apportionment;
import org.wholecare.shared.UkTime;

/**
 * Fills the database with fictional areas of budget holders for load testing: per area a council,
 * an NHS board, a brokerage, their commissioners, a few providers with listings, and holders each
 * with a year's budget, an agreed plan and two monthly bookings invoiced, paid and spent month by
 * month up to last month. Written in bulk straight into the tables (it is test data, not anyone's
 * work), but posted as the ledger posts: every entry's lines add up to zero, each budget's running
 * totals are the sum of its lines, and no stream is ever overspent.
 */
@Component
public class HolderRegion {

    public static final String AREA_PREFIX = "Generated area ";
    private static final Logger log = LoggerFactory.getLogger(HolderRegion.class);
    private static final int CHUNK = 500;
    private static final long CARE_PRICE = 2_450;
    private static final long THERAPY_PRICE = 5_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final org.springframework.security.crypto.password.PasswordEncoder passwords;

    HolderRegion(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock,
            org.springframework.security.crypto.password.PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.passwords = passwords;
    }

    public boolean exists() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM area WHERE name LIKE ?", Long.class, AREA_PREFIX + "%") > 0;
    }

    /** The usernames of area {@code n}'s NHS and council commissioners. */
    public static String nhsCommissioner(int area) {
        return "gen.a" + area + ".nhs";
    }

    public static String councilCommissioner(int area) {
        return "gen.a" + area + ".council";
    }

    public void generate(int areas, int holdersPerArea) {
        if (exists()) {
            log.info("The generated holder areas are already there");
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(20261202);
        for (int a = 1; a <= areas; a++) {
            int n = a;
            Area area = transaction.execute(status -> area(n, random));
            for (int from = 0; from < holdersPerArea; from += CHUNK) {
                int first = from;
                int last = Math.min(holdersPerArea, from + CHUNK);
                transaction.executeWithoutResult(status -> holders(area, first, last, random));
            }
        }
        jdbc.execute("ANALYZE TABLE budget, budget_holder, ledger_book, ledger_entry, ledger_line, ledger_balance, "
                + "ledger_spend, purchase, invoice, payment, support_plan");
        log.info("Generated {} areas of {} budget holders in {} s", areas, holdersPerArea,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    /** One generated area and what its holders' bookings need. */
    private record Area(int n, long id, long nhsAccount, long brokerage, long careCategory, long therapyCategory,
            long[] providers, long[] careListings, long[] therapyListings, String district) {
    }

    private Area area(int n, Random random) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO area (name, created_at, adult_population) VALUES (?, ?, ?)", AREA_PREFIX + n, now,
                150_000 + random.nextInt(300_000));
        long areaId = jdbc.queryForObject("SELECT id FROM area WHERE name = ?", Long.class, AREA_PREFIX + n);
        String district = "G" + (char) ('A' + n - 1) + "1";
        jdbc.update("INSERT INTO postcode_district (code, area_id) VALUES (?, ?)", district, areaId);
        long council = organisation("Generated Council " + n, "COUNCIL", areaId, now);
        long board = organisation("Generated NHS Board " + n, "NHS_BOARD", areaId, now);
        long brokerage = organisation("Generated Brokerage " + n, "BROKERAGE", areaId, now);
        long nhsAccount = account(nhsCommissioner(n), "NHS Commissioner " + n, board, areaId, now);
        account(councilCommissioner(n), "Council Commissioner " + n, council, areaId, now);
        long care = category(areaId, "Personal care");
        long therapy = category(areaId, "Therapy");
        for (String other : List.of("Day activities", "Transport")) {
            category(areaId, other);
        }
        long[] providers = new long[4];
        long[] careListings = new long[4];
        long[] therapyListings = new long[4];
        for (int p = 0; p < providers.length; p++) {
            providers[p] = organisation("Generated Area " + n + " Provider " + (p + 1), "PROVIDER", areaId, now);
            jdbc.update("INSERT INTO provider_profile (organisation_id, contact_name, contact_email, status, "
                    + "registered_at) VALUES (?, ?, ?, 'VERIFIED', ?)", providers[p], "Contact " + (p + 1),
                    "gen" + n + "p" + (p + 1) + "@example.org", now);
            jdbc.update("INSERT INTO provider_district (organisation_id, postcode_district) VALUES (?, ?)",
                    providers[p], district);
            careListings[p] = listing(providers[p], care, "Help at home", "HOUR", CARE_PRICE + 50L * p, district, now);
            therapyListings[p] = listing(providers[p], therapy, "Physiotherapy", "SESSION", THERAPY_PRICE + 100L * p,
                    district, now);
        }
        return new Area(n, areaId, nhsAccount, brokerage, care, therapy, providers, careListings, therapyListings,
                district);
    }

    private long organisation(String name, String type, long areaId, Timestamp now) {
        jdbc.update("INSERT INTO organisation (name, type, area_id, created_at) VALUES (?, ?, ?, ?)", name, type,
                areaId, now);
        return jdbc.queryForObject("SELECT id FROM organisation WHERE name = ?", Long.class, name);
    }

    private long account(String username, String name, long organisationId, long areaId, Timestamp now) {
        // a password nobody knows: the account can be acted as by the benchmark, never signed in to
        jdbc.update("INSERT INTO user_account (username, full_name, role, organisation_id, area_id, password_hash, "
                + "created_at) VALUES (?, ?, 'COMMISSIONER', ?, ?, ?, ?)", username, name, organisationId, areaId,
                passwords.encode(java.util.UUID.randomUUID().toString()), now);
        return jdbc.queryForObject("SELECT id FROM user_account WHERE username = ?", Long.class, username);
    }

    private long category(long areaId, String name) {
        jdbc.update("INSERT INTO service_category (area_id, name, excluded) VALUES (?, ?, FALSE)", areaId, name);
        return jdbc.queryForObject("SELECT id FROM service_category WHERE area_id = ? AND name = ?", Long.class,
                areaId, name);
    }

    private long listing(long provider, long category, String title, String unit, long price, String district,
            Timestamp now) {
        jdbc.update("INSERT INTO listing (organisation_id, category_id, title, description, unit, price_pence, status, "
                + "visible, days_available, languages, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'PUBLISHED', "
                + "TRUE, 'MON,TUE,WED,THU,FRI', 'English', ?, ?)", provider, category, title, title + " nearby.", unit,
                price, now, now);
        long id = jdbc.queryForObject("SELECT MAX(id) FROM listing WHERE organisation_id = ?", Long.class, provider);
        jdbc.update("INSERT INTO listing_district (listing_id, postcode_district, category_id, price_pence, visible) "
                + "VALUES (?, ?, ?, ?, TRUE)", id, district, category, price);
        return id;
    }

    /** Next free ids, taken for a whole chunk at once (this runs alone, before anyone uses the data). */
    private long next(String table) {
        return jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table, Long.class);
    }

    /** The rows of one chunk of holders, gathered and then written table by table. */
    private final class Rows {
        final List<Object[]> accounts = new ArrayList<>();
        final List<Object[]> holders = new ArrayList<>();
        final List<Object[]> budgets = new ArrayList<>();
        final List<Object[]> books = new ArrayList<>();
        final List<Object[]> entries = new ArrayList<>();
        final List<Object[]> lines = new ArrayList<>();
        final List<Object[]> spends = new ArrayList<>();
        final List<Object[]> balances = new ArrayList<>();
        final List<Object[]> plans = new ArrayList<>();
        final List<Object[]> planLines = new ArrayList<>();
        final List<Object[]> purchases = new ArrayList<>();
        final List<Object[]> purchaseStreams = new ArrayList<>();
        final List<Object[]> invoices = new ArrayList<>();
        final List<Object[]> payments = new ArrayList<>();
        long accountId = next("user_account");
        long holderId = next("budget_holder");
        long budgetId = next("budget");
        long entryId = next("ledger_entry");
        long planId = next("support_plan");
        long purchaseId = next("purchase");
        long invoiceId = next("invoice");
        long paymentId = next("payment");

        /** One ledger entry, its lines added up to zero, and the budget's running totals moved with it. */
        void post(long budget, String kind, String key, String reason, String reference, Instant at,
                Map<FundingStream, long[]> totals, List<Object[]> entryLines) {
            long sum = 0;
            long id = entryId++;
            entries.add(new Object[] {id, budget, kind, key, reason, reference, Timestamp.from(at)});
            for (Object[] line : entryLines) {
                FundingStream stream = (FundingStream) line[0];
                int account = (int) line[1];
                long pence = (long) line[2];
                sum += pence;
                totals.get(stream)[account] += pence;
                lines.add(new Object[] {id, budget, stream.name(), ACCOUNTS[account], pence});
                if (account == SPENT) {
                    spends.add(new Object[] {id, stream.name(), budget, Timestamp.from(at), reference, pence});
                }
            }
            if (sum != 0) {
                throw new IllegalStateException("An entry's lines must add up to zero");
            }
        }
    }

    private static final String[] ACCOUNTS = {"FUNDING", "AVAILABLE", "COMMITTED", "SPENT"};
    private static final int FUNDING = 0;
    private static final int AVAILABLE = 1;
    private static final int COMMITTED = 2;
    private static final int SPENT = 3;

    private static Object[] line(FundingStream stream, int account, long pence) {
        return new Object[] {stream, account, pence};
    }

    private void holders(Area area, int from, int to, Random random) {
        Rows rows = new Rows();
        LocalDate today = UkTime.today(clock);
        LocalDate start = today.getMonthValue() >= 4 ? LocalDate.of(today.getYear(), 4, 1)
                : LocalDate.of(today.getYear() - 1, 4, 1);
        LocalDate end = start.plusYears(1).minusDays(1);
        Instant opened = UkTime.startOf(start);
        Timestamp openedAt = Timestamp.from(opened);
        for (int i = from; i < to; i++) {
            long account = rows.accountId++;
            long holder = rows.holderId++;
            long budget = rows.budgetId++;
            String username = "gen.a" + area.n() + ".h" + (i + 1);
            rows.accounts.add(new Object[] {account, username, "Generated Person " + area.n() + "-" + (i + 1),
                area.id(), area.district(), openedAt});
            LocalDate born = LocalDate.of(1935 + random.nextInt(85), 1 + random.nextInt(12), 1 + random.nextInt(28));
            rows.holders.add(new Object[] {holder, account, "Generated Person " + area.n() + "-" + (i + 1),
                Date.valueOf(born), String.format("9%d%08d", area.n(), i + 1), area.district(), area.id(), openedAt});
            int model = random.nextInt(10);
            String management = model < 5 ? "DIRECT_PAYMENT" : model < 7 ? "THIRD_PARTY" : "NOTIONAL";
            rows.budgets.add(new Object[] {budget, holder, area.id(), Date.valueOf(start), Date.valueOf(end),
                management, "THIRD_PARTY".equals(management) ? area.brokerage() : null, area.nhsAccount(), openedAt});
            rows.books.add(new Object[] {budget, area.id(), Date.valueOf(start), Date.valueOf(end), openedAt});
            Map<FundingStream, long[]> totals = new EnumMap<>(FundingStream.class);
            for (FundingStream s : FundingStream.values()) {
                totals.put(s, new long[4]);
            }
            long nhs = 480_000 + random.nextInt(100) * 1_000L;
            long council = 700_000 + random.nextInt(160) * 1_000L;
            rows.post(budget, "ALLOCATE", "gen:" + budget + ":allocate:NHS", "Generated allocation", "budget:" + budget,
                    opened, totals, List.of(line(FundingStream.NHS_HEALTH, AVAILABLE, nhs),
                            line(FundingStream.NHS_HEALTH, FUNDING, -nhs)));
            rows.post(budget, "ALLOCATE", "gen:" + budget + ":allocate:COUNCIL", "Generated allocation",
                    "budget:" + budget, opened, totals, List.of(line(FundingStream.COUNCIL_SOCIAL_CARE, AVAILABLE, council),
                            line(FundingStream.COUNCIL_SOCIAL_CARE, FUNDING, -council)));
            // care: 60% council, 40% NHS; therapy: all NHS (as Northbrook's agreement has them)
            int provider = random.nextInt(area.providers().length);
            book(rows, area, budget, holder, account, start, end, today, totals, area.careCategory(),
                    area.careListings()[provider], area.providers()[provider], "Help at home", "HOUR",
                    CARE_PRICE + 50L * provider, 10 + random.nextInt(16),
                    Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 6_000, FundingStream.NHS_HEALTH, 4_000));
            int therapist = random.nextInt(area.providers().length);
            book(rows, area, budget, holder, account, start, end, today, totals, area.therapyCategory(),
                    area.therapyListings()[therapist], area.providers()[therapist], "Physiotherapy", "SESSION",
                    THERAPY_PRICE + 100L * therapist, 1 + random.nextInt(2), Map.of(FundingStream.NHS_HEALTH, 10_000));
            for (FundingStream s : FundingStream.values()) {
                long[] t = totals.get(s);
                for (int a = 0; a < 4; a++) {
                    if (a != FUNDING && t[a] < 0) {
                        throw new IllegalStateException("A generated stream went below zero");
                    }
                    rows.balances.add(new Object[] {budget, s.name(), ACCOUNTS[a], t[a]});
                }
            }
            long plan = rows.planId++;
            // reviews spread over the year, so some are overdue
            LocalDate review = start.plusDays(30 + random.nextInt(330));
            rows.plans.add(new Object[] {plan, holder, Date.valueOf(review), area.nhsAccount(), openedAt,
                area.nhsAccount(), openedAt});
            rows.planLines.add(new Object[] {plan, area.careCategory(), "Help at home", 80_000L});
            if (random.nextInt(4) > 0) {
                rows.planLines.add(new Object[] {plan, area.therapyCategory(), "Physiotherapy", 10_000L});
            }
        }
        write(rows);
    }

    /** A monthly booking for the year, committed at the start, invoiced, paid and spent each month to last month. */
    private void book(Rows rows, Area area, long budget, long holder, long account, LocalDate start, LocalDate end,
            LocalDate today, Map<FundingStream, long[]> totals, long category, long listing, long provider, String title,
            String unit, long price, int quantity, Map<FundingStream, Integer> shares) {
        long purchase = rows.purchaseId++;
        long monthly = price * quantity;
        long total = monthly * 12;
        Instant bookedAt = UkTime.startOf(start).plusSeconds(3_600);
        List<StreamAmount> committed = Apportionment.split(total, shares);
        long commitEntry = rows.entryId;
        List<Object[]> commitLines = new ArrayList<>();
        for (StreamAmount part : committed) {
            commitLines.add(line(part.stream(), AVAILABLE, -part.pence()));
            commitLines.add(line(part.stream(), COMMITTED, part.pence()));
        }
        rows.post(budget, "COMMIT", "gen:purchase:" + purchase + ":commit", "Booked " + title, "pooling-version:1",
                bookedAt, totals, commitLines);
        rows.purchases.add(new Object[] {purchase, holder, budget, listing, provider, category, title, unit, price,
            quantity, "MONTHLY", 12, Date.valueOf(start), Date.valueOf(end), total, "ACCEPTED", commitEntry,
            "gen-" + purchase, account, Timestamp.from(bookedAt)});
        Map<FundingStream, Long> left = new EnumMap<>(FundingStream.class);
        committed.forEach(p -> left.put(p.stream(), p.pence()));
        Map<FundingStream, Long> spent = new EnumMap<>(FundingStream.class);
        for (YearMonth m = YearMonth.from(start); m.isBefore(YearMonth.from(today)); m = m.plusMonths(1)) {
            Instant at = UkTime.startOf(m.atEndOfMonth()).plusSeconds(12 * 3_600);
            long invoice = rows.invoiceId++;
            long spendEntry = rows.entryId;
            // shared in proportion to what each stream still holds for the booking, as settlement does
            List<StreamAmount> parts = Apportionment.inProportion(monthly, left);
            List<Object[]> spendLines = new ArrayList<>();
            for (StreamAmount part : parts) {
                spendLines.add(line(part.stream(), COMMITTED, -part.pence()));
                spendLines.add(line(part.stream(), SPENT, part.pence()));
                left.merge(part.stream(), -part.pence(), Long::sum);
                spent.merge(part.stream(), part.pence(), Long::sum);
            }
            rows.post(budget, "SPEND", "invoice:" + invoice + ":spend", "Invoice " + invoice + " for " + title,
                    "purchase:" + purchase, at, totals, spendLines);
            rows.invoices.add(new Object[] {invoice, purchase, quantity, monthly, area.nhsAccount(), Timestamp.from(at),
                account, Timestamp.from(at), spendEntry});
            rows.payments.add(new Object[] {rows.paymentId++, invoice, spendEntry, provider, holder, area.id(),
                "Wholecare invoice " + invoice + ": " + title, monthly, "wholecare-invoice-" + invoice,
                Timestamp.from(at), Timestamp.from(at)});
        }
        for (StreamAmount part : committed) {
            rows.purchaseStreams.add(new Object[] {purchase, part.stream().name(), part.pence(),
                spent.getOrDefault(part.stream(), 0L)});
        }
    }

    private void write(Rows r) {
        jdbc.batchUpdate("INSERT INTO user_account (id, username, full_name, role, area_id, postcode_district, "
                + "created_at) VALUES (?, ?, ?, 'BUDGET_HOLDER', ?, ?, ?)", r.accounts);
        jdbc.batchUpdate("INSERT INTO budget_holder (id, account_id, full_name, date_of_birth, nhs_number, "
                + "postcode_district, area_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", r.holders);
        jdbc.batchUpdate("INSERT INTO budget (id, holder_id, area_id, start_date, end_date, management, "
                + "brokerage_organisation_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.budgets);
        jdbc.batchUpdate("INSERT INTO ledger_book (budget_id, area_id, covers_from, covers_to, opened_at) "
                + "VALUES (?, ?, ?, ?, ?)", r.books);
        jdbc.batchUpdate("INSERT INTO ledger_entry (id, budget_id, kind, idempotency_key, reason, reference, posted_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", r.entries);
        jdbc.batchUpdate("INSERT INTO ledger_line (entry_id, budget_id, stream, account, amount_pence) "
                + "VALUES (?, ?, ?, ?, ?)", r.lines);
        jdbc.batchUpdate("INSERT INTO ledger_spend (entry_id, stream, budget_id, posted_at, reference, amount_pence) "
                + "VALUES (?, ?, ?, ?, ?, ?)", r.spends);
        jdbc.batchUpdate("INSERT INTO ledger_balance (budget_id, stream, account, balance_pence) VALUES (?, ?, ?, ?)",
                r.balances);
        jdbc.batchUpdate("INSERT INTO support_plan (id, holder_id, version, status, review_date, drafted_by, "
                + "drafted_at, agreed_by, agreed_at) VALUES (?, ?, 1, 'AGREED', ?, ?, ?, ?, ?)", r.plans);
        jdbc.batchUpdate("INSERT INTO support_plan_line (plan_id, category_id, description, planned_pence, frequency, "
                + "outcome_position) VALUES (?, ?, ?, ?, 'MONTH', 1)", r.planLines);
        jdbc.batchUpdate("INSERT INTO purchase (id, holder_id, budget_id, listing_id, provider_id, category_id, title, "
                + "unit, unit_price_pence, quantity, frequency, occurrences, start_date, end_date, total_pence, status, "
                + "commit_entry_id, request_key, created_by, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.purchases);
        jdbc.batchUpdate("INSERT INTO purchase_stream (purchase_id, stream, committed_pence, spent_pence) "
                + "VALUES (?, ?, ?, ?)", r.purchaseStreams);
        jdbc.batchUpdate("INSERT INTO invoice (id, purchase_id, units, amount_pence, status, raised_by, raised_at, "
                + "decided_by, decided_at, spend_entry_id) VALUES (?, ?, ?, ?, 'CONFIRMED', ?, ?, ?, ?, ?)", r.invoices);
        jdbc.batchUpdate("INSERT INTO payment (id, invoice_id, spend_entry_id, provider_id, holder_id, area_id, "
                + "description, amount_pence, method, status, idempotency_key, created_at, settled_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OUTSIDE', 'SETTLED', ?, ?, ?)", r.payments);
    }
}
