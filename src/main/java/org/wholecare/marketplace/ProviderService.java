package org.wholecare.marketplace;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.organisation.AreaSummary;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationSummary;
import org.wholecare.security.AccountService;
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

    private final JdbcClient jdbc;
    private final OrganisationService organisations;
    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final TypicalPrices typicalPrices;
    private final Clock clock;

    ProviderService(JdbcClient jdbc, OrganisationService organisations, AccountService accounts,
            CurrentUser currentUser, TypicalPrices typicalPrices, Clock clock) {
        this.typicalPrices = typicalPrices;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Anyone may register a provider; it and its listings stay hidden until a commissioner verifies it. */
    @PermitAll
    @Transactional
    public ProviderProfile register(RegisterProvider request) {
        var errors = new ValidationException.Collector();
        AreaSummary area = request.areaId() == null ? null : organisations.areasForRegistration().stream()
                .filter(a -> a.id() == request.areaId()).findFirst().orElse(null);
        if (area == null) {
            errors.add("area", "Choose the area you work in.");
        }
        Set<String> districts = parseDistricts(request.postcodeDistricts(), area, errors);
        String cqc = request.cqcNumber() == null ? "" : request.cqcNumber().strip().toUpperCase(Locale.UK);
        if (!cqc.isEmpty() && !CQC.matcher(cqc).matches()) {
            errors.add("cqcNumber", "A CQC registration number looks like 1-123456789. Leave it empty if your "
                    + "services do not need CQC registration.");
        }
        String email = request.contactEmail() == null ? "" : request.contactEmail().strip();
        if (!EMAIL.matcher(email).matches() || email.length() > 200) {
            errors.add("contactEmail", "Enter an email address, for example office@riverside-care.org.uk.");
        }
        String phone = request.contactPhone() == null ? "" : request.contactPhone().strip();
        if (!phone.isEmpty() && !phone.matches("^[0-9 +()-]{7,30}$")) {
            errors.add("contactPhone", "Enter a phone number using numbers, spaces and + only.");
        }
        errors.throwIfAny();
        OrganisationSummary organisation = organisations.registerProvider(request.organisationName(), request.areaId());
        accounts.createFirstProviderAccount(organisation.id(), request.contactName(), request.username(),
                request.password(), request.confirmation());
        jdbc.sql("""
                INSERT INTO provider_profile (organisation_id, contact_name, contact_email, contact_phone, cqc_number,
                  status, registered_at) VALUES (?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(organisation.id(), request.contactName().strip(), email, phone.isEmpty() ? null : phone,
                        cqc.isEmpty() ? null : cqc, Timestamp.from(clock.instant()))
                .update();
        districts.forEach(d -> jdbc.sql("INSERT INTO provider_district (organisation_id, postcode_district) VALUES (?, ?)")
                .params(organisation.id(), d).update());
        return profile(organisation.id()).orElseThrow();
    }

    @PreAuthorize("isAuthenticated()")
    public Optional<ProviderProfile> profile(long organisationId) {
        return jdbc.sql("""
                SELECT p.organisation_id, o.name, o.area_id, p.contact_name, p.contact_email, p.contact_phone,
                       p.cqc_number, p.status, p.status_reason, p.registered_at
                FROM provider_profile p JOIN organisation o ON o.id = p.organisation_id WHERE p.organisation_id = ?""")
                .param(organisationId)
                .query((rs, n) -> new ProviderProfile(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), ProviderStatus.valueOf(rs.getString(8)),
                        rs.getString(9), rs.getTimestamp(10).toInstant(), districts(rs.getLong(1))))
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
                .filter(p -> p.status() == ProviderStatus.VERIFIED
                        || Objects.equals(user.organisationId(), p.organisationId())
                        || user.role() == Role.COMMISSIONER && Objects.equals(user.areaId(), p.areaId()))
                .orElseThrow(() -> new AccessDeniedException("This provider is not available"));
    }

    @RolesAllowed(Roles.PROVIDER)
    public Optional<ProviderProfile> mine() {
        return profile(currentUser.require().organisationId());
    }

    /** Providers in the commissioner's area, those waiting to be checked first. */
    @RolesAllowed(Roles.COMMISSIONER)
    public List<ProviderProfile> inMyArea() {
        return jdbc.sql("""
                SELECT p.organisation_id FROM provider_profile p JOIN organisation o ON o.id = p.organisation_id
                WHERE o.area_id = ? ORDER BY p.status = 'PENDING' DESC, o.name""")
                .param(currentUser.require().areaId()).query(Long.class).list()
                .stream().map(id -> profile(id).orElseThrow()).toList();
    }

    @RolesAllowed(Roles.COMMISSIONER)
    @Transactional
    public ProviderProfile decide(long organisationId, ProviderStatus decision, String reason) {
        SignedInUser commissioner = currentUser.require();
        ProviderProfile provider = profile(organisationId)
                .filter(p -> Objects.equals(p.areaId(), commissioner.areaId()))
                .orElseThrow(() -> new AccessDeniedException("Not a provider in your area"));
        String cleanReason = reason == null ? "" : reason.strip();
        if (decision == null || decision == ProviderStatus.PENDING) {
            throw ValidationException.of("decision", "Choose to verify, reject or suspend the provider.");
        }
        if (decision != ProviderStatus.VERIFIED && cleanReason.isEmpty()) {
            throw ValidationException.of("reason", "Give the reason. The provider will see it.");
        }
        if (cleanReason.length() > 500) {
            throw ValidationException.of("reason", "Keep the reason to 500 characters or fewer.");
        }
        if (decision == ProviderStatus.SUSPENDED && provider.status() != ProviderStatus.VERIFIED) {
            throw ValidationException.of("decision", "Only a verified provider can be suspended.");
        }
        jdbc.sql("UPDATE provider_profile SET status = ?, status_reason = ?, decided_by = ?, decided_at = ? "
                        + "WHERE organisation_id = ?")
                .params(decision.name(), cleanReason.isEmpty() ? null : cleanReason, commissioner.accountId(),
                        Timestamp.from(clock.instant()), organisationId)
                .update();
        refreshVisibility(jdbc, organisationId);
        // its listings are offered only in districts it serves
        typicalPrices.forget(provider.districts());
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

    private List<String> districts(long organisationId) {
        return jdbc.sql("SELECT postcode_district FROM provider_district WHERE organisation_id = ? ORDER BY postcode_district")
                .param(organisationId).query(String.class).list();
    }

    private static Set<String> parseDistricts(String typed, AreaSummary area, ValidationException.Collector errors) {
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
