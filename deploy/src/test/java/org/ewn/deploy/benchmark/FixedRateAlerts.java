package org.ewn.deploy.benchmark;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One rate's worth of alerts: sent on a fixed schedule, the first ones as warm-up, and timed from the moment each
 * was due rather than when the sender got round to it, so a starved sender shows up as latency instead of hiding it.
 */
final class FixedRateAlerts {

    private final String prefix;
    private final int rate;
    private final int warmUpCount;
    private final int measuredCount;
    private final Consumer<Sent> sender;
    private final Histogram pushed = new Histogram(3);
    private final Histogram accepted = new Histogram(3);
    private final AtomicInteger rejected = new AtomicInteger();
    private final CountDownLatch allPushed;
    private final CountDownLatch allAnswered;

    FixedRateAlerts(String prefix, int rate, Duration warmUp, Duration measured, Consumer<Sent> sender) {
        this.prefix = prefix;
        this.rate = rate;
        this.warmUpCount = (int) (rate * warmUp.toSeconds());
        this.measuredCount = (int) (rate * measured.toSeconds());
        this.sender = sender;
        this.allPushed = new CountDownLatch(measuredCount);
        this.allAnswered = new CountDownLatch(measuredCount);
    }

    /** An alert on its way: its title, when it was due, and whether it counts. */
    final class Sent {

        private final String title;
        private final long due;
        private final boolean measured;

        private Sent(String title, long due, boolean measured) {
            this.title = title;
            this.due = due;
            this.measured = measured;
        }

        String title() {
            return title;
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
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        int total = warmUpCount + measuredCount;
        long periodNanos = 1_000_000_000L / rate;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch allSent = new CountDownLatch(total);
        long start = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n < total) {
                sender.accept(new Sent(prefix + n, start + n * periodNanos, n >= warmUpCount));
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
