package org.wholecare.budget;

import static org.wholecare.TestArea.areaId;

import static org.wholecare.TestArea.COMMISSIONER;

import org.wholecare.holder.BudgetHolderService;
import org.wholecare.holder.BudgetManagement;
import org.wholecare.holder.RegisterHolder;
import org.wholecare.pooling.PoolingService;
import org.wholecare.holder.HolderSummary;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.wholecare.ledger.FundingStream;
import org.wholecare.security.ActingAs;

/** Registers holders and budgets in Testford ({@link org.wholecare.TestArea}) through the real services, as its NHS commissioner. */
public final class BudgetTestData {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

    private BudgetTestData() {
    }

    /** A valid, unused NHS number: nine digits from a counter and the right check digit. */
    public static String nextNhsNumber() {
        while (true) {
            String nine = String.format("%09d", SEQUENCE.incrementAndGet() % 1_000_000_000L);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }

    public static HolderSummary holder(ActingAs actingAs, BudgetHolderService holders) {
        long n = SEQUENCE.incrementAndGet();
        return actingAs.run(COMMISSIONER, () -> holders.register(new RegisterHolder("Test Person " + n,
                "test.person." + n, LocalDate.of(1970, 1, 1), nextNhsNumber(), "TF2", null, null, null)).holder());
    }

    /** A holder in {@code district} who has accepted their invitation, so tests can act as them. */
    public static HolderSummary holderWhoCanSignIn(ActingAs actingAs, BudgetHolderService holders,
            org.wholecare.security.Invitations invitations, String name, String district) {
        long n = SEQUENCE.incrementAndGet();
        String username = name.toLowerCase(java.util.Locale.UK).replace(' ', '.') + "." + n;
        var registered = actingAs.run(COMMISSIONER, () -> holders.register(new RegisterHolder(name + " " + n,
                username, LocalDate.of(1960, 5, 5), nextNhsNumber(), district, null, null, null)));
        String url = registered.holderInvitation().link().url();
        invitations.acceptInvitation(url.substring(url.lastIndexOf('/') + 1), "a long enough password",
                "a long enough password");
        return registered.holder();
    }

    /** A holder in TF4 and the carer who acts for them, both signed up, with £5,000.00 each of council and NHS money. */
    public record WithCarer(HolderSummary holder, String username, String carer) {
    }

    public static WithCarer holderWithCarer(ActingAs actingAs, BudgetHolderService holders, BudgetService budgets,
            org.wholecare.security.Invitations invitations, String prefix, long n) {
        String username = prefix + "." + n;
        String carer = prefix + ".carer." + n;
        var registered = actingAs.run(COMMISSIONER, () -> holders.register(new RegisterHolder(
                Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1) + " " + n, username,
                LocalDate.of(1950, 3, 3), nextNhsNumber(), "TF4", "Carer " + n, carer, "Daughter")));
        for (var invitation : java.util.List.of(registered.holderInvitation(), registered.representativeInvitation())) {
            String url = invitation.link().url();
            invitations.acceptInvitation(url.substring(url.lastIndexOf('/') + 1), org.wholecare.TestArea.PASSWORD,
                    org.wholecare.TestArea.PASSWORD);
        }
        budget(actingAs, budgets, registered.holder(), Map.of(FundingStream.COUNCIL_SOCIAL_CARE, 500_000L,
                FundingStream.NHS_HEALTH, 500_000L));
        return new WithCarer(registered.holder(), username, carer);
    }

    /** A year's budget with the given allocations (pence) and a note for each. */
    public static BudgetSummary budget(ActingAs actingAs, BudgetService budgets, HolderSummary holder,
            Map<FundingStream, Long> allocations) {
        Map<FundingStream, String> notes = new java.util.EnumMap<>(FundingStream.class);
        allocations.keySet().forEach(s -> notes.put(s, "Test allocation for " + s.label()));
        return actingAs.run(COMMISSIONER, () -> budgets.createBudget(new NewBudget(holder.id(),
                // from the month before: the app's moved test clock and the machine's may be a day apart
                LocalDate.now().withDayOfMonth(1).minusMonths(1), LocalDate.now().withDayOfMonth(1).plusYears(1).minusDays(1),
                BudgetManagement.NOTIONAL, null, allocations, notes)));
    }

    public static long category(ActingAs actingAs, PoolingService pooling, String name) {
        return actingAs.run(COMMISSIONER, () -> pooling.categories(areaId(actingAs)).stream()
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow().id());
    }
}
