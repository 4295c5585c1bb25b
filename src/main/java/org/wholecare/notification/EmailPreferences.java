package org.wholecare.notification;

import java.sql.Timestamp;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.ValidationException;

/**
 * Each person's choice of emails, seen and changed only by themselves on "Your details" (there is
 * no account id to pass, so nobody changes another's). Someone who never chose gets all of them.
 */
@Service
@Transactional
public class EmailPreferences {

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    EmailPreferences(JdbcClient jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public EmailChoice mine() {
        return choiceOf(currentUser.require().accountId());
    }

    @PreAuthorize("isAuthenticated()")
    public void changeMine(@Nullable EmailChoice choice) {
        if (choice == null) {
            throw ValidationException.of("choice", "Choose which emails you want.");
        }
        jdbc.sql("INSERT INTO email_preference (account_id, choice, changed_at) VALUES (?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE choice = VALUES(choice), changed_at = VALUES(changed_at)")
                .params(currentUser.require().accountId(), choice.name(), Timestamp.from(clock.instant())).update();
    }

    /** For the emails' own use: what someone chose, without telling anyone else. */
    EmailChoice choiceOf(long accountId) {
        return jdbc.sql("SELECT choice FROM email_preference WHERE account_id = ?").param(accountId)
                .query(String.class).optional().map(EmailChoice::valueOf).orElse(EmailChoice.ALL);
    }
}
