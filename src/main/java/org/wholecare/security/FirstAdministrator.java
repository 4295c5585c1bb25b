package org.wholecare.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wholecare.platform.InstallationProblem;
import org.wholecare.shared.ValidationException;

/**
 * A new installation has no accounts at all, and no default one with a known password. Its first
 * administrator is named by WHOLECARE_FIRST_ADMIN: while no administrator has a password, each start
 * prints one single-use link (a new one replaces the last) with which they choose their own.
 */
@Component
// after the demo (if any) has made its own administrator
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountService accounts;
    private final Invitations invitations;
    private final UserAccountRepository repository;
    private final TransactionTemplate transaction;
    private final String username;
    private final String fullName;

    FirstAdministrator(AccountService accounts, Invitations invitations, UserAccountRepository repository, TransactionTemplate transaction,
            @Value("${wholecare.first-admin:}") String username,
            @Value("${wholecare.first-admin-name:Administrator}") String fullName) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.repository = repository;
        this.transaction = transaction;
        this.username = username == null ? "" : username.strip().toLowerCase(java.util.Locale.UK);
        this.fullName = fullName == null || fullName.isBlank() ? "Administrator" : fullName.strip();
    }

    @Override
    public void run(ApplicationArguments args) {
        // one who can sign in: if every administrator is disabled, the first-admin link is the way back in
        if (repository.countByRoleAndDisabledAtIsNullAndPasswordHashIsNotNull(Role.ADMINISTRATOR) > 0) {
            return;
        }
        if (username.isEmpty()) {
            log.warn("No administrator can sign in yet. Set WHOLECARE_FIRST_ADMIN to the username they will use "
                    + "and start Wholecare again: it prints a single-use link for them to choose a password.");
            return;
        }
        IssuedInvitation invitation = SystemActor.asAdministrator(() -> transaction.execute(status -> {
            Long accountId = repository.findByUsername(username).map(existing -> {
                if (existing.getRole() != Role.ADMINISTRATOR) {
                    throw new InstallationProblem("WHOLECARE_FIRST_ADMIN names " + username
                            + ", an account that is not an administrator.", "Choose a username nobody has yet.");
                }
                if (existing.isDisabled()) {
                    // whoever runs the server names them: the way back in when every administrator is disabled
                    existing.enable();
                    repository.save(existing);
                    log.warn("Administrator account {} enabled again through WHOLECARE_FIRST_ADMIN", existing.getId());
                }
                return existing.getId();
            }).orElseGet(() -> create().id());
            return invitations.issueInvitation(accountId);
        }));
        // printed, not logged: the one place this link appears, once per start until it is used
        System.out.println("""

                ==========================================================================================
                Wholecare has no administrator yet. %s (username %s) sets their password here, once,
                before %s:

                    %s

                Anyone with this link can become the administrator: open it yourself, now.
                ==========================================================================================
                """.formatted(invitation.link().fullName(), invitation.link().username(), invitation.expiresText(),
                invitation.link().url()));
    }

    private AccountSummary create() {
        try {
            return accounts.createAccount(new NewAccount(fullName, username, Role.ADMINISTRATOR, null, null, null));
        } catch (ValidationException e) {
            throw new InstallationProblem("WHOLECARE_FIRST_ADMIN or WHOLECARE_FIRST_ADMIN_NAME is not usable: "
                    + String.join(" ", e.fieldErrors().values()), "Correct it and start Wholecare again.");
        }
    }
}
