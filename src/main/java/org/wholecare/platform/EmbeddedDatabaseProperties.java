package org.wholecare.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded MariaDB keeps its unpacked server and its data. Both live outside
 * {@code target/} so a {@code mvn clean} neither deletes demo work nor re-unpacks 350 MB.
 *
 * @param enabled   start it (the {@code dev} and {@code test} profiles do)
 * @param baseDir   where the server binaries are unpacked
 * @param dataDir   where the databases are stored; survives restarts unless {@code fresh}
 * @param port      0 picks a free port
 * @param fresh     empty the data directory before starting (tests and journeys)
 * @param throwaway delete the data directory when the server stops (tests only)
 */
@ConfigurationProperties("wholecare.embedded-db")
record EmbeddedDatabaseProperties(
        @DefaultValue("false") boolean enabled,
        String baseDir,
        String dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean fresh,
        @DefaultValue("false") boolean throwaway,
        @DefaultValue("256M") String bufferPoolSize) {
}
