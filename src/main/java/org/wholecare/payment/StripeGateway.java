package org.wholecare.payment;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.Transfer;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.TransferCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The only place that talks to Stripe, through stripe-java. */
@Component
class StripeGateway {

    private final StripeSettings settings;
    private volatile @Nullable StripeClient client;

    StripeGateway(StripeSettings settings) {
        // paying without hearing back would leave top-ups uncredited and payments unconfirmed
        if (settings.enabled() && (settings.webhookSecret() == null || settings.webhookSecret().isBlank())) {
            throw new org.wholecare.platform.InstallationProblem("A Stripe secret key is set but no webhook secret.",
                    "Set STRIPE_WEBHOOK_SECRET to the signing secret of the webhook endpoint "
                            + "https://<your address>/stripe/webhook in Stripe's dashboard, or unset STRIPE_SECRET_KEY.");
        }
        this.settings = settings;
    }

    boolean enabled() {
        return settings.enabled();
    }

    private StripeClient client() {
        if (client == null) {
            client = new StripeClient.StripeClientBuilder().setApiKey(settings.secretKey()).setApiBase(settings.base())
                    .setConnectBase(settings.base()).setConnectTimeout(settings.timeout())
                    .setReadTimeout(settings.timeout())
                    // retries are ours, from the outbox, always with the same idempotency key
                    .setMaxNetworkRetries(0).build();
        }
        return client;
    }

    /** Pays a connected account; the same key never pays twice, however often it is sent. */
    String transfer(String connectedAccount, long pence, String description, String idempotencyKey)
            throws StripeException {
        Transfer transfer = client().transfers().create(TransferCreateParams.builder().setAmount(pence)
                        .setCurrency("gbp").setDestination(connectedAccount).setDescription(description)
                        // the group names the invoice, so a person can find the transfer in Stripe's dashboard
                        .setTransferGroup(idempotencyKey).build(),
                RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
        return transfer.getId();
    }

    String createConnectedAccount(@Nullable String email, String idempotencyKey) throws StripeException {
        Account account = client().accounts().create(AccountCreateParams.builder()
                        .setType(AccountCreateParams.Type.EXPRESS).setCountry("GB").setEmail(email).build(),
                RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
        return account.getId();
    }

    String onboardingLink(String connectedAccount, String returnUrl) throws StripeException {
        AccountLink link = client().accountLinks().create(AccountLinkCreateParams.builder()
                .setAccount(connectedAccount).setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .setRefreshUrl(returnUrl).setReturnUrl(returnUrl).build());
        return link.getUrl();
    }

    /** @return the session id and the page the person pays on */
    String[] checkout(long pence, String description, String topUpReference, String returnUrl, String idempotencyKey)
            throws StripeException {
        Session session = client().checkout().sessions().create(SessionCreateParams.builder()
                        .setMode(SessionCreateParams.Mode.PAYMENT)
                        .setSuccessUrl(returnUrl + "?top-up=done").setCancelUrl(returnUrl + "?top-up=cancelled")
                        .setClientReferenceId(topUpReference)
                        .addLineItem(SessionCreateParams.LineItem.builder().setQuantity(1L)
                                .setPriceData(SessionCreateParams.LineItem.PriceData.builder().setCurrency("gbp")
                                        .setUnitAmount(pence)
                                        .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                                .setName(description).build())
                                        .build())
                                .build())
                        .build(),
                RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
        return new String[] {session.getId(), session.getUrl()};
    }
}
