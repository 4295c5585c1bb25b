package org.wholecare.marketplace;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.organisation.AreaSummary;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.security.FirstProviderAccounts;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.Role;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/** Providers register themselves; commissioners verify, reject or suspend them. */
@Service
@Transactional(readOnly = true)
public class ProviderService {

    /** CQC location and provider IDs look like 1-123456789. */
    private static final Pattern CQC = Pattern.compile("^1-\\d{9,11}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** Shown on Provider checks before the name filter is needed. */
    static final String PROFILE = """
            SELECT p.organisation_id, o.name, o.area_id, p.contact_name, p.contact_email, p.contact_phone,
                   p.cqc_number, p.status, p.status_reason, p.registered_at, p.cqc_number_changed_at
            FROM provider_profile p JOIN organisation o ON o.id = p.organisation_id\s""";

    private final JdbcClient jdbc;
    private final OrganisationService organisations;
    private final FirstProviderAccounts accounts;
    private final CurrentUser currentUser;
    private final Clock clock;

    ProviderService(JdbcClient jdbc, OrganisationService organisations, FirstProviderAccounts accounts,
            CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Whether a commissioner has checked this provider and it is not suspended: what its staff may do depends on it. */
    @PreAuthorize("isAuthenticated()")
    public boolean isVerified(long organisationId) {
        return profile(organisationId).map(p -> p.status() == ProviderStatus.VERIFIED).orElse(false);
    }

    /** The address a provider gave for contact, for their own staff (Stripe asks for it when they connect). */
    @PreAuthorize("isAuthenticated()")
    public java.util.Optional<String> contactEmail(long organisationId) {
        SignedInUser me = currentUser.require();
        if (!java.util.Objects.equals(me.organisationId(), organisationId)) {
            throw new org.springframework.security.access.AccessDeniedException("Not your organisation");
        }
        return profile(organisationId).map(ProviderProfile::contactEmail);
    }

    /** A provider just registered, with the username made for its first member of staff. */
    public record Registration(ProviderProfile profile, String username) {
    }

    @PermitAll
    @Transactional
    public Registration register(RegisterProvider request) {
        var errors = new ValidationException.Collector();
        AreaSummary area = request.areaId() == null ? null : organisations.areasForRegistration().stream()
                .filter(a -> a.id() == request.areaId()).findFirst().orElse(null);
        if (area == null) {
            errors.add("area", "Choose the area you work in.");
        }
        Set<String> districts = parseDistricts(request.postcodeDistricts(), area, errors);
        String cqc = cleanCqcNumber(request.cqcNumber(), errors);
        String email = request.contactEmail() == null ? "" : request.contactEmail().strip();
        if (!EMAIL.matcher(email).matches() || email.length() > 200) {
            errors.add("contactEmail", "Enter an email address, for example office@riverside-care.org.uk.");
        }
        String phone = request.contactPhone() == null ? "" : request.contactPhone().strip();
        if (!phone.isEmpty() && !phone.matches("^[0-9 +()-]{7,30}$")) {
            errors.add("contactPhone", "Enter a phone number using numbers, spaces and + only.");
        }
        // every problem at once: the name and the account are checked too before anything is kept
        // (a refusal rolls back the organisation saved here)
        OrganisationSummary registered = collect(errors,
                () -> organisations.registerProvider(request.organisationName(), request.areaId()));
        collect(errors, () -> {
            accounts.checkFirstProviderAccount(request.contactName(), request.password(), request.confirmation());
            return "";
        });
        errors.throwIfAny();
        OrganisationSummary organisation = java.util.Objects.requireNonNull(registered);
        String username = accounts.createFirstProviderAccount(organisation.id(), request.contactName(),
                request.username(), request.password(), request.confirmation(), request.contactEmail()).username();
        jdbc.sql("""
                INSERT INTO provider_profile (organisation_id, contact_name, contact_email, contact_phone, cqc_number,
                  status, registered_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(organisation.id(), request.contactName().strip(), email, phone.isEmpty() ? null : phone,
                        cqc.isEmpty() ? null : cqc, Timestamp.from(clock.instant()))
                .update();
        districts.forEach(d -> jdbc.sql("INSERT INTO provider_district (organisation_id, postcode_district) VALUES (?, ?)")
                .params(organisation.id(), d).update());
        return new Registration(profile(organisation.id()).orElseThrow(), username);
    }

    private static <T> @Nullable T collect(ValidationException.Collector errors, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (ValidationException e) {
            e.fieldErrors().forEach((field, message) -> {
                if (!errors.has(field)) {
                    errors.add(field, message);
                }
            });
            return null;
        }
    }

    /**
     * Any provider, whatever its status: only for this feature's services, which decide who may see
     * it. Everyone else goes through {@link #viewable}.
     */
    Optional<ProviderProfile> profile(long organisationId) {
        return jdbc.sql(PROFILE + "WHERE p.organisation_id = ?")
                .param(organisationId)
                .query((rs, n) -> mapProfile(rs, districts(rs.getLong(1))))
                .optional();
    }

    /**
     * A provider's profile for the caller: anyone signed in sees a verified provider; its own staff
     * and its area's commissioners see it whatever its status. Anything else is refused, exactly as
     * a provider that does not exist is.
     */
    @PreAuthorize("isAuthenticated()")
    public ProviderProfile viewable(long organisationId) {
        SignedInUser user = currentUser.require();
        return profile(organisationId)
                .filter(p -> p.status() == ProviderStatus.VERIFIED || isOwnOrAreaCommissioner(user, p))
                .orElseThrow(() -> new AccessDeniedException("This provider is not available"));
    }

    /** Its own staff, or a commissioner of its area: those who may see it (and its listings) whatever its status. */
    static boolean isOwnOrAreaCommissioner(SignedInUser user, ProviderProfile provider) {
        return Objects.equals(user.organisationId(), provider.organisationId())
                || user.role() == Role.COMMISSIONER && Objects.equals(user.areaId(), provider.areaId());
    }

    @RolesAllowed(Roles.PROVIDER)
    public Optional<ProviderProfile> mine() {
        return profile(currentUser.require().organisationId());
    }

    /**
     * A provider adds or corrects its own CQC registration number. It may remove it only while no
     * published listing needs it. A commissioner sees that it changed since they last checked.
     */
    @RolesAllowed(Roles.PROVIDER)
    @Transactional
    public ProviderProfile changeCqcNumber(@Nullable String cqcNumber) {
        long organisationId = currentUser.require().organisationId();
        var errors = new ValidationException.Collector();
        String cqc = cleanCqcNumber(cqcNumber, errors);
        errors.throwIfAny();
        // locks the row ListingService.save also locks, so a listing cannot be published needing the number meanwhile
        String current = jdbc.sql("SELECT cqc_number FROM provider_profile WHERE organisation_id = ? FOR UPDATE")
                .param(organisationId).query(String.class).optional().orElse(null);
        if (Objects.equals(cqc.isEmpty() ? null : cqc, current)) {
            return profile(organisationId).orElseThrow();
        }
        if (cqc.isEmpty()) {
            List<String> needing = jdbc.sql("""
                    SELECT l.title FROM listing l JOIN service_category c ON c.id = l.category_id
                    WHERE l.organisation_id = ? AND l.status = 'PUBLISHED' AND c.needs_cqc_registration = TRUE
                    ORDER BY l.title""").param(organisationId).query(String.class).list();
            if (!needing.isEmpty()) {
                throw ValidationException.of("cqcNumber", "Your published " + (needing.size() == 1 ? "listing "
                        : "listings ") + String.join(", ", needing) + (needing.size() == 1 ? " needs" : " need")
                        + " a CQC registration number. Pause " + (needing.size() == 1 ? "it" : "them")
                        + " first, or keep your number.");
            }
        }
        jdbc.sql("UPDATE provider_profile SET cqc_number = ?, cqc_number_changed_at = ? WHERE organisation_id = ?")
                .params(cqc.isEmpty() ? null : cqc, Timestamp.from(clock.instant()), organisationId).update();
        return profile(organisationId).orElseThrow();
    }

    /** Listings are seen only while published by a verified provider; this keeps that flag true to both. */
    static void refreshVisibility(JdbcClient jdbc, long organisationId) {
        refresh(jdbc, "l.organisation_id = ?", organisationId);
    }

    /** The same for one listing, after its provider has saved it. */
    static void refreshListing(JdbcClient jdbc, long listingId) {
        refresh(jdbc, "l.id = ?", listingId);
        remakeSearchText(jdbc, "SELECT l.id, l.title, l.description FROM listing l WHERE l.id = ?", listingId);
    }

    private static void refresh(JdbcClient jdbc, String which, long id) {
        jdbc.sql("""
                UPDATE listing l JOIN provider_profile p ON p.organisation_id = l.organisation_id
                SET l.visible = (l.status = 'PUBLISHED' AND p.status = 'VERIFIED') WHERE\s""" + which)
                .param(id).update();
        jdbc.sql("UPDATE listing_district d JOIN listing l ON l.id = d.listing_id SET d.visible = l.visible WHERE " + which)
                .param(id).update();
    }

    /** Makes the search text of the listings the query selects (id, title, description) from their words and districts. */
    static int remakeSearchText(JdbcClient jdbc, String listings, Object... params) {
        record Words(long id, String title, String description) {
        }
        List<Words> rows = jdbc.sql(listings).params(params)
                .query((rs, n) -> new Words(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
        for (Words row : rows) {
            List<String> districts = jdbc.sql("SELECT postcode_district FROM listing_district WHERE listing_id = ? "
                    + "ORDER BY postcode_district").param(row.id()).query(String.class).list();
            jdbc.sql("UPDATE listing SET search_text = ?, search_terms_version = ? WHERE id = ?")
                    .params(SearchTerms.document(row.title(), row.description(), districts), SearchTerms.VERSION, row.id())
                    .update();
        }
        return rows.size();
    }

    /** The number as stored, or "" when none was typed; a malformed one adds an error. */
    private static String cleanCqcNumber(@Nullable String typed, ValidationException.Collector errors) {
        String cqc = typed == null ? "" : typed.strip().toUpperCase(Locale.UK);
        if (!cqc.isEmpty() && !CQC.matcher(cqc).matches()) {
            errors.add("cqcNumber", "A CQC registration number looks like 1-123456789. Leave it empty if your "
                    + "services do not need CQC registration.");
            return "";
        }
        return cqc;
    }

    static ProviderProfile mapProfile(ResultSet rs, List<String> districts) throws SQLException {
        return new ProviderProfile(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), ProviderStatus.valueOf(rs.getString(8)), rs.getString(9),
                rs.getTimestamp(10).toInstant(), districts);
    }

    static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private List<String> districts(long organisationId) {
        return jdbc.sql("SELECT postcode_district FROM provider_district WHERE organisation_id = ? ORDER BY postcode_district")
                .param(organisationId).query(String.class).list();
    }

    private static Set<String> parseDistricts(@Nullable String typed, @Nullable AreaSummary area,
            ValidationException.Collector errors) {
        Set<String> codes = new LinkedHashSet<>();
        if (typed == null || typed.isBlank()) {
            errors.add("postcodeDistricts", "Enter the postcode districts you serve, for example NB1, NB4.");
            return codes;
        }
        for (String raw : typed.split("[,\\s]+")) {
            if (raw.isBlank()) {
                continue;
            }
            String code = OrganisationService.normaliseDistrict(raw);
            if (area != null && !area.postcodeDistricts().contains(code)) {
                errors.add("postcodeDistricts", code + " is not a postcode district of " + area.name()
                        + ". Its districts are " + String.join(", ", area.postcodeDistricts()) + ".");
            }
            codes.add(code);
        }
        return codes;
    }

}
