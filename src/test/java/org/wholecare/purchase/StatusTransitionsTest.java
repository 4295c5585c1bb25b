package org.wholecare.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The only moves a booking and an invoice can make, stated once and checked whole. */
class StatusTransitionsTest {

    @Test
    void aBookingMovesOnlyAsTheLifecycleAllows() {
        List<String> allowed = new ArrayList<>();
        for (Purchase.Status from : Purchase.Status.values()) {
            for (Purchase.Status to : Purchase.Status.values()) {
                if (from.canMoveTo(to)) {
                    allowed.add(from + ">" + to);
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrder("REQUESTED>ACCEPTED", "REQUESTED>DECLINED", "REQUESTED>CANCELLED",
                "ACCEPTED>CANCELLED", "ACCEPTED>COMPLETED");
    }

    @Test
    void anInvoiceMovesOnlyAsTheLifecycleAllows() {
        List<String> allowed = new ArrayList<>();
        for (Invoice.Status from : Invoice.Status.values()) {
            for (Invoice.Status to : Invoice.Status.values()) {
                if (from.canMoveTo(to)) {
                    allowed.add(from + ">" + to);
                }
            }
        }
        assertThat(allowed).containsExactlyInAnyOrder("RAISED>CONFIRMED", "RAISED>DISPUTED", "DISPUTED>CONFIRMED",
                "DISPUTED>REJECTED");
    }
}
