package org.wholecare.payment;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wholecare.holder.BudgetHolderService;
import org.wholecare.budget.BudgetService;
import org.wholecare.holder.HolderSummary;
import org.wholecare.ledger.FundingStream;
import org.wholecare.ledger.LedgerRequest;
import org.wholecare.ledger.LedgerService;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.security.SystemActor;
import org.wholecare.shared.Money;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

import org.wholecare.purchase.PayoutAccounts;

/**
 * Stripe Connect: a checked provider connects an account to be paid into; Stripe's own pages
 * collect their details.
 */
@Service
@Transactional(readOnly = true)
class StripeConnect implements PayoutAccounts {

    private final JdbcClient jdbc;
    private final StripeGateway stripe;
    private final CurrentUser currentUser;
    private final org.wholecare.marketplace.ProviderService providers;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    StripeConnect(JdbcClient jdbc, StripeGateway stripe, CurrentUser currentUser,
            org.wholecare.marketplace.ProviderService providers, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.stripe = stripe;
        this.currentUser = currentUser;
        this.providers = providers;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    @RolesAllowed(Roles.PROVIDER)
    public Optional<String> mine() {
        return accountOf(currentUser.require().organisationId());
    }

    /** The provider connects (or finishes connecting) a Stripe account; returns Stripe's onboarding page. */
    @Override
    @RolesAllowed(Roles.PROVIDER)
    public String connect(String returnUrl) {
        if (!stripe.enabled()) {
            throw ValidationException.of("", "Card payments through Stripe are not set up on this service. "
                    + "Your commissioner pays you another way.");
        }
        SignedInUser user = currentUser.require();
        // a Stripe account is for being paid, which only a checked provider can be
        if (!providers.isVerified(user.organisationId())) {
            throw ValidationException.of("", "You can connect a Stripe account once a commissioner has checked your "
                    + "organisation.");
        }
        try {
            String account = accountOf(user.organisationId()).orElse(null);
            if (account == null) {
                String email = providers.contactEmail(user.organisationId()).orElse(null);
                String created = stripe.createConnectedAccount(email, "wholecare-connect-" + user.organisationId());
                ownTransaction.executeWithoutResult(s -> jdbc.sql("INSERT INTO payout_account (organisation_id, "
                                + "stripe_account_id, connected_by, connected_at) VALUES (?, ?, ?, ?)")
                        .params(user.organisationId(), created, user.accountId(), now()).update());
                account = created;
            }
            return stripe.onboardingLink(account, returnUrl);
        } catch (StripeException e) {
            throw ValidationException.of("", "Stripe did not answer (" + e.getMessage() + "). Try again in a few minutes.");
        }
    }

    /** The Stripe account a provider is paid into, if they have connected one. */
    Optional<String> accountOf(long organisationId) {
        return jdbc.sql("SELECT stripe_account_id FROM payout_account WHERE organisation_id = ?").param(organisationId)
                .query(String.class).optional();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
