package org.wholecare.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    List<UserAccount> findAllByOrderByFullName();

    long countByRole(Role role);

    long countByRoleAndAreaId(Role role, Long areaId);

    long countByOrganisationId(Long organisationId);

    List<UserAccount> findByOrganisationId(Long organisationId);

    long countByPasswordHashIsNull();

    boolean existsByRoleAndPasswordHashIsNotNull(Role role);

    long countByRoleAndDisabledAtIsNullAndPasswordHashIsNotNull(Role role);

    // Counting in one statement, so two wrong passwords at the same moment both count.
    @Modifying(clearAutomatically = true)
    @Query("update UserAccount a set a.failedSignIns = a.failedSignIns + 1 "
            + "where a.username = :username and (a.lockedUntil is null or a.lockedUntil <= :now)")
    int countFailedSignIn(String username, Instant now);

    @Modifying(clearAutomatically = true)
    @Query("update UserAccount a set a.lockedUntil = :until, a.failedSignIns = 0 "
            + "where a.username = :username and a.failedSignIns >= :maxFailures")
    int lockIfTooManyFailures(String username, int maxFailures, Instant until);

    @Modifying(clearAutomatically = true)
    @Query("update UserAccount a set a.failedSignIns = 0, a.lockedUntil = null, a.lastSignInAt = :now "
            + "where a.username = :username")
    int recordSuccessfulSignIn(String username, Instant now);

    // the same password, hashed the current way: not a new password, so sessions carry on
    @Modifying(clearAutomatically = true)
    @Query("update UserAccount a set a.passwordHash = :hash where a.username = :username")
    int updatePasswordHash(String username, String hash);

    @Modifying(clearAutomatically = true)
    @Query("update UserAccount a set a.lastSignInAt = :now where a.id = :id")
    int recordSignIn(Long id, Instant now);
}
