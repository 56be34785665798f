package org.ewn.deploy.benchmark;

import org.HdrHistogram.Histogram;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.trust.SubmissionSigner;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Live push with many officers online: 1,000 STOMP sessions at once, held by the five member states' officers (200
 * each, many per account), while a partner organisation's agency raises alerts at fixed rates. Timed from each
 * alert's due time to its frame's arrival at every addressed session. The baseline is the same alerts at the same
 * rate with one session per member state, in the same application just before the other sessions connect. The
 * alerts come from {@code UNOCT-DEMO}, whose own officers hold no session, so an alert reaches exactly the sessions
 * of the members it is addressed to.
 */
final class PushAtScale {

    private static final String ORIGINATOR = "UNOCT-DEMO";
    private static final List<String> STATES = List.of("KZ", "KG", "TJ", "TM", "UZ");
    private static final int SESSIONS = 1_000;
    /** The rate, one the hub sustains with few sessions, and all members at a rate this machine can push. */
    private static final List<Load> LOADS = List.of(new Load(100, Addressing.ONE_MEMBER),
                                                    new Load(20, Addressing.ONE_MEMBER),
                                                    new Load(10, Addressing.ALL_MEMBERS));
    private static final int CONNECTING_AT_ONCE = 20;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration MEASURED = Duration.ofSeconds(10);
    private static final Duration DRAIN = Duration.ofSeconds(10);
    /** How long a row's backlog may take to clear before the next row starts. */
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final String CLIENTS = "STOMP clients";
    private static final String LIVE_PUSH = "live-push thread";
    private static final String OUTBOUND = "outbound channel";
    private static final String HTTP = "HTTP";

    private final ResultTable.Section section;
    /** Alerts by title, which the pushed frame repeats. */
    private final Map<String, FixedRateAlerts.Sent> sent = new ConcurrentHashMap<>();
    private final List<Session> sessions = new ArrayList<>();
    private final AtomicInteger probed = new AtomicInteger();
    private final AtomicInteger probeRounds = new AtomicInteger();
    /** Probes of earlier rounds may still be on their way; only this round's count. */
    private volatile String probes = "";
    private final List<String> cpuNotes = new ArrayList<>();
    private SubmissionSigner signer;
    private AlertPosts posts;

    /** Who each alert is addressed to. */
    private enum Addressing {
        ONE_MEMBER("each alert to one member state, in turn"),
        ALL_MEMBERS("each alert to all members");

        final String description;

        Addressing(String description) {
            this.description = description;
        }

        Map<String, Object> body(int number) {
            return this == ALL_MEMBERS ? Map.of("allMembers", true)
                    : Map.of("addressees", List.of(STATES.get(number % STATES.size())));
        }
    }

    private record Load(int rate, Addressing addressing) {
    }

    /** One officer's session: its member, and whether a probe alert has reached it. */
    private record Session(String member, LiveOfficer officer, AtomicBoolean probed) {
    }

    PushAtScale(ResultTable table) {
        this.section = table.section(String.format("Live push to %,d STOMP sessions, all-in-one application (%d s "
                                                   + "warm-up, %d s measured per row; ms from each alert's due time "
                                                   + "to its frame at each addressed session)", SESSIONS,
                                                   WARM_UP.toSeconds(), MEASURED.toSeconds()),
                                     "", "sessions", "alerts/s", "frames/alert", "frames arrived", "p50", "p99",
                                     "max", "p99 vs baseline");
    }

