package org.wholecare.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The embedded MariaDB on disk: its binaries, unpacked once per base folder, and a data folder with
 * its own password (readable by its owner only), the start's init script, and what a killed run left
 * behind. {@link EmbeddedMariaDb} starts and stops the server on them.
 */
final class MariaDbFiles {

    private static final Logger log = LoggerFactory.getLogger(MariaDbFiles.class);
    /** Held by the running server's JVM: one data folder serves one server. */
    static final String LOCK = "wholecare.lock";
    private static final String CREDENTIALS = "wholecare-credentials.properties";
    private static final String BINARIES = EmbeddedMariaDb.BINARIES;
    private static final String DATABASE = EmbeddedMariaDb.DATABASE;
    private static final String USERNAME = EmbeddedMariaDb.USERNAME;

    private MariaDbFiles() {
    }

    /**
     * Runs every start as the server's first piece of work: the database and its account, with the
     * folder's own password. Nobody else gets in: the server's root account answers only its own
     * operating-system user, through the socket.
     */
    static Path writeInitFile(Path dataDir, String password, boolean serverDefaults) throws IOException {
        String database = serverDefaults ? "CREATE DATABASE IF NOT EXISTS `" + DATABASE + "`;\n"
                : "CREATE DATABASE IF NOT EXISTS `" + DATABASE + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n";
        String sql = database
                + "CREATE USER IF NOT EXISTS '" + USERNAME + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';\n"
                + "ALTER USER '" + USERNAME + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';\n"
                + "GRANT ALL PRIVILEGES ON `" + DATABASE + "%`.* TO '" + USERNAME + "'@'127.0.0.1';\n";
        Path file = dataDir.resolve("wholecare-init.sql");
        writePrivately(file, sql);
        return file;
    }

    /** The folder's password: made once, kept in the folder, readable by its owner only. */
    static String password(Path dataDir) throws IOException {
        Path file = dataDir.resolve(CREDENTIALS);
        Properties credentials = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                credentials.load(in);
            }
            String kept = credentials.getProperty("password");
            if (kept != null && kept.matches("[0-9a-f]{32,}")) {
                return kept;
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        writePrivately(file, "# The password of this embedded database's 'wholecare' account. Keep it private.\n"
                + "username=" + USERNAME + "\npassword=" + password + "\n");
        return password;
    }

    private static void writePrivately(Path file, String content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(partial);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(partial);
        }
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void install(EmbeddedMariaDb.Settings settings) throws IOException {
        Path base = settings.baseDir();
        List<String> command = new ArrayList<>(List.of(base.resolve("scripts/mariadb-install-db").toString(),
                "--no-defaults", "--datadir=" + settings.dataDir(), "--basedir=" + base,
                // without a resolvable host name the script stops unless forced
                "--force", "--skip-name-resolve", "--skip-test-db"));
        if (runningAsRoot()) {
            command.add("--user=root");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true);
        builder.environment().put("LD_LIBRARY_PATH", base.resolve("libs").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IllegalStateException("Could not set up the embedded MariaDB's data folder:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting up the embedded MariaDB", e);
        }
    }

    /** Unpacks the server once per base folder; later starts (and other data folders) reuse it. */
    static void unpackBinaries(Path baseDir) throws IOException {
        Path marker = baseDir.resolve(".unpacked-" + BINARIES.replace('/', '_'));
        if (Files.exists(marker)) {
            return;
        }
        Files.createDirectories(baseDir);
        try (FileChannel channel = FileChannel.open(baseDir.resolve(".unpacking.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            if (Files.exists(marker)) {
                return;
            }
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + BINARIES + "/**");
            if (resources.length == 0) {
                throw new InstallationProblem("The embedded MariaDB is not part of this build: it comes only with "
                        + "the developer's run (./mvnw spring-boot:run) and the tests.",
                        "Give Wholecare a real database with SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
                                + "SPRING_DATASOURCE_PASSWORD, and do not switch on the dev profile.");
            }
            for (Resource resource : resources) {
                String url = resource.getURL().toString();
                int at = url.indexOf(BINARIES);
                String relative = url.substring(at + BINARIES.length()).replaceFirst("^/", "");
                if (relative.isEmpty() || url.endsWith("/")) {
                    continue;
                }
                Path target = baseDir.resolve(relative);
                Files.createDirectories(target.getParent());
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (relative.startsWith("bin/") || relative.startsWith("scripts/")) {
                    target.toFile().setExecutable(true);
                }
            }
            Files.writeString(marker, "unpacked\n");
        }
    }

    /**
     * A server left running by a JVM that was killed holds InnoDB's lock on the folder; we hold the
     * folder's lock, so it is ours and can go.
     */
    static void stopOrphanedServer(EmbeddedMariaDb.Settings settings) throws IOException {
        Path dataDir = settings.dataDir();
        Path pidFile = dataDir.resolve("mariadbd.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String pid = Files.readString(pidFile).strip();
        String ourServer = settings.baseDir().resolve("bin/mariadbd").toString();
        String ourFolder = "--datadir=" + dataDir;
        if (pid.matches("\\d{1,10}")) {
            // only this folder's own server: a stale file's number may belong to anything by now
            ProcessHandle.of(Long.parseLong(pid))
                    .filter(p -> p.info().command().map(ourServer::equals).orElse(false))
                    .filter(p -> p.info().arguments().map(args -> List.of(args).contains(ourFolder)).orElse(false))
                    .ifPresent(orphan -> {
                        log.warn("Stopping an embedded MariaDB left running on {} (process {})", dataDir, pid);
                        orphan.destroy();
                        try {
                            orphan.onExit().get(60, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            orphan.destroyForcibly();
                        }
                    });
        }
        Files.deleteIfExists(pidFile);
    }

    static void emptyExceptLock(Path dataDir) throws IOException {
        try (Stream<Path> children = Files.list(dataDir)) {
            for (Path child : children.filter(p -> !p.getFileName().toString().equals(LOCK)).toList()) {
                deleteRecursively(child);
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
