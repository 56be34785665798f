package org.ewn.deploy.benchmark;

import org.HdrHistogram.Histogram;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.trust.SubmissionSigner;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Row 5: the whole live path in the all-in-one application, from an agency's {@code POST /api/v1/alerts} to the STOMP
 * frame at an addressed officer, at fixed rates: one the application should sustain easily, so that the figures are
 * the path's own, and the target load. Requests are sent asynchronously on a fixed schedule, so a slow answer delays
 * no later alert and the figures are not flattered by a sender that waits. Each alert is a signed {@code alert.raise}
 * submission of a demo agency, signed before its due time: the agency's signing is not in the figures.
 */
final class EndToEnd {

    private static final String AGENCY = "KZ-DEMO";
    private static final int[] RATES = {5, 20};
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURED = Duration.ofSeconds(15);
    private static final Duration DRAIN = Duration.ofSeconds(20);

    private final ResultTable.Section section;
    /** Alerts by title, which the pushed frame repeats: the frame can arrive before the 201 that names the alert. */
    private final Map<String, FixedRateAlerts.Sent> sent = new ConcurrentHashMap<>();
    private final CountDownLatch probeArrived = new CountDownLatch(1);
    private SubmissionSigner signer;
    private AlertPosts posts;

    EndToEnd(ResultTable table) {
        this.section = table.section(String.format("End to end, all-in-one application (%d s warm-up, %d s measured"
                                                   + " per rate; ms)", WARM_UP.toSeconds(), MEASURED.toSeconds()),
                                     "", "alerts/s", "arrived", "p50", "p99", "max", "");
    }

    void run() throws Exception {
        try (AllInOne application = AllInOne.start("e2e")) {
            signer = application.signer(AGENCY);
            posts = new AlertPosts(application.port());
            try (LiveOfficer ignored = LiveOfficer.connect(application.port(), AlertPosts.basic("uz-officer"),
                                                           this::arrived)) {
                awaitSubscription();
                for (int rate : RATES) {
                    measure(rate);
                }
            }
            section.note(String.format("application started in %.1f s", application.startSeconds()));
            section.note(signingCost());
        }
    }

    private void measure(int rate) throws InterruptedException {
        Benchmark.progress("end to end at " + rate + " alerts/s");
        FixedRateAlerts alerts = new FixedRateAlerts("r" + rate + "-", rate, WARM_UP, MEASURED, this::sign,
                                                     this::send);
        CpuMeter cpu = new CpuMeter();
        alerts.sendAll();
        alerts.awaitDone(DRAIN);
        CpuMeter.Usage usage = cpu.stop();
        Histogram pushed = alerts.pushed();
        Histogram accepted = alerts.accepted();
        section.row("POST /api/v1/alerts (pre-signed; signing not timed) → STOMP frame at the officer",
                    String.valueOf(rate),
                    pushed.getTotalCount() + "/" + alerts.measuredCount(), ms(pushed, 50), ms(pushed, 99),
                    ms(pushed, 100), "");
        section.row("POST /api/v1/alerts (pre-signed; signing not timed) → 201 Created", String.valueOf(rate),
                    accepted.getTotalCount() + "/" + alerts.measuredCount(), ms(accepted, 50), ms(accepted, 99),
                    ms(accepted, 100), "");
        section.note(String.format("at %d alerts/s: %d requests not answered 201; the JVM used %.2f cores and other "
                                   + "processes %.2f cores", rate, alerts.rejected(),
                                   usage.processCpuSeconds() / usage.seconds(), usage.otherCores()));
    }

    /** The broker registers a subscription asynchronously: send probes until one comes back. */
    private void awaitSubscription() throws InterruptedException {
        for (int probe = 0; probe < 60; probe++) {
            int status = posts.post(sign("probe-" + probe)).join().statusCode();
            if (status != 201) {
                throw new IllegalStateException("the hub answered a signed probe alert with " + status);
            }
            if (probeArrived.await(500, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        throw new IllegalStateException("no probe alert reached the officer in 30 s");
    }

    private String sign(String title) {
        return signer.sign(SubmissionTypes.ALERT_RAISE, body(title));
    }

    /** Addressed to the officer's member. */
    private static Map<String, Object> body(String title) {
        Map<String, Object> body = AlertPosts.body(title);
        body.put("addressees", List.of("UZ"));
        return body;
    }

    private void send(FixedRateAlerts.Sent alert) {
        sent.put(alert.title(), alert);
        posts.send(alert);
    }

    private void arrived(long at, String title) {
        if (title == null) {
            return;
        }
        if (title.startsWith("probe-")) {
            probeArrived.countDown();
            return;
        }
        FixedRateAlerts.Sent alertSent = sent.get(title);
        if (alertSent != null) {
            alertSent.pushed(at);
        }
    }

    /** What the figures leave out: the agency's own cost of signing one alert (canonical JSON, then Ed25519). */
    private String signingCost() {
        for (int i = 0; i < 200; i++) {
            sign("warm-up");
        }
        int signatures = 1_000;
        long start = System.nanoTime();
        for (int i = 0; i < signatures; i++) {
            sign("cost");
        }
        double millis = (System.nanoTime() - start) / 1e6 / signatures;
        return String.format("signing one such alert.raise submission (SubmissionSigner: canonical JSON, Ed25519) "
                             + "costs the agency %.3f ms here; the alerts above were signed before their due time, so "
                             + "it is not in the figures. Submissions carry no account; only the officer's WebSocket "
                             + "handshake uses HTTP Basic", millis);
    }

    static String ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? "-"
                : String.format("%.2f", histogram.getValueAtPercentile(percentile) / 1e6);
    }
}
