package org.wholecare.shared;

/**
 * The role names used in {@code @RolesAllowed} on views and services. Spring Security stores them
 * with the {@code ROLE_} prefix.
 */
public final class Roles {

    public static final String BUDGET_HOLDER = "BUDGET_HOLDER";
    public static final String REPRESENTATIVE = "REPRESENTATIVE";
    public static final String BROKER = "BROKER";
    public static final String PROVIDER = "PROVIDER";
    public static final String COMMISSIONER = "COMMISSIONER";
    public static final String ADMINISTRATOR = "ADMINISTRATOR";

    private Roles() {
    }
}
