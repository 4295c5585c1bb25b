package org.wholecare.notification;

import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.notification.internal.EmailDelivery;
import org.wholecare.notification.internal.Outbox;
import org.wholecare.security.AccountService;
import org.wholecare.shared.Roles;

/** For administrators: whether emails are going, and the ones that could not be sent (never their content). */
@Service
@Transactional(readOnly = true)
public class EmailProblems {

    public record NotSent(String to, String kind, int tries, String lastError, Instant firstTried) {
    }

    public record Summary(boolean mailIsSetUp, long waiting, long failed, List<NotSent> recentFailures) {
    }

    private final Outbox outbox;
    private final EmailDelivery delivery;
    private final AccountService accounts;

    EmailProblems(Outbox outbox, EmailDelivery delivery, AccountService accounts) {
        this.outbox = outbox;
        this.delivery = delivery;
        this.accounts = accounts;
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public Summary summary() {
        List<Outbox.Failed> failed = outbox.failedOnes(20);
        Map<Long, String> names = accounts.fullNames(failed.stream().map(Outbox.Failed::accountId).toList());
        return new Summary(delivery.canSend(), outbox.count("PENDING"), outbox.count("FAILED"), failed.stream()
                .map(f -> new NotSent(names.getOrDefault(f.accountId(), "someone"), f.kind(), f.attempts(),
                        f.lastError(), f.createdAt())).toList());
    }
}
