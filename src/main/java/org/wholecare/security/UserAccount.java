package org.wholecare.security;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "user_account")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String username;

    private String fullName;

    @Enumerated(EnumType.STRING)
    private Role role;

    private @Nullable Long organisationId;

    private @Nullable Long areaId;

    private @Nullable String postcodeDistrict;

    /** Empty until the person accepts their invitation and chooses a password. */
    private @Nullable String passwordHash;

    private int failedSignIns;

    private @Nullable Instant lockedUntil;

    private @Nullable Instant lastSignInAt;

    private Instant createdAt;

    /** Set while an administrator has the account switched off (a leaver). */
    private @Nullable Instant disabledAt;

    /** Sessions that began before this have ended (a new role or organisation, a new password). */
    private @Nullable Instant sessionsValidFrom;

    /** Where Wholecare's emails go; empty for someone who has given none (they get none). */
    private @Nullable String email;

    @Version
    private long version;

    protected UserAccount() {
    }

    UserAccount(String username, String fullName, Role role, @Nullable Long organisationId, @Nullable Long areaId,
            @Nullable String postcodeDistrict, Instant createdAt) {
        this.username = username;
        this.fullName = fullName;
        this.role = role;
        this.organisationId = organisationId;
        this.areaId = areaId;
        this.postcodeDistrict = postcodeDistrict;
        this.createdAt = createdAt;
    }

    @Nullable String getEmail() {
        return email;
    }

    void setEmail(@Nullable String email) {
        this.email = email;
    }

    void setPasswordHash(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.failedSignIns = 0;
        this.lockedUntil = null;
        // a new password ends every session the old one opened
        this.sessionsValidFrom = now;
    }

    void disable(Instant now) {
        this.disabledAt = now;
        this.sessionsValidFrom = now;
    }

    void enable() {
        this.disabledAt = null;
    }

    void changeRole(Role role, @Nullable Long organisationId, @Nullable Long areaId, Instant now) {
        this.role = role;
        this.organisationId = organisationId;
        this.areaId = areaId;
        // what the person may see changes: their open sessions, made with the old role, end
        this.sessionsValidFrom = now;
    }

    @Nullable Instant getDisabledAt() {
        return disabledAt;
    }

    boolean isDisabled() {
        return disabledAt != null;
    }

    @Nullable Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getFullName() {
        return fullName;
    }

    Role getRole() {
        return role;
    }

    @Nullable Long getOrganisationId() {
        return organisationId;
    }

    @Nullable Long getAreaId() {
        return areaId;
    }

    @Nullable String getPostcodeDistrict() {
        return postcodeDistrict;
    }

    @Nullable String getPasswordHash() {
        return passwordHash;
    }

    @Nullable Instant getLockedUntil() {
        return lockedUntil;
    }

    @Nullable Instant getLastSignInAt() {
        return lastSignInAt;
    }

    boolean hasPassword() {
        return passwordHash != null;
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
