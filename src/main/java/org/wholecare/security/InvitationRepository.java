package org.wholecare.security;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface InvitationRepository extends JpaRepository<Invitation, Long> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    // The row lock makes "used once" hold even if the link is submitted twice at the same moment.
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invitation i where i.tokenHash = :tokenHash")
    Optional<Invitation> findByTokenHashForUpdate(String tokenHash);

    // A new link replaces any earlier one the person has not used yet.
    @Modifying
    @Query("update Invitation i set i.expiresAt = :now where i.userAccountId = :userAccountId "
            + "and i.usedAt is null and i.expiresAt > :now")
    int expireOpenInvitations(Long userAccountId, Instant now);

    @Query("select count(distinct i.userAccountId) from Invitation i where i.usedAt is null and i.expiresAt > :now")
    long countOpen(Instant now);
}
