package org.wholecare.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One app instance as an operator runs it: the packaged jar in a process of its own, on a database
 * started elsewhere, with its own app and management ports. It can be killed as a crash would.
 */
final class AppInstance implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("wholecare.e2e.jar", "target/wholecare-0.1.0-SNAPSHOT.jar"));
    static final Path WORK = Path.of(System.getProperty("wholecare.e2e.work-dir", "target/e2e")).toAbsolutePath();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final int managementPort;
    final Path log;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private Process process;
    private Instant startedAt;

    AppInstance(String name, Map<String, String> environment, String... arguments) throws IOException {
        this.name = name;
        this.port = freePort();
        this.managementPort = freePort();
        this.log = WORK.resolve(name + ".log");
        this.environment = environment;
        this.arguments = List.of(arguments);
    }

    /** Starts the packaged jar; {@link #awaitReady} says when it answers. */
    AppInstance start() throws IOException {
        return start(JAR);
    }

    /** Starts the given jar (the packaged one, or one extracted from it) with these JVM options. */
    AppInstance start(Path jar, String... jvmOptions) throws IOException {
        startedAt = Instant.now();
        process = builder(jar, List.of(jvmOptions)).start();
        return this;
    }

    /**
     * The JDK's ahead-of-time cache, as Spring Boot describes it: the jar extracted, then one training
     * run that starts the app as far as a refreshed context and writes down the classes it loaded and
     * linked. Later starts with {@code -XX:AOTCache} begin from that. Returns the extracted jar and its cache.
     */
    Path[] trainAheadOfTimeCache(Path into) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", JAR.toString(), "extract",
                "--destination", into.toString(), "--force").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
            throw new IllegalStateException("Could not extract the jar:\n" + tail());
        }
        Path jar = into.resolve(JAR.getFileName());
        Path cache = into.resolve("wholecare.aot");
        Process training = builder(jar, List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh"))
                .start();
        if (!training.waitFor(5, TimeUnit.MINUTES) || training.exitValue() != 0 || !Files.exists(cache)) {
            throw new IllegalStateException("The training run failed:\n" + tail());
        }
        return new Path[] {jar, cache};
    }

    private ProcessBuilder builder(Path jar, List<String> jvmOptions) throws IOException {
        Files.createDirectories(WORK);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
                "--management.server.port=" + managementPort));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("WHOLECARE_")
                || k.startsWith("STRIPE_") || k.startsWith("LOGGING_"));
        builder.environment().putAll(environment);
        builder.environment().put("WHOLECARE_PUBLIC_URL", url());
        return builder;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Waits until readiness says UP (the app's own answer, not a fixed wait); returns how long it took. */
    Duration awaitReady(Duration atMost) throws IOException, InterruptedException {
        Instant giveUp = Instant.now().plus(atMost);
        while (Instant.now().isBefore(giveUp)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting:\n" + tail());
            }
            if (readiness() == 200) {
                return Duration.between(startedAt, Instant.now());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " was not ready within " + atMost + ":\n" + tail());
    }

    /** What /readyz answers: 200 when ready, 503 when not, 0 when nothing listens. */
    int readiness() throws InterruptedException {
        try {
            return get(url() + "/readyz", null).statusCode();
        } catch (IOException notListening) {
            return 0;
        }
    }

    HttpResponse<String> get(String address, String basicUser) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address)).timeout(Duration.ofSeconds(20));
        if (basicUser != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    basicUser.getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook, no graceful anything, as a crash or a lost machine. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
