package org.ewn.deploy.benchmark;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Many officers' live sessions ({@link StompSessions}, all read by one thread), spread evenly over the officers of the
 * given members, and a way to know that every one of them is receiving: probe alerts to all members, signed and
 * posted like any other. Frames of other alerts go to {@code onAlert} with their arrival time.
 */
final class OfficersOnline implements AutoCloseable {

    private static final String PROBE = "probe-";

    private final List<String> members;
    private final AlertPosts posts;
    /** Signs an alert to all members with the given title. */
    private final Function<String, String> probeSigner;
    private final BiConsumer<Long, String> onAlert;
    private final StompSessions connections;
    private final List<Session> sessions = new ArrayList<>();
    private final AtomicInteger probed = new AtomicInteger();
    private final AtomicInteger probeRounds = new AtomicInteger();
    /** Probes of earlier rounds may still be on their way; only this round's count. */
    private volatile String probes = PROBE;

    /** One officer's session: its member, and whether this round's probe has reached it. */
    private record Session(String member, StompSessions.Session officer, AtomicBoolean probed) {
    }

    OfficersOnline(int port, List<String> members, AlertPosts posts, Function<String, String> probeSigner,
                   BiConsumer<Long, String> onAlert) throws IOException {
        this.connections = new StompSessions(port);
        this.members = members;
        this.posts = posts;
        this.probeSigner = probeSigner;
        this.onAlert = onAlert;
    }

    int size() {
        return sessions.size();
    }

    /** How many sessions each member's officers hold. */
    Map<String, Integer> perMember() {
        Map<String, Integer> perMember = new LinkedHashMap<>();
        sessions.forEach(session -> perMember.merge(session.member(), 1, Integer::sum));
        return perMember;
    }

    /**
     * Opens sessions, one after another, until there are {@code count}; returns the seconds it took until a probe had
     * reached every one of them.
     */
    double connect(int count, Duration patience) throws Exception {
        Benchmark.progress("connecting " + (count - sessions.size()) + " sessions");
        long start = System.nanoTime();
        while (sessions.size() < count) {
            String member = members.get(sessions.size() % members.size());
            AtomicBoolean probe = new AtomicBoolean();
            StompSessions.Session officer = connections.open(AlertPosts.basic(member.toLowerCase() + "-officer"),
                                                             (at, title) -> arrived(probe, at, title));
            sessions.add(new Session(member, officer, probe));
        }
        awaitProbe(patience);
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Sends probe alerts to all members until every session had one, and returns the seconds that took. A new
     * session's subscription is registered some time after it was sent; and since each session gets its frames in
     * the log's order, a probe's arrival also says that a backlog of earlier alerts has cleared.
     */
    double awaitProbe(Duration patience) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        probes = PROBE + probeRounds.incrementAndGet() + "-";
        probed.set(0);
        sessions.forEach(session -> session.probed().set(false));
        long wait = TimeUnit.MILLISECONDS.toNanos(500);
        for (int probe = 0; System.nanoTime() < deadline; probe++) {
            int status = posts.post(probeSigner.apply(probes + probe)).join().statusCode();
            if (status != 201) {
                throw new IllegalStateException("the hub answered a signed probe alert with " + status);
            }
            long next = Math.min(deadline, System.nanoTime() + wait);
            while (probed.get() < sessions.size() && System.nanoTime() < next) {
                Thread.sleep(10);
            }
            if (probed.get() == sessions.size()) {
                return (System.nanoTime() - start) / 1e9;
            }
            wait = Math.min(2 * wait, TimeUnit.SECONDS.toNanos(10));
        }
        throw new IllegalStateException("probe alerts reached only " + probed.get() + " of " + sessions.size()
                                        + " sessions in " + patience.toSeconds() + " s; " + connections.failed()
                                        + " sessions were lost");
    }

    private void arrived(AtomicBoolean probe, long at, String title) {
        if (title == null) {
            return;
        }
        if (!title.startsWith(PROBE)) {
            onAlert.accept(at, title);
        } else if (title.startsWith(probes) && probe.compareAndSet(false, true)) {
            probed.incrementAndGet();
        }
    }

    @Override
    public void close() throws IOException {
        sessions.forEach(session -> session.officer().close());
        connections.close();
    }
}