    void run() throws Exception {
        try (AllInOne application = AllInOne.start("push")) {
            signer = application.signer(ORIGINATOR);
            posts = new AlertPosts(application.port());
            WebSocketStompClient client = LiveOfficer.client();
            try {
                connect(client, application.port(), STATES.size());
                Map<Load, FixedRateAlerts> baselines = new LinkedHashMap<>();
                for (Load load : LOADS) {
                    baselines.put(load, measure(load));
                }
                double connectSeconds = connect(client, application.port(), SESSIONS);
                for (Load load : LOADS) {
                    rows(load, baselines.get(load), measure(load));
                }
                section.note(String.format("alerts raised by %s, whose officers hold no session; sessions held by "
                                           + "the officers of %s, as many per account; the baseline is one session "
                                           + "per member state, the same alerts, measured first", ORIGINATOR,
                                           String.join(", ", STATES)));
                section.note(String.format("the STOMP clients run in the same JVM as the server, on the same cores: "
                                           + "one shared WebSocketStompClient, frames read on Tomcat's client I/O "
                                           + "threads, HTTP Basic on each handshake. Application started in %.1f "
                                           + "s; %,d more sessions connected, %d at a time, and subscribed in %.1f s",
                                           application.startSeconds(),
                                           SESSIONS - STATES.size(), CONNECTING_AT_ONCE, connectSeconds));
                cpuNotes.forEach(section::note);
            } finally {
                sessions.forEach(session -> session.officer().close());
                client.stop();
            }
        }
    }

    private FixedRateAlerts measure(Load load) throws InterruptedException {
        Benchmark.progress(String.format("push to %d sessions at %d alerts/s, %s", sessions.size(), load.rate(),
                                         load.addressing().description));
        Map<String, Integer> perMember = new LinkedHashMap<>();
        sessions.forEach(session -> perMember.merge(session.member(), 1, Integer::sum));
        int everyone = sessions.size();
        sent.clear();
        FixedRateAlerts alerts = new FixedRateAlerts(
                "s" + sessions.size() + "-r" + load.rate() + "-" + load.addressing().ordinal() + "-", load.rate(),
                WARM_UP, MEASURED,
                n -> load.addressing() == Addressing.ALL_MEMBERS ? everyone
                        : perMember.get(STATES.get(n % STATES.size())),
                (n, title) -> sign(load.addressing().body(n), title), this::send);
        CpuMeter cpu = new CpuMeter();
        ThreadCpu threads = new ThreadCpu(PushAtScale::kind);
        alerts.sendAll();
        alerts.awaitDone(DRAIN);
        CpuMeter.Usage usage = cpu.stop();
        Map<String, Double> cpuSeconds = threads.seconds();
        double settleSeconds = awaitProbe();
        StringBuilder perFrame = new StringBuilder();
        for (String kind : List.of(LIVE_PUSH, OUTBOUND, CLIENTS)) {
            perFrame.append(String.format("%s%s %.0f", perFrame.isEmpty() ? "" : ", ", kind,
                                          cpuSeconds.getOrDefault(kind, 0.0) * 1e6 / alerts.framesArrived()));
        }
        cpuNotes.add(String.format("%,d sessions, %d alerts/s, %s: %,d/%,d answered 201 in time; the JVM used %.2f "
                                   + "cores (HTTP request threads %.2f), other processes %.2f; CPU µs per frame: %s%s",
                                   sessions.size(), load.rate(), load.addressing().description,
                                   alerts.accepted().getTotalCount(), alerts.measuredCount(),
                                   usage.processCpuSeconds() / usage.seconds(),
                                   cpuSeconds.getOrDefault(HTTP, 0.0) / usage.seconds(), usage.otherCores(),
                                   perFrame, settleSeconds < 1 ? ""
                                           : String.format("; the push caught up %.0f s after the row", settleSeconds)));
        return alerts;
    }

    /** The threads worth a figure of their own: the clients', and the server's on the live path. */
    private static String kind(String thread) {
        if (thread.startsWith("WebSocketClient-AsyncIO-")) {
            return CLIENTS;
        }
        if (thread.equals("live-push")) {
            return LIVE_PUSH;
        }
        if (thread.startsWith("clientOutboundChannel-")) {
            return OUTBOUND;
        }
        return thread.startsWith("http-nio-") ? HTTP : null;
    }

    private void rows(Load load, FixedRateAlerts baseline, FixedRateAlerts atScale) {
        Histogram base = baseline.pushed();
        row(load, STATES.size() + " sessions (baseline)", baseline, base, baseline.expectedFrames(), base);
        row(load, String.format("%,d sessions", SESSIONS), atScale, atScale.pushed(), atScale.expectedFrames(),
            base);
        row(load, "  the same, last frame of each alert", atScale, atScale.completed(), atScale.measuredCount(),
            base);
    }

