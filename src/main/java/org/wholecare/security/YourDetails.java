package org.wholecare.security;

import java.time.Clock;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.shared.ValidationException;

/**
 * A person's own details, as they see and change them on "Your details": their name, username and
 * email address, and their password. Only ever the signed-in person's own account: there is no id
 * to pass, so nobody can change another's.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class YourDetails {

    /** One @, something either side, a dot after it, no spaces: what people mistype is caught, not every RFC case. */
    static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    static final int LONGEST_EMAIL = 254;

    public record Details(String fullName, String username, Role role, @Nullable String email) {
    }

    private final UserAccountRepository accounts;
    private final CurrentUser currentUser;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    YourDetails(UserAccountRepository accounts, CurrentUser currentUser, PasswordEncoder passwordEncoder,
            Clock clock) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Details mine() {
        UserAccount me = account();
        return new Details(me.getFullName(), me.getUsername(), me.getRole(), me.getEmail());
    }

    /** Sets (or, when left empty, removes) the person's email address; a message at "email" if it is not one. */
    public void changeMyEmail(@Nullable String typed) {
        account().setEmail(checked(typed));
    }

    /**
     * Changes the person's password once they have given the current one. Every session the old
     * password opened ends, this one too: they sign in again with the new one.
     */
    public void changeMyPassword(@Nullable String current, @Nullable String password, @Nullable String confirmation) {
        UserAccount me = account();
        var errors = new ValidationException.Collector();
        if (current == null || current.isEmpty() || me.getPasswordHash() == null
                || !passwordEncoder.matches(current, me.getPasswordHash())) {
            errors.add("current", "That is not your current password. Type the password you signed in with.");
        }
        PasswordRules.check(password, confirmation, me.getUsername(), errors);
        if (!errors.has("password") && current != null && current.equals(password)) {
            errors.add("password", "That is your current password. Choose a new one.");
        }
        errors.throwIfAny();
        me.setPasswordHash(passwordEncoder.encode(password), clock.instant());
    }

    /** An email address as kept: stripped, lower case, or null for none; refused at "email" if it is not one. */
    static @Nullable String checked(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String email = typed.strip().toLowerCase(Locale.UK);
        if (email.length() > LONGEST_EMAIL || !EMAIL.matcher(email).matches()) {
            throw ValidationException.of("email", "That is not an email address. Type it like name@example.org, "
                    + "or leave it empty to get no emails.");
        }
        return email;
    }

    private UserAccount account() {
        return accounts.findById(currentUser.require().accountId()).orElseThrow();
    }
}
