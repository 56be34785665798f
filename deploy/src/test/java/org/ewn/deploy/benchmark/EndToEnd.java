package org.ewn.deploy.benchmark;

import org.HdrHistogram.Histogram;
import org.ewn.deploy.NetworkApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Row 5: the whole live path in the all-in-one application, from an agency's {@code POST /api/v1/alerts} to the STOMP
 * frame at an addressed officer, at fixed rates: one the application should sustain easily, so that the figures are
 * the path's own, and the target load. Requests are sent asynchronously on a fixed schedule, so a slow answer delays
 * no later alert and the figures are not flattered by a sender that waits.
 */
final class EndToEnd {

    private static final String PASSWORD = "bench-password";
    private static final int[] RATES = {5, 20};
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURED = Duration.ofSeconds(15);
    private static final Duration DRAIN = Duration.ofSeconds(20);

    private final ResultTable.Section section;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Alerts by title, which the pushed frame repeats: the frame can arrive before the 201 that names the alert. */
    private final Map<String, FixedRateAlerts.Sent> sent = new ConcurrentHashMap<>();
    private final CountDownLatch probeArrived = new CountDownLatch(1);
    private String base;

    EndToEnd(ResultTable table) {
        this.section = table.section(String.format("End to end, all-in-one application (%d s warm-up, %d s measured"
                                                   + " per rate; ms)", WARM_UP.toSeconds(), MEASURED.toSeconds()),
                                     "", "alerts/s", "arrived", "p50", "p99", "max", "");
    }

    void run() throws Exception {
        Path directory = Files.createTempDirectory("ewn-bench-e2e");
        Benchmark.progress("starting the all-in-one application");
        long starting = System.nanoTime();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NetworkApplication.class).run(
                "--server.port=0", "--ewn.data.dir=" + directory, "--ewn.demo.password=" + PASSWORD,
                "--logging.level.root=WARN", "--spring.main.banner-mode=off")) {
            double startSeconds = (System.nanoTime() - starting) / 1e9;
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            base = "http://127.0.0.1:" + port;
            try (LiveOfficer ignored = LiveOfficer.connect(port, basic("uz-officer"), this::arrived)) {
                awaitSubscription();
                for (int rate : RATES) {
                    measure(rate);
                }
            }
            section.note(String.format("application started in %.1f s", startSeconds));
            section.note(passwordCheckCost(context.getBean(PasswordEncoder.class)));
        } finally {
            delete(directory);
        }
    }

    private void measure(int rate) throws InterruptedException {
        Benchmark.progress("end to end at " + rate + " alerts/s");
        FixedRateAlerts alerts = new FixedRateAlerts("r" + rate + "-", rate, WARM_UP, MEASURED, this::send);
        CpuMeter cpu = new CpuMeter();
        alerts.sendAll();
        alerts.awaitDone(DRAIN);
        CpuMeter.Usage usage = cpu.stop();
        Histogram pushed = alerts.pushed();
        Histogram accepted = alerts.accepted();
        section.row("POST /api/v1/alerts → STOMP frame at the officer", String.valueOf(rate),
                    pushed.getTotalCount() + "/" + alerts.measuredCount(), ms(pushed, 50), ms(pushed, 99),
                    ms(pushed, 100), "");
        section.row("POST /api/v1/alerts → 201 Created", String.valueOf(rate),
                    accepted.getTotalCount() + "/" + alerts.measuredCount(), ms(accepted, 50), ms(accepted, 99),
                    ms(accepted, 100), "");
        section.note(String.format("at %d alerts/s: %d requests not answered 201; the JVM used %.2f cores and other "
                                   + "processes %.2f cores", rate, alerts.rejected(),
                                   usage.processCpuSeconds() / usage.seconds(), usage.otherCores()));
    }

    /** The broker registers a subscription asynchronously: send probes until one comes back. */
    private void awaitSubscription() throws InterruptedException {
        for (int probe = 0; probe < 60; probe++) {
            post("probe-" + probe);
            if (probeArrived.await(500, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        throw new IllegalStateException("no probe alert reached the officer in 30 s");
    }

    private void send(FixedRateAlerts.Sent alert) {
        sent.put(alert.title(), alert);
        post(alert.title()).whenComplete((response, failure) -> alert.answered(
                failure == null && response.statusCode() == 201, System.nanoTime()));
    }

    private CompletableFuture<HttpResponse<Void>> post(String title) {
        String body = "{\"submissionId\":\"" + UUID.randomUUID() + "\",\"addressees\":[\"UZ\"],"
                      + "\"precedence\":\"FLASH\",\"category\":\"OTHER\",\"title\":\"" + title + "\","
                      + "\"text\":\"Benchmark alert\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                                         .header("Content-Type", "application/json")
                                         .header("Authorization", basic("kz-agency"))
                                         .POST(HttpRequest.BodyPublishers.ofString(body))
                                         .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    private void arrived(long at, Map<String, Object> alert) {
        String title = String.valueOf(alert.get("title"));
        if (title.startsWith("probe-")) {
            probeArrived.countDown();
            return;
        }
        FixedRateAlerts.Sent alertSent = sent.get(title);
        if (alertSent != null) {
            alertSent.pushed(at);
        }
    }

    /**
     * Every request authenticates with HTTP Basic; the full password check runs once per account and
     * {@code ewn.security.verified-credentials-ttl}, so it shows in the first alerts and not in the rest.
     */
    private static String passwordCheckCost(PasswordEncoder passwords) {
        String stored = passwords.encode(PASSWORD);
        passwords.matches(PASSWORD, stored);
        int checks = 10;
        long start = System.nanoTime();
        for (int i = 0; i < checks; i++) {
            passwords.matches(PASSWORD, stored);
        }
        double millis = (System.nanoTime() - start) / 1e6 / checks;
        return String.format("a full HTTP Basic password check (%s) costs %.1f ms of CPU here; it runs once per account "
                             + "and minute, later requests are answered from the verified-credentials cache",
                             scheme(stored), millis);
    }

    /** The stored hash's scheme and cost, e.g. "{bcrypt}$2a$10", without the salt and hash. */
    private static String scheme(String stored) {
        String[] parts = stored.split("\\$");
        return parts.length > 2 ? parts[0] + "$" + parts[1] + "$" + parts[2] : parts[0];
    }

    static String ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? "-"
                : String.format("%.2f", histogram.getValueAtPercentile(percentile) / 1e6);
    }

    private static String basic(String username) {
        byte[] credentials = (username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(credentials);
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
