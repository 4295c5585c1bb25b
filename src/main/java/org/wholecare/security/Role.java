package org.wholecare.security;

import java.util.EnumSet;
import java.util.Set;
import org.wholecare.organisation.OrganisationType;
import org.wholecare.shared.Roles;

/** What a person does in Wholecare; each role sees its own home and menu. */
public enum Role {
    BUDGET_HOLDER(Roles.BUDGET_HOLDER, "Budget holder", EnumSet.noneOf(OrganisationType.class)),
    REPRESENTATIVE(Roles.REPRESENTATIVE, "Representative or carer", EnumSet.noneOf(OrganisationType.class)),
    BROKER(Roles.BROKER, "Broker", EnumSet.of(OrganisationType.BROKERAGE)),
    PROVIDER(Roles.PROVIDER, "Provider staff", EnumSet.of(OrganisationType.PROVIDER)),
    COMMISSIONER(Roles.COMMISSIONER, "Commissioner", EnumSet.of(OrganisationType.COUNCIL, OrganisationType.NHS_BOARD)),
    ADMINISTRATOR(Roles.ADMINISTRATOR, "Administrator", EnumSet.noneOf(OrganisationType.class));

    private final String roleName;
    private final String label;
    private final Set<OrganisationType> organisationTypes;

    Role(String roleName, String label, Set<OrganisationType> organisationTypes) {
        this.roleName = roleName;
        this.label = label;
        this.organisationTypes = organisationTypes;
    }

    /** The name used in {@code @RolesAllowed}. */
    public String roleName() {
        return roleName;
    }

    public String label() {
        return label;
    }

    /** Staff roles belong to an organisation of one of these kinds; the others belong to none. */
    public Set<OrganisationType> organisationTypes() {
        return organisationTypes;
    }

    public boolean belongsToOrganisation() {
        return !organisationTypes.isEmpty();
    }

    /** Budget holders and representatives are people in an area, not staff of an organisation. */
    public boolean livesInArea() {
        return this == BUDGET_HOLDER || this == REPRESENTATIVE;
    }
}
