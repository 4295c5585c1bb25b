package org.wholecare.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded MariaDB keeps its unpacked server and its data. Both live outside
 * {@code target/} so a {@code mvn clean} neither deletes demo work nor re-unpacks 350 MB.
 *
 * @param baseDir where the server binaries are unpacked
 * @param dataDir where the databases are stored; survives restarts unless {@code fresh}
 * @param port    0 picks a free port
 * @param fresh   delete the data directory before starting (tests and journeys)
 */
@ConfigurationProperties("wholecare.embedded-db")
record EmbeddedDatabaseProperties(
        String baseDir,
        String dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean fresh,
        @DefaultValue("256M") String bufferPoolSize) {
}
