package org.wholecare.brokerage;

import jakarta.annotation.security.RolesAllowed;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wholecare.organisation.OrganisationService;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.security.CurrentUser;
import org.wholecare.security.SignedInUser;
import org.wholecare.shared.Roles;
import org.wholecare.shared.ValidationException;

/**
 * A brokerage's declared interests in providers (it also runs a day centre, say); holders see the
 * declaration beside every proposal of that provider.
 */
@Service
@Transactional(readOnly = true)
public class Conflicts {

    /** What the signed-in broker's brokerage has declared. */
    public record Conflict(long providerId, String providerName, String description) {
    }

    private final JdbcClient jdbc;
    private final OrganisationService organisations;
    private final CurrentUser currentUser;
    private final Clock clock;

    Conflicts(JdbcClient jdbc, OrganisationService organisations, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @RolesAllowed(Roles.BROKER)
    public List<Conflict> declared() {
        return jdbc.sql("""
                SELECT c.provider_organisation_id, o.name, c.description FROM conflict_of_interest c
                JOIN organisation o ON o.id = c.provider_organisation_id WHERE c.brokerage_id = ? ORDER BY o.name""")
                .param(currentUser.require().organisationId())
                .query((rs, n) -> new Conflict(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    /** The broker declares for their brokerage an interest in a provider; holders see it by every proposal of it. */
    @RolesAllowed(Roles.BROKER)
    @Transactional
    public void declare(@Nullable Long providerOrganisationId, @Nullable String description) {
        SignedInUser broker = currentUser.require();
        var errors = new ValidationException.Collector();
        var provider = providerOrganisationId == null ? null : organisations.organisation(providerOrganisationId)
                .filter(o -> o.type() == OrganisationType.PROVIDER).orElse(null);
        if (provider == null) {
            errors.add("provider", "Choose the provider.");
        }
        String text = description == null ? "" : description.strip();
        if (text.isEmpty()) {
            errors.add("description", "Say what the interest is, for example 'our charity also runs this day centre'.");
        } else if (text.length() > 500) {
            errors.add("description", "Keep this to 500 characters or fewer.");
        }
        errors.throwIfAny();
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE conflict_of_interest SET description = ?, declared_by = ?, declared_at = ? "
                        + "WHERE brokerage_id = ? AND provider_organisation_id = ?")
                .params(text, broker.accountId(), now, broker.organisationId(), provider.id()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO conflict_of_interest (brokerage_id, provider_organisation_id, description, declared_by, "
                            + "declared_at) VALUES (?, ?, ?, ?, ?)")
                    .params(broker.organisationId(), provider.id(), text, broker.accountId(), now).update();
        }
    }
}
