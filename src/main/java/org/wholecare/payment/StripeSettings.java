package org.wholecare.payment;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Stripe keys and where to reach it. With no secret key, nothing is sent to Stripe: payments wait to
 * be settled outside Stripe and card top-ups are not offered.
 *
 * @param secretKey     the platform's secret API key (sk_...)
 * @param webhookSecret the signing secret of the webhook endpoint (whsec_...)
 * @param apiBase       Stripe's API address; tests point it at a local stub
 * @param publicUrl     this app's public address, for Checkout's return links
 */
@ConfigurationProperties("wholecare.stripe")
public record StripeSettings(@Nullable String secretKey, @Nullable String webhookSecret, @Nullable String apiBase,
        @Nullable String publicUrl, @Nullable Integer timeoutMillis) {

    public boolean enabled() {
        return secretKey != null && !secretKey.isBlank();
    }

    String base() {
        return apiBase == null || apiBase.isBlank() ? "https://api.stripe.com" : apiBase;
    }

    int timeout() {
        return timeoutMillis == null ? 10_000 : timeoutMillis;
    }
}
