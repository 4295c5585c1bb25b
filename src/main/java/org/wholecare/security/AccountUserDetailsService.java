package org.wholecare.security;

import java.time.Clock;
import java.util.Locale;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final Clock clock;

    AccountUserDetailsService(UserAccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // An account whose invitation has not been accepted has no password: it cannot sign in,
        // and is reported exactly like an unknown user so nobody learns which accounts exist.
        return accounts.findByUsername(username == null ? "" : username.strip().toLowerCase(Locale.UK))
                .filter(UserAccount::hasPassword)
                .map(account -> new SignedInUser(account, clock.instant()))
                .orElseThrow(() -> new UsernameNotFoundException("No usable account"));
    }
}
