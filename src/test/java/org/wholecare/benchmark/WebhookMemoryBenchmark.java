package org.wholecare.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wholecare.IntegrationTest;

/**
 * What three unsigned 100 MB posts to the Stripe webhook cost the server's memory: the heap in use
 * after them (and its peak while they arrive), against reading one such body whole, as the endpoint
 * used to, in the same run. Run with {@code ./mvnw -Pbenchmark verify}; figures in target/benchmark/.
 */
@IntegrationTest
class WebhookMemoryBenchmark {

    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    @LocalServerPort int port;

    @Test
    void threeHundredMegabytePostsLeaveTheHeapAsItWas() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long before = settledHeap();
        resetPeaks();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/stripe/webhook")).header("Content-Type", "application/json")
                    .header("Stripe-Signature", "t=1,v1=00")
                    .POST(i == 1 ? HttpRequest.BodyPublishers.ofInputStream(() -> zeros(HUNDRED_MB))
                            : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                                    () -> zeros(HUNDRED_MB)), HUNDRED_MB))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
        }
        long peakDuring = peakHeap() - before;
        long after = settledHeap();

        // the old way, for comparison: one such body read whole into a String
        resetPeaks();
        long oldBefore = settledHeap();
        String whole = new String(zeros(HUNDRED_MB).readAllBytes(), StandardCharsets.UTF_8);
        long oldPeak = peakHeap() - oldBefore;
        assertThat(whole).hasSize((int) HUNDRED_MB);

        List<String> report = new ArrayList<>();
        report.add("Stripe webhook, 3 unsigned 100 MB posts (one chunked, two with Content-Length), "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        report.add(String.format("heap in use before: %d MB, after: %d MB (moved %+.1f MB)", mb(before), mb(after),
                (after - before) / 1048576.0));
        report.add(String.format("peak heap growth while they arrived: %.1f MB", peakDuring / 1048576.0));
        report.add(String.format("reading one such body whole, as the endpoint used to: %.1f MB", oldPeak / 1048576.0));
        report.forEach(System.out::println);
        Path out = Path.of("target", "benchmark", "webhook-memory.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private static InputStream zeros(long length) {
        return new InputStream() {
            private long left = length;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int count) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(count, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    private static long settledHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
