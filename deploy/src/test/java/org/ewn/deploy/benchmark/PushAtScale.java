package org.ewn.deploy.benchmark;

import org.HdrHistogram.Histogram;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.trust.SubmissionSigner;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    /** The target: p99 under 100 ms with 1,000 sessions at 100 alerts/s. */
    private static final Load TARGET_LOAD = new Load(100, Addressing.ONE_MEMBER);
    private static final double TARGET_P99_MS = 100;
    /** The rate, one the hub sustains with few sessions, and all members at a rate this machine can push. */
    private static final List<Load> LOADS = List.of(TARGET_LOAD,
                                                    new Load(20, Addressing.ONE_MEMBER),
                                                    new Load(10, Addressing.ALL_MEMBERS));
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    /**
     * Before the rows of each number of sessions, the target load in rounds of this length until the hub is warm: a
     * hub runs for days, and on two cores the JIT compilers take most of a core for the first minutes. With 1,000
     * sessions the code that serves them runs two hundred times as often as with five, and is compiled anew: in a
     * profile, the JVM's CPU per alert fell from 20 to 13-15 ms over the first four minutes at that load, and the
     * push's p99 from 150 to 55 ms.
     */
    private static final Duration WARM_UP_ROUND = Duration.ofSeconds(20);
    /**
     * Warm: at least this long at the load, as the JVM's CPU per alert can hold for a minute or two and then still
     * fall by a quarter (from 17-20 to 13-15 ms in profiles, three to four minutes in), ...
     */
    private static final Duration WARM_UP_AT_LEAST = Duration.ofMinutes(4);
    /** ... the compilers were busy less than this share of a round's time, summed over their threads, ... */
    private static final double JIT_QUIET = 0.05;
    /** ... and the round's CPU per alert was less than this share below the round's before. */
    private static final double CPU_STEADY = 0.05;
    private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(8);
    private static final Duration MEASURED = Duration.ofSeconds(20);
    private static final Duration DRAIN = Duration.ofSeconds(10);
    /** How long a row's backlog may take to clear before the next row starts. */
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final String CLIENTS = "STOMP clients";
    private static final String LIVE_PUSH = "live-push thread";
    private static final String SENDERS = "frame senders";
    private static final String HTTP = "HTTP";

    private final ResultTable.Section section;
    /** Alerts by title, which the pushed frame repeats. */
    private final Map<String, FixedRateAlerts.Sent> sent = new ConcurrentHashMap<>();
    private final List<String> cpuNotes = new ArrayList<>();
    private SubmissionSigner signer;
    private AlertPosts posts;
    private CollectorPauses pauses;

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

    PushAtScale(ResultTable table) {
        this.section = table.section(String.format("Live push to %,d STOMP sessions, all-in-one application (before "
                                                   + "the rows of each number of sessions, the target load until the "
                                                   + "hub is warm; then per row, on an idle hub, %d s warm-up, %d s "
                                                   + "measured; ms from each alert's due time to its frame at each "
                                                   + "addressed session)",
                                                   SESSIONS, WARM_UP.toSeconds(), MEASURED.toSeconds()),
                                     "", "sessions", "alerts/s", "frames/alert", "frames arrived", "p50", "p99",
                                     "max", "p99 vs baseline", "target");
    }

    void run() throws Exception {
        try (AllInOne application = AllInOne.start("push"); CollectorPauses pauses = CollectorPauses.listen()) {
            this.pauses = pauses;
            signer = application.signer(ORIGINATOR);
            posts = new AlertPosts(application.port());
            try (OfficersOnline officers = new OfficersOnline(application.port(), STATES, posts,
                                                              title -> sign(Addressing.ALL_MEMBERS.body(0), title),
                                                              this::arrived)) {
                officers.connect(STATES.size(), SETTLE);
                warmUp(application, officers);
                Map<Load, FixedRateAlerts> baselines = new LinkedHashMap<>();
                for (Load load : LOADS) {
                    baselines.put(load, measure(application, officers, load));
                }
                double connectSeconds = officers.connect(SESSIONS, SETTLE);
                warmUp(application, officers);
                for (Load load : LOADS) {
                    rows(load, baselines.get(load), measure(application, officers, load));
                }
                section.note(String.format("alerts raised by %s, whose officers hold no session; sessions held by "
                                           + "the officers of %s, as many per account; the baseline is one session "
                                           + "per member state, the same alerts, measured first", ORIGINATOR,
                                           String.join(", ", STATES)));
                section.note(String.format("the STOMP clients run in the same JVM as the server, on the same cores: "
                                           + "WebSocket connections with HTTP Basic on each handshake, STOMP "
                                           + "CONNECT and SUBSCRIBE, every session's frames read by one thread on "
                                           + "one selector (StompSessions). Application started in %.1f "
                                           + "s; %,d more sessions connected and subscribed in %.1f s",
                                           application.startSeconds(), SESSIONS - STATES.size(), connectSeconds));
                cpuNotes.forEach(section::note);
            }
        }
    }

    /**
     * Runs the target load, unmeasured, to the sessions now connected, for at least {@link #WARM_UP_AT_LEAST} and
     * until a round of it compiles next to nothing and costs no less CPU than the round before, so that no row pays
     * for compiling the code it runs.
     */
    private void warmUp(AllInOne application, OfficersOnline officers) throws InterruptedException {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        double compiling;
        double cpuPerAlert = Double.MAX_VALUE;
        double before;
        int round = 0;
        do {
            Benchmark.progress(String.format("warming up %,d sessions at %d alerts/s, round %d", officers.size(),
                                             TARGET_LOAD.rate(), ++round));
            long compiledBefore = compiler.getTotalCompilationTime();
            long roundStart = System.nanoTime();
            FixedRateAlerts alerts = alerts("warm-up-" + officers.size() + "-" + round + "-", officers, TARGET_LOAD,
                                            WARM_UP_ROUND.minusSeconds(1), Duration.ofSeconds(1));
            CpuMeter cpu = new CpuMeter();
            alerts.sendAll();
            alerts.awaitDone(SETTLE);
            application.awaitProcessorsCaughtUp(SETTLE);
            before = cpuPerAlert;
            cpuPerAlert = cpu.stop().processCpuSeconds() * 1e3 / alerts.sentCount();
            compiling = (compiler.getTotalCompilationTime() - compiledBefore) * 1e6 / (System.nanoTime() - roundStart);
        } while ((System.nanoTime() - start < WARM_UP_AT_LEAST.toNanos() || compiling >= JIT_QUIET
                  || cpuPerAlert < before * (1 - CPU_STEADY))
                 && System.nanoTime() - start < WARM_UP_LIMIT.toNanos());
        cpuNotes.add(String.format("warm-up with %,d sessions: %d rounds of %d s at %d alerts/s, %.0f s in all; in "
                                   + "the last, the JIT compilers were busy %.2f of its time (summed over their "
                                   + "threads), and the JVM's CPU per alert was %.1f ms (%.1f in the round before)",
                                   officers.size(), round, WARM_UP_ROUND.toSeconds(), TARGET_LOAD.rate(),
                                   (System.nanoTime() - start) / 1e9, compiling, cpuPerAlert,
                                   before == Double.MAX_VALUE ? Double.NaN : before));
    }

    /** The load's alerts, each expecting a frame at every session of the members it is addressed to. */
    private FixedRateAlerts alerts(String prefix, OfficersOnline officers, Load load, Duration warmUp,
                                   Duration measured) {
        Map<String, Integer> perMember = officers.perMember();
        int everyone = officers.size();
        return new FixedRateAlerts(prefix, load.rate(), warmUp, measured,
                                   n -> load.addressing() == Addressing.ALL_MEMBERS ? everyone
                                           : perMember.get(STATES.get(n % STATES.size())),
                                   (n, title) -> sign(load.addressing().body(n), title), this::send);
    }

    private FixedRateAlerts measure(AllInOne application, OfficersOnline officers, Load load)
            throws InterruptedException {
        // each row starts on an idle hub: the read models have handled everything the rows before raised
        application.awaitProcessorsCaughtUp(SETTLE);
        Benchmark.progress(String.format("push to %d sessions at %d alerts/s, %s", officers.size(), load.rate(),
                                         load.addressing().description));
        int everyone = officers.size();
        sent.clear();
        FixedRateAlerts alerts = alerts("s" + everyone + "-r" + load.rate() + "-" + load.addressing().ordinal() + "-",
                                        officers, load, WARM_UP, MEASURED);
        CpuMeter cpu = new CpuMeter();
        CpuMeter untilDone = new CpuMeter();
        ThreadCpu threads = new ThreadCpu(PushAtScale::kind);
        long start = System.nanoTime();
        alerts.sendAll();
        alerts.awaitDone(DRAIN);
        long end = System.nanoTime();
        CpuMeter.Usage usage = cpu.stop();
        Map<String, Double> cpuSeconds = threads.seconds();
        double settleSeconds = officers.awaitProbe(SETTLE);
        double processorsSeconds = application.awaitProcessorsCaughtUp(SETTLE);
        double cpuPerAlert = untilDone.stop().processCpuSeconds() * 1e3 / alerts.sentCount();
        StringBuilder perFrame = new StringBuilder();
        for (String kind : List.of(LIVE_PUSH, SENDERS, CLIENTS)) {
            perFrame.append(String.format("%s%s %.0f", perFrame.isEmpty() ? "" : ", ", kind,
                                          cpuSeconds.getOrDefault(kind, 0.0) * 1e6 / alerts.framesArrived()));
        }
        Histogram answered = alerts.accepted();
        String row = String.format("%,d sessions, %d alerts/s, %s", everyone, load.rate(),
                                   load.addressing().description);
        cpuNotes.add(String.format("%s: %,d/%,d answered 201 in time, p50 / p99 %s / %s ms after their due time; the "
                                   + "JVM used %.2f cores (HTTP request threads %.2f), other processes %.2f; CPU µs per "
                                   + "frame: %s%s",
                                   row, answered.getTotalCount(), alerts.measuredCount(), EndToEnd.ms(answered, 50),
                                   EndToEnd.ms(answered, 99),
                                   usage.processCpuSeconds() / usage.seconds(),
                                   cpuSeconds.getOrDefault(HTTP, 0.0) / usage.seconds(), usage.otherCores(),
                                   perFrame, settleSeconds < 1 ? ""
                                           : String.format("; the push caught up %.0f s after the row", settleSeconds))
                     + String.format("; the read models were done %.1f s after the push; the JVM's CPU per alert "
                                     + "until then %.1f ms", processorsSeconds, cpuPerAlert));
        cpuNotes.add(pausesNote(row, alerts, start, end));
        return alerts;
    }

    /**
     * The collector's pauses while the row's alerts were sent and pushed, and its frames split by whether one was on
     * its way during a pause: the collector's share of the row's p99, against the rest's.
     */
    private String pausesNote(String row, FixedRateAlerts alerts, long start, long end) {
        List<CollectorPauses.Pause> during = pauses.between(start, end);
        CollectorPauses.Split split = alerts.pushedAround(pauses);
        double longest = during.stream().mapToDouble(CollectorPauses.Pause::millis).max().orElse(0);
        double total = during.stream().mapToDouble(CollectorPauses.Pause::millis).sum();
        return String.format("%s: %d collector pauses (%.0f ms in all, the longest %.0f ms); %.1f%% of the frames "
                             + "were on their way during one, p50 / p99 %s / %s ms; the other frames' p50 / p99 %s / "
                             + "%s ms", row, during.size(), total, longest, 100 * split.shareDuringPause(),
                             EndToEnd.ms(split.duringPause(), 50), EndToEnd.ms(split.duringPause(), 99),
                             EndToEnd.ms(split.otherwise(), 50), EndToEnd.ms(split.otherwise(), 99));
    }

    /** The threads worth a figure of their own: the clients', and the server's on the live path. */
    private static String kind(String thread) {
        if (thread.equals(StompSessions.READER)) {
            return CLIENTS;
        }
        if (thread.equals("live-push")) {
            return LIVE_PUSH;
        }
        if (thread.startsWith("live-push-sender-")) {
            return SENDERS;
        }
        return thread.startsWith("http-nio-") ? HTTP : null;
    }

    private void rows(Load load, FixedRateAlerts baseline, FixedRateAlerts atScale) {
        Histogram base = baseline.pushed();
        row(load, STATES.size() + " sessions (baseline)", baseline, base, baseline.expectedFrames(), base, "");
        Histogram pushed = atScale.pushed();
        String target = !load.equals(TARGET_LOAD) ? ""
                : String.format("p99 < %.0f ms: %s", TARGET_P99_MS, ResultTable.met(
                        pushed.getTotalCount() == atScale.expectedFrames()
                        && pushed.getValueAtPercentile(99) / 1e6 < TARGET_P99_MS));
        row(load, String.format("%,d sessions", SESSIONS), atScale, pushed, atScale.expectedFrames(), base, target);
        row(load, "  the same, last frame of each alert", atScale, atScale.completed(), atScale.measuredCount(),
            base, "");
    }

    private void row(Load load, String sessionCount, FixedRateAlerts alerts, Histogram latency, int expected,
                     Histogram baseline, String target) {
        String ratio = latency == baseline || latency.getTotalCount() == 0 || baseline.getTotalCount() == 0 ? ""
                : String.format("%.2f", (double) latency.getValueAtPercentile(99)
                                        / baseline.getValueAtPercentile(99));
        section.row(load.addressing().description, sessionCount, String.valueOf(load.rate()),
                    String.format("%,.0f", (double) alerts.expectedFrames() / alerts.measuredCount()),
                    String.format("%,d/%,d", latency.getTotalCount(), expected),
                    EndToEnd.ms(latency, 50), EndToEnd.ms(latency, 99), EndToEnd.ms(latency, 100), ratio, target);
    }

    private void arrived(long at, String title) {
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