    private void row(Load load, String sessionCount, FixedRateAlerts alerts, Histogram latency, int expected,
                     Histogram baseline) {
        String ratio = latency == baseline || latency.getTotalCount() == 0 || baseline.getTotalCount() == 0 ? ""
                : String.format("%.2f", (double) latency.getValueAtPercentile(99)
                                        / baseline.getValueAtPercentile(99));
        section.row(load.addressing().description, sessionCount, String.valueOf(load.rate()),
                    String.format("%,.0f", (double) alerts.expectedFrames() / alerts.measuredCount()),
                    String.format("%,d/%,d", latency.getTotalCount(), expected),
                    EndToEnd.ms(latency, 50), EndToEnd.ms(latency, 99), EndToEnd.ms(latency, 100), ratio);
    }

    /**
     * Opens sessions, {@link #CONNECTING_AT_ONCE} at a time, until there are {@code count}, spread evenly over the
     * member states' officers; returns the seconds it took once a probe alert has reached every one of them.
     */
    private double connect(WebSocketStompClient client, int port, int count) throws Exception {
        Benchmark.progress("connecting " + (count - sessions.size()) + " sessions");
        long start = System.nanoTime();
        while (sessions.size() < count) {
            List<CompletableFuture<Session>> batch = new ArrayList<>();
            for (int i = sessions.size(); i < Math.min(count, sessions.size() + CONNECTING_AT_ONCE); i++) {
                String member = STATES.get(i % STATES.size());
                AtomicBoolean probe = new AtomicBoolean();
                batch.add(LiveOfficer.connect(client, port, AlertPosts.basic(member.toLowerCase() + "-officer"),
                                              (at, title) -> arrived(probe, at, title))
                                     .thenApply(officer -> new Session(member, officer, probe)));
            }
            for (CompletableFuture<Session> session : batch) {
                sessions.add(session.get(60, TimeUnit.SECONDS));
            }
        }
        awaitProbe();
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Sends probe alerts to all members until every session had one, and returns the seconds that took. A new
     * session's subscription is registered some time after it was sent; and since each session gets its frames in
     * the log's order, a probe's arrival also says that a backlog of earlier alerts has cleared.
     */
    private double awaitProbe() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + SETTLE.toNanos();
        probes = "probe-" + probeRounds.incrementAndGet() + "-";
        probed.set(0);
        sessions.forEach(session -> session.probed().set(false));
        long patience = TimeUnit.MILLISECONDS.toNanos(500);
        for (int probe = 0; System.nanoTime() < deadline; probe++) {
            int status = posts.post(sign(Addressing.ALL_MEMBERS.body(probe), probes + probe)).join().statusCode();
            if (status != 201) {
                throw new IllegalStateException("the hub answered a signed probe alert with " + status);
            }
            long next = Math.min(deadline, System.nanoTime() + patience);
            while (probed.get() < sessions.size() && System.nanoTime() < next) {
                Thread.sleep(10);
            }
            if (probed.get() == sessions.size()) {
                return (System.nanoTime() - start) / 1e9;
            }
            patience = Math.min(2 * patience, TimeUnit.SECONDS.toNanos(10));
        }
        throw new IllegalStateException("probe alerts reached only " + probed.get() + " of " + sessions.size()
                                        + " sessions in " + SETTLE.toSeconds() + " s");
    }

    private void arrived(AtomicBoolean probe, long at, String title) {
        if (title == null) {
            return;
        }
        if (title.startsWith("probe-")) {
            if (title.startsWith(probes) && probe.compareAndSet(false, true)) {
                probed.incrementAndGet();
            }
            return;
        }
        FixedRateAlerts.Sent alertSent = sent.get(title);
        if (alertSent != null) {
            alertSent.pushed(at);
        }
    }

    private void send(FixedRateAlerts.Sent alert) {
        sent.put(alert.title(), alert);
        posts.send(alert);
    }

    private String sign(Map<String, Object> addressing, String title) {
        Map<String, Object> body = AlertPosts.body(title);
        body.putAll(addressing);
        return signer.sign(SubmissionTypes.ALERT_RAISE, body);
    }
}
