package org.wholecare.purchase;

import java.util.Map;
import org.wholecare.shared.ValidationException;

/**
 * A booking refused because it would not cost what the person was shown: nothing was set aside,
 * and {@link #now()} is the cost it would have now, for them to check and confirm again.
 */
public class CostChangedException extends ValidationException {

    private final transient BookingPreview now;

    CostChangedException(BookingPreview now, String message) {
        super(Map.of("", message));
        this.now = now;
    }

    public BookingPreview now() {
        return now;
    }
}
