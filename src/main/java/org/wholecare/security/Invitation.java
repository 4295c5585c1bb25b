package org.wholecare.security;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A single-use link for setting a password. Only a hash of the token is stored. */
@Entity
@Table(name = "invitation")
class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private Long userAccountId;

    private String tokenHash;

    private Instant createdAt;

    private Instant expiresAt;

    private @Nullable Instant usedAt;

    private @Nullable Long createdBy;

    protected Invitation() {
    }

    Invitation(Long userAccountId, String tokenHash, Instant createdAt, Instant expiresAt, @Nullable Long createdBy) {
        this.userAccountId = userAccountId;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
    }

    Long getUserAccountId() {
        return userAccountId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    boolean isUsed() {
        return usedAt != null;
    }

    boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    void markUsed(Instant now) {
        this.usedAt = now;
    }
}
