package org.wholecare.payment;

import org.springframework.stereotype.Component;
import org.wholecare.shell.MenuOffers;

/** "Add money" is on the menu only where card payments are set up (Stripe keys given). */
@Component
class CardPaymentsInMenu implements MenuOffers {

    private final StripeSettings settings;

    CardPaymentsInMenu(StripeSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean offers(String path) {
        return !"add-money".equals(path) || settings.enabled();
    }
}
