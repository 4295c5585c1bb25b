package org.wholecare.platform;

/** Connection settings that MySQL Connector/J needs against both MySQL and MariaDB. */
public final class ExternalDatabaseSettings {

    /**
     * {@code useInformationSchema=false}: otherwise Hibernate fails against MariaDB reading the
     * dialect ("Unknown column 'RESERVED'"). Times are always UTC in the database.
     */
    public static final String CONNECTOR_J_PARAMETERS =
            "useInformationSchema=false&characterEncoding=UTF-8&connectionTimeZone=UTC"
                    + "&forceConnectionTimeZoneToSession=true&sslMode=DISABLED&allowPublicKeyRetrieval=true"
                    + "&rewriteBatchedStatements=true";

    private ExternalDatabaseSettings() {
    }
}
