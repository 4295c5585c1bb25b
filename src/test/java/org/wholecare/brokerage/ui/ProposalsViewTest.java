package org.wholecare.brokerage.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wholecare.brokerage.Proposal;

/** A proposal reads as a sentence: "2 items of …", never "2 × item of …". */
class ProposalsViewTest {

    private static Proposal proposal(int quantity, String unit) {
        return new Proposal(1, 2, 3, "Accessible minibus to the day centre", "Meadow Day Centre", 4, quantity,
                Proposal.Frequency.WEEKLY, LocalDate.of(2027, 4, 30), 650, unit, "Door to door", Proposal.Status.PROPOSED,
                "Priya Shah", Instant.EPOCH, null, List.of(), null, 5);
    }

    @Test
    void aProposalSaysHowManyInWords() {
        assertThat(ProposalsView.summary(proposal(2, "item")))
                .startsWith("2 items of Accessible minibus to the day centre from Meadow Day Centre at £6.50 per item")
                .contains("starting 30 April 2027");
        assertThat(ProposalsView.summary(proposal(1, "hour"))).startsWith("1 hour of Accessible minibus");
    }
}
