package org.ewn.deploy.benchmark;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One rate's worth of alerts: sent on a fixed schedule, the first ones as warm-up, and timed from the moment each
 * was due rather than when the sender got round to it, so a starved sender shows up as latency instead of hiding it.
 * Every alert is signed before the schedule starts, so the figures are the hub's and not the agency's signing; the
 * last one is sent (warm-up + measured) after it was signed, well inside the hub's tolerated clock skew.
 */
final class FixedRateAlerts {

    private final String prefix;
    private final int rate;
    private final int warmUpCount;
    private final int measuredCount;
    private final Function<String, String> signer;
    private final Consumer<Sent> sender;
    private final Histogram pushed = new Histogram(3);
    private final Histogram accepted = new Histogram(3);
    private final AtomicInteger rejected = new AtomicInteger();
    private final CountDownLatch allPushed;
    private final CountDownLatch allAnswered;

    /** {@code signer} turns a title into a signed submission; {@code sender} posts it. */
    FixedRateAlerts(String prefix, int rate, Duration warmUp, Duration measured, Function<String, String> signer,
                    Consumer<Sent> sender) {
        this.prefix = prefix;
        this.rate = rate;
        this.warmUpCount = (int) (rate * warmUp.toSeconds());
        this.measuredCount = (int) (rate * measured.toSeconds());
        this.signer = signer;
        this.sender = sender;
        this.allPushed = new CountDownLatch(measuredCount);
        this.allAnswered = new CountDownLatch(measuredCount);
    }

    /** An alert on its way: its title, its signed submission, when it was due, and whether it counts. */
    final class Sent {

        private final String title;
        private final String envelope;
        private final long due;
        private final boolean measured;

        private Sent(String title, String envelope, long due, boolean measured) {
            this.title = title;
            this.envelope = envelope;
            this.due = due;
            this.measured = measured;
        }

        String title() {
            return title;
        }

        String envelope() {
            return envelope;
        }

        void answered(boolean created, long at) {
            if (!created) {
                rejected.incrementAndGet();
            } else if (measured) {
                record(accepted, at - due);
            }
            if (measured) {
                allAnswered.countDown();
            }
        }

        void pushed(long at) {
            if (measured) {
                record(pushed, at - due);
                allPushed.countDown();
            }
        }
    }

    void sendAll() throws InterruptedException {
        int total = warmUpCount + measuredCount;
        String[] envelopes = new String[total];
        for (int n = 0; n < total; n++) {
            envelopes[n] = signer.apply(prefix + n);
        }
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch allSent = new CountDownLatch(total);
        long start = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n < total) {
                sender.accept(new Sent(prefix + n, envelopes[n], start + n * periodNanos, n >= warmUpCount));
                allSent.countDown();
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        allSent.await();
        clock.shutdownNow();
    }

    /** Waits until every measured alert has been answered and pushed, or {@code patience} has passed. */
    void awaitDone(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        allAnswered.await(patience.toNanos(), TimeUnit.NANOSECONDS);
        allPushed.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    Histogram pushed() {
        synchronized (pushed) {
            return pushed.copy();
        }
    }

    Histogram accepted() {
        synchronized (accepted) {
            return accepted.copy();
        }
    }

    int measuredCount() {
        return measuredCount;
    }

    int rejected() {
        return rejected.get();
    }

    private static void record(Histogram histogram, long nanos) {
        synchronized (histogram) {
            histogram.recordValue(nanos);
        }
    }
}
