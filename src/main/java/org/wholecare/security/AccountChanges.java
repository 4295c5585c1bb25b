package org.wholecare.security;

import org.jspecify.annotations.Nullable;
import org.wholecare.shared.UkTime;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/**
 * What administrators do when people leave or move: switch an account off (its sessions end at
 * once and it cannot sign in), switch it on again, and give staff a new role or organisation (which
 * ends their open sessions, made with the old one). Every change is kept with who made it and why.
 */
@Service
@Transactional(readOnly = true)
public class AccountChanges {

    /** Staff roles, which move between organisations; holders and representatives are people, not posts. */
    private static final EnumSet<Role> STAFF = EnumSet.of(Role.BROKER, Role.PROVIDER, Role.COMMISSIONER,
            Role.ADMINISTRATOR);

    private final UserAccountRepository accounts;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;
    private final Clock clock;

    AccountChanges(UserAccountRepository accounts, OrganisationService organisations, CurrentUser currentUser,
            JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One change to an account, as the history shows it. */
    public record Change(Instant at, String what, String byName) {
        public String when() {
            return UkTime.dayAndTime(at);
        }
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    @Transactional
    public AccountSummary disable(long accountId, @Nullable String reason) {
        UserAccount account = account(accountId);
        String why = reason == null ? "" : reason.strip();
        var errors = new ValidationException.Collector();
        if (why.isEmpty()) {
            errors.add("reason", "Say why this account is being disabled, for example: left the organisation.");
        } else if (why.length() > 300) {
            errors.add("reason", "Keep the reason to 300 characters or fewer.");
        }
        if (account.isDisabled()) {
            errors.add("", account.getFullName() + "'s account is already disabled.");
        }
        if (Objects.equals(account.getId(), currentUser.require().accountId())) {
            errors.add("", "You cannot disable your own account. Ask another administrator.");
        } else if (account.getRole() == Role.ADMINISTRATOR && enabledAdministrators() <= 1) {
            errors.add("", "This is the only administrator who can sign in. Give someone else the role first.");
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        account.disable(now);
        record(account, "DISABLED", "Disabled: " + why, now);
        return AccountService.summary(accounts.save(account), now);
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    @Transactional
    public AccountSummary enable(long accountId) {
        UserAccount account = account(accountId);
        if (!account.isDisabled()) {
            throw ValidationException.of("", account.getFullName() + "'s account is not disabled.");
        }
        Instant now = clock.instant();
        account.enable();
        record(account, "ENABLED", "Enabled again", now);
        return AccountService.summary(accounts.save(account), now);
    }

    /** A member of staff's new role, or new organisation, or both; their open sessions end. */
    @RolesAllowed(Roles.ADMINISTRATOR)
    @Transactional
    public AccountSummary changeRole(long accountId, @Nullable Role role, @Nullable Long organisationId) {
        UserAccount account = account(accountId);
        var errors = new ValidationException.Collector();
        if (!STAFF.contains(account.getRole())) {
            errors.add("role", "A " + account.getRole().label().toLowerCase(Locale.UK) + "'s account keeps its role: "
                    + "it belongs to a person, not a post.");
        } else if (role == null || !STAFF.contains(role)) {
            errors.add("role", "Choose a staff role: broker, provider staff, commissioner or administrator.");
        }
        OrganisationSummary organisation = null;
        errors.throwIfAny();
        if (role.belongsToOrganisation()) {
            organisation = organisationId == null ? null : organisations.organisation(organisationId).orElse(null);
            if (organisation == null) {
                errors.add("organisation", "Choose the organisation they now work for.");
            } else if (!role.organisationTypes().contains(organisation.type())) {
                errors.add("organisation", organisation.name() + " is a " + organisation.type().label()
                        .toLowerCase(Locale.UK) + ": a " + role.label().toLowerCase(Locale.UK) + " works for a "
                        + String.join(" or ", role.organisationTypes().stream()
                                .map(t -> t.label().toLowerCase(Locale.UK)).toList()) + ".");
            }
        }
        if (account.getRole() == Role.ADMINISTRATOR && role != Role.ADMINISTRATOR && enabledAdministrators() <= 1) {
            errors.add("role", "This is the only administrator who can sign in. Give someone else the role first.");
        }
        Long newOrganisation = organisation == null ? null : organisation.id();
        if (role == account.getRole() && Objects.equals(newOrganisation, account.getOrganisationId())) {
            errors.add("role", "That is already their role and organisation.");
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        String was = describe(account.getRole(), account.getOrganisationId());
        account.changeRole(role, newOrganisation, organisation == null ? null : organisation.areaId(), now);
        record(account, "ROLE_CHANGED", "Role changed from " + was + " to " + describe(role, newOrganisation), now);
        return AccountService.summary(accounts.save(account), now);
    }

    @RolesAllowed(Roles.ADMINISTRATOR)
    public List<Change> history(long accountId) {
        return jdbc.sql("""
                SELECT e.done_at, e.detail, a.full_name FROM account_event e LEFT JOIN user_account a ON a.id = e.done_by
                WHERE e.account_id = ? ORDER BY e.done_at DESC, e.id DESC""").param(accountId)
                .query((rs, n) -> new Change(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        rs.getString(3) == null ? "Wholecare" : rs.getString(3)))
                .list();
    }

    private UserAccount account(long accountId) {
        return accounts.findById(accountId).orElseThrow(() -> ValidationException.of("", "That account no longer exists."));
    }

    /**
     * Administrators who can sign in, counted with their rows locked: two administrators disabling
     * each other at the same moment take turns, and the second sees the first's change.
     */
    private long enabledAdministrators() {
        return jdbc.sql("SELECT id FROM user_account WHERE role = 'ADMINISTRATOR' AND disabled_at IS NULL "
                + "AND password_hash IS NOT NULL FOR UPDATE").query(Long.class).list().size();
    }

    private String describe(Role role, @Nullable Long organisationId) {
        String organisation = organisationId == null ? null
                : organisations.organisation(organisationId).map(OrganisationSummary::name).orElse(null);
        return role.label().toLowerCase(Locale.UK) + (organisation == null ? "" : " at " + organisation);
    }

    private void record(UserAccount account, String kind, String detail, Instant now) {
        jdbc.sql("INSERT INTO account_event (account_id, kind, detail, done_by, done_at) VALUES (?, ?, ?, ?, ?)")
                .params(account.getId(), kind, detail, currentUser.find().map(SignedInUser::accountId).orElse(null),
                        Timestamp.from(now))
                .update();
    }
}
