package org.wholecare.purchase;

import java.util.Optional;

/**
 * Required by the provider's bookings page, provided by whoever pays providers: the signed-in
 * provider's account for being paid by card, and the way to connect one.
 */
public interface PayoutAccounts {

    /** The signed-in provider's connected account, if any. */
    Optional<String> mine();

    /** Starts (or continues) connecting an account; the address of the page to finish it on. */
    String connect(String returnUrl);
}
