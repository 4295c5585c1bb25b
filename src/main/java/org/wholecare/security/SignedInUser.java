package org.wholecare.security;

import java.io.Serial;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The person at the keyboard, as they were when they signed in. Kept in the session. */
public final class SignedInUser implements UserDetails {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String username;
    private final String fullName;
    private final Role role;
    private final @Nullable Long organisationId;
    private final @Nullable Long areaId;
    private final @Nullable String postcodeDistrict;
    private final transient @Nullable String passwordHash;
    private final boolean locked;
    private final boolean enabled;
    private final Instant signedInAt;

    SignedInUser(UserAccount account, Instant now, boolean locked) {
        this.accountId = account.getId();
        this.username = account.getUsername();
        this.fullName = account.getFullName();
        this.role = account.getRole();
        this.organisationId = account.getOrganisationId();
        this.areaId = account.getAreaId();
        this.postcodeDistrict = account.getPostcodeDistrict();
        this.passwordHash = account.getPasswordHash();
        this.locked = locked;
        this.enabled = !account.isDisabled();
        this.signedInAt = now;
    }

    /** When this session began: it ends if the account changed after (see SessionCheck). */
    public Instant signedInAt() {
        return signedInAt;
    }

    public long accountId() {
        return accountId;
    }

    public String fullName() {
        return fullName;
    }

    public Role role() {
        return role;
    }

    public @Nullable Long organisationId() {
        return organisationId;
    }

    public @Nullable Long areaId() {
        return areaId;
    }

    public @Nullable String postcodeDistrict() {
        return postcodeDistrict;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.roleName()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof SignedInUser that && that.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }

    @Override
    public String toString() {
        return "SignedInUser[" + username + ", " + role + "]";
    }
}
