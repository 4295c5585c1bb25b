package org.wholecare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Modules talk through each other's services, never through each other's tables: Spring Modulith
 * sees Java dependencies, not SQL, so this reads the SQL each module writes. Every table has one
 * owning module. The crossings that remain are listed by name below; a new one fails the build, and
 * so does one that has gone (so the list only shrinks).
 */
class TableOwnershipTest {

    private static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("access_log", "consent"), Map.entry("area_setting", "budget"), Map.entry("budget", "budget"),
            Map.entry("budget_holder", "holder"),
            Map.entry("budget_stream_basis", "budget"), Map.entry("consent_event", "consent"),
            Map.entry("consent_grant", "consent"), Map.entry("pooling_agreement", "pooling"),
            Map.entry("pooling_share", "pooling"), Map.entry("service_category", "pooling"),
            Map.entry("support_plan", "plan"), Map.entry("support_plan_line", "plan"),
            Map.entry("support_plan_outcome", "plan"),
            Map.entry("conflict_of_interest", "brokerage"), Map.entry("proposal", "brokerage"),
            Map.entry("proposal_option", "brokerage"), Map.entry("quote_message", "brokerage"),
            Map.entry("quote_request", "brokerage"), Map.entry("shortlist_item", "brokerage"),
            Map.entry("ledger_balance", "ledger"), Map.entry("ledger_book", "ledger"),
            Map.entry("ledger_entry", "ledger"), Map.entry("ledger_line", "ledger"), Map.entry("ledger_spend", "ledger"),
            Map.entry("listing", "marketplace"), Map.entry("listing_district", "marketplace"),
            Map.entry("listing_price_history", "marketplace"), Map.entry("provider_decision", "marketplace"),
            Map.entry("provider_district", "marketplace"), Map.entry("provider_profile", "marketplace"),
            Map.entry("review", "marketplace"),
            Map.entry("email_preference", "notification"), Map.entry("email_outbox", "notification"),
            Map.entry("email_reminder", "notification"), Map.entry("shedlock", "platform"),
            Map.entry("area", "organisation"), Map.entry("organisation", "organisation"),
            Map.entry("postcode_district", "organisation"),
            Map.entry("payment", "payment"), Map.entry("payout_account", "payment"),
            Map.entry("public_figures", "oversight"),
            Map.entry("stripe_event", "payment"), Map.entry("top_up", "payment"),
            Map.entry("delivery", "purchase"), Map.entry("invoice", "purchase"), Map.entry("purchase", "purchase"),
            Map.entry("purchase_stream", "purchase"),
            Map.entry("account_event", "security"), Map.entry("invitation", "security"),
            Map.entry("trusted_device", "security"), Map.entry("user_account", "security"));

    /**
     * Where a module still reads another's table, as "module -> table". Each is a debt to pay by
     * asking the owner's service (or keeping a copy of what it needs, updated by events).
     */
    private static final Set<String> KNOWN_CROSSINGS = Set.of(
            "brokerage -> budget_holder", "brokerage -> listing", "brokerage -> organisation",
            "brokerage -> user_account",
            "consent -> budget_holder", "consent -> organisation", "consent -> user_account",
            "holder -> budget", "holder -> consent_grant", "holder -> user_account",
            "marketplace -> area", "marketplace -> organisation", "marketplace -> postcode_district",
            "marketplace -> service_category", "marketplace -> user_account",
            "payment -> organisation",
            "plan -> service_category",
            "purchase -> budget_holder", "purchase -> organisation");

    /** A table named in SQL: after FROM, JOIN, INTO or UPDATE (the keywords are upper case in this code). */
    private static final Pattern TABLE = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE)\\s+([a-z_]+)\\b");

    @Test
    void eachModuleWritesSqlOnlyForItsOwnTables() throws IOException {
        Set<String> found = new TreeSet<>();
        Path root = Path.of("src/main/java/org/wholecare");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = root.relativize(file).getName(0).toString();
                if (module.endsWith(".java") || module.equals("demo") || module.equals("platform")) {
                    continue; // the demo loads through services; platform names no product tables
                }
                Matcher m = TABLE.matcher(Files.readString(file));
                while (m.find()) {
                    String owner = OWNER.get(m.group(1));
                    if (owner != null && !owner.equals(module)) {
                        found.add(module + " -> " + m.group(1));
                    }
                }
            }
        }
        assertThat(found).as("crossings into another module's tables").isSubsetOf(KNOWN_CROSSINGS);
        assertThat(KNOWN_CROSSINGS).as("crossings listed as known that are gone: take them off the list")
                .isSubsetOf(found);
    }

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> tables = new TreeSet<>();
        Pattern create = Pattern.compile("CREATE TABLE ([a-z_]+)");
        try (Stream<Path> files = Files.walk(Path.of("db-changelog"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = create.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1));
                }
            }
        }
        assertThat(tables).isNotEmpty();
        assertThat(OWNER.keySet()).containsAll(tables);
    }
}
