package org.wholecare.holder;

import org.springframework.context.ApplicationEventPublisher;
import org.wholecare.security.CurrentUser;
import org.wholecare.shared.RefusedException;

import org.wholecare.shared.UkTime;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.security.AccountService;
import org.wholecare.security.AccountSummary;
import org.wholecare.security.IssuedInvitation;
import org.wholecare.security.NewAccount;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/** Commissioners register the people who hold budgets; holders and representatives see their own record. */
@Service
@Transactional(readOnly = true)
public class BudgetHolderService {

    private final JdbcClient jdbc;
    private final HolderDirectory holders;
    private final AccountService accounts;
    private final org.wholecare.security.Invitations invitations;
    private final OrganisationService organisations;
    private final HolderLooks looks;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BudgetHolderService(JdbcClient jdbc, HolderDirectory holders, AccountService accounts, org.wholecare.security.Invitations invitations,
            OrganisationService organisations, HolderLooks looks, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock) {
        this.looks = looks;
        this.currentUser = currentUser;
        this.events = events;
        this.jdbc = jdbc;
        this.holders = holders;
        this.accounts = accounts;
        this.invitations = invitations;
        this.organisations = organisations;
        this.clock = clock;
    }

    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional
    public RegisteredHolder register(RegisterHolder request) {
        SignedInUser commissioner = currentUser.require();
        long areaId = commissioner.areaId();
        Checked checked = check(request, areaId);
        String district = checked.district();

        AccountSummary holderAccount = accounts.createAccount(new NewAccount(request.fullName(), request.username(),
                Role.BUDGET_HOLDER, null, areaId, district));
        AccountSummary representative = null;
        if (request.hasRepresentative()) {
            try {
                representative = accounts.createAccount(new NewAccount(request.representativeName(),
                        request.representativeUsername(), Role.REPRESENTATIVE, null, areaId, null));
            } catch (ValidationException e) {
                // the same rules, but about the representative's fields on the form
                var renamed = new java.util.LinkedHashMap<String, String>();
                e.fieldErrors().forEach((field, message) -> renamed.put(switch (field) {
                    case "fullName" -> "representativeName";
                    case "username" -> "representativeUsername";
                    default -> field;
                }, message));
                throw new ValidationException(renamed);
            }
        }
        jdbc.sql("""
                INSERT INTO budget_holder (account_id, full_name, date_of_birth, nhs_number, postcode_district, area_id,
                  representative_account_id, representative_relationship, registered_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(holderAccount.id(), holderAccount.fullName(), Date.valueOf(request.dateOfBirth()),
                        checked.nhsDigits(), district, areaId, representative == null ? null : representative.id(),
                        representative == null ? null : request.representativeRelationship().strip(),
                        commissioner.accountId(), Timestamp.from(clock.instant()))
                .update();
        HolderSummary holder = holders.byAccount(holderAccount.id()).orElseThrow();
        // a representative named here acts for the person fully, until the person or a commissioner
        // ends it: the consent feature records that grant in this same transaction
        events.publishEvent(new HolderRegistered(holder.id(), representative == null ? null : representative.id(),
                representative == null ? null : request.representativeRelationship().strip(),
                commissioner.accountId(), clock.instant()));
        IssuedInvitation holderInvitation = invitations.issueInvitation(holderAccount.id());
        IssuedInvitation representativeInvitation = representative == null ? null
                : invitations.issueInvitation(representative.id());
        return new RegisteredHolder(holder, holderInvitation, representativeInvitation);
    }

    /** A registration's NHS number (digits only) and postcode district, once every field is right. */
    private record Checked(String nhsDigits, String district) {
    }

    private Checked check(RegisterHolder request, long areaId) {
        var errors = new ValidationException.Collector();
        LocalDate today = UkTime.today(clock);
        if (request.dateOfBirth() == null) {
            errors.add("dateOfBirth", "Enter the person's date of birth.");
        } else if (request.dateOfBirth().isAfter(today)) {
            errors.add("dateOfBirth", "The date of birth cannot be in the future.");
        } else if (request.dateOfBirth().isBefore(today.minusYears(125))) {
            errors.add("dateOfBirth", "Check the year of birth: that would make the person over 125.");
        }
        NhsNumber.Result nhs = NhsNumber.check(request.nhsNumber());
        if (!nhs.valid()) {
            errors.add("nhsNumber", nhs.problem());
        } else if (holders.nhsNumberTaken(nhs.digits().get())) {
            errors.add("nhsNumber", "Someone with this NHS number is already registered.");
        }
        String district = OrganisationService.normaliseDistrict(request.postcodeDistrict());
        if (district.isEmpty()) {
            errors.add("postcodeDistrict", "Enter the first part of the person's postcode, such as NB4.");
        } else if (!organisations.isDistrictInArea(district, areaId)) {
            errors.add("postcodeDistrict", (district.length() <= 12 ? district : "That") + " is not in your area. "
                    + "Check the first part of the postcode.");
        }
        if (request.hasRepresentative()) {
            if (request.representativeUsername() == null || request.representativeUsername().isBlank()) {
                errors.add("representativeUsername", "Choose a username for the representative.");
            }
            if (request.representativeRelationship() == null || request.representativeRelationship().isBlank()) {
                errors.add("representativeRelationship",
                        "Say how they are related to the person, for example parent, carer or deputy.");
            } else if (request.representativeRelationship().strip().length() > 100) {
                errors.add("representativeRelationship", "Keep this to 100 characters or fewer.");
            }
        }
        errors.throwIfAny();
        return new Checked(nhs.digits().get(), district);
    }

    /** The area's holders, with their names and NHS numbers: in each one's "who has looked" log. */
    @RolesAllowed(Roles.COMMISSIONER)
    public List<HolderSummary> holdersInMyArea() {
        List<HolderSummary> inArea = holders.inArea(currentUser.require().areaId());
        looks.recordLooks(inArea.stream().map(HolderSummary::id).toList(),
                "Saw your name and NHS number in the list of the area's budget holders");
        return inArea;
    }

    @PreAuthorize("isAuthenticated()")
    public HolderSummary holder(long holderId) {
        HolderSummary holder = holders.byId(holderId)
                .orElseThrow(RefusedException::noAccessToRecords);
        looks.requireView(holder, "Viewed their details");
        return holder;
    }

    /** Everyone whose consent for the signed-in representative or broker (or their brokerage) is in force today. */
    @RolesAllowed({Roles.REPRESENTATIVE, Roles.BROKER})
    public List<HolderSummary> representedByMe() {
        SignedInUser user = currentUser.require();
        return holders.actingFor(user.accountId(), user.role() == Role.BROKER ? user.organisationId() : null,
                UkTime.today(clock));
    }

    /**
     * The holder whose budget the signed-in holder looks after; for a representative, the one person
     * they act for (someone who acts for several must choose, never be handed the first).
     */
    @RolesAllowed({Roles.BUDGET_HOLDER, Roles.REPRESENTATIVE})
    public Optional<HolderSummary> mine() {
        SignedInUser user = currentUser.require();
        if (user.role() == Role.BUDGET_HOLDER) {
            return holders.byAccount(user.accountId());
        }
        List<HolderSummary> represented = representedByMe();
        return represented.size() == 1 ? Optional.of(represented.getFirst()) : Optional.empty();
    }
}
