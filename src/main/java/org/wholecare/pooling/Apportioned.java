package org.wholecare.pooling;

import java.util.List;
import org.wholecare.ledger.StreamAmount;

/** An amount split across streams, and the agreement version that split it. */
public record Apportioned(long categoryId, int agreementVersion, List<StreamAmount> parts) {
}
