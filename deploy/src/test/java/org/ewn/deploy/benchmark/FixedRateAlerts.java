package org.ewn.deploy.benchmark;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * One rate's worth of alerts: sent on a fixed schedule, the first ones as warm-up, and timed from the moment each
 * was due rather than when the sender got round to it, so a starved sender shows up as latency instead of hiding it.
 * Every alert is signed before the schedule starts, so the figures are the hub's and not the agency's signing; the
 * last one is sent (warm-up + measured) after it was signed, well inside the hub's tolerated clock skew. An alert
 * pushed to several sessions counts each of its frames, and is complete when the last of them has arrived.
 */
final class FixedRateAlerts {

    /** Signs the alert numbered {@code number} (from 0, warm-up included), titled {@code title}. */
    interface Signer {
        String sign(int number, String title);
    }

    private final String prefix;
    private final int rate;
    private final int warmUpCount;
    private final int measuredCount;
    private final IntUnaryOperator frames;
    private final Signer signer;
    private final Consumer<Sent> sender;
    private final int expectedFrames;
    /** Written from every session's receiving thread at once. */
    private final Histogram pushed = new ConcurrentHistogram(3);
    private final Histogram completed = new ConcurrentHistogram(3);
    private final Histogram accepted = new ConcurrentHistogram(3);
    private final AtomicInteger rejected = new AtomicInteger();
    /** Every frame that arrived, warm-up included. */
    private final AtomicInteger framesArrived = new AtomicInteger();
    /** Each measured frame's alert's due time and the frame's arrival, in the order the frames arrived. */
    private final long[] frameDue;
    private final long[] frameArrival;
    private final AtomicInteger framesTimed = new AtomicInteger();
    private final CountDownLatch allPushed;
    private final CountDownLatch allAnswered;

    /** {@code signer} turns a title into a signed submission; {@code sender} posts it; one frame per alert. */
    FixedRateAlerts(String prefix, int rate, Duration warmUp, Duration measured, Function<String, String> signer,
                    Consumer<Sent> sender) {
        this(prefix, rate, warmUp, measured, number -> 1, (number, title) -> signer.apply(title), sender);
    }

    /** {@code frames} says how many frames (one per addressed session) the alert of each number makes. */
    FixedRateAlerts(String prefix, int rate, Duration warmUp, Duration measured, IntUnaryOperator frames,
                    Signer signer, Consumer<Sent> sender) {
        this.prefix = prefix;
        this.rate = rate;
        this.warmUpCount = (int) (rate * warmUp.toSeconds());
        this.measuredCount = (int) (rate * measured.toSeconds());
        this.frames = frames;
        this.signer = signer;
        this.sender = sender;
        int expected = 0;
        for (int n = warmUpCount; n < warmUpCount + measuredCount; n++) {
            expected += frames.applyAsInt(n);
        }
        this.expectedFrames = expected;
        this.frameDue = new long[expected];
        this.frameArrival = new long[expected];
        this.allPushed = new CountDownLatch(expected);
        this.allAnswered = new CountDownLatch(measuredCount);
    }

    /** An alert on its way: its title, its signed submission, when it was due, and whether it counts. */
    final class Sent {

        private final String title;
        private final String envelope;
        private final long due;
        private final boolean measured;
        private final int frames;
        private final AtomicInteger arrived = new AtomicInteger();

        private Sent(String title, String envelope, long due, boolean measured, int frames) {
            this.title = title;
            this.envelope = envelope;
            this.due = due;
            this.measured = measured;
            this.frames = frames;
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
                accepted.recordValue(at - due);
            }
            if (measured) {
                allAnswered.countDown();
            }
        }

        /** One of its frames arrived at a session. */
        void pushed(long at) {
            framesArrived.incrementAndGet();
            if (measured) {
                pushed.recordValue(at - due);
                int frame = framesTimed.getAndIncrement();
                if (frame < frameDue.length) {
                    frameDue[frame] = due;
                    frameArrival[frame] = at;
                }
                if (arrived.incrementAndGet() == frames) {
                    completed.recordValue(at - due);
                }
                allPushed.countDown();
            }
        }
    }

    void sendAll() throws InterruptedException {
        int total = warmUpCount + measuredCount;
        String[] envelopes = new String[total];
        for (int n = 0; n < total; n++) {
            envelopes[n] = signer.sign(n, prefix + n);
        }
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch allSent = new CountDownLatch(total);
        long start = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            int n = next.getAndIncrement();
            if (n < total) {
                sender.accept(new Sent(prefix + n, envelopes[n], start + n * periodNanos, n >= warmUpCount,
                                       frames.applyAsInt(n)));
                allSent.countDown();
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        allSent.await();
        clock.shutdownNow();
    }

    /** Waits until every measured alert has been answered and every frame pushed, or {@code patience} has passed. */
    void awaitDone(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        allAnswered.await(patience.toNanos(), TimeUnit.NANOSECONDS);
        allPushed.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Each frame's arrival at each session. */
    Histogram pushed() {
        return pushed.copy();
    }

    /** Each measured frame, by whether it was on its way during one of the collector's {@code pauses}. */
    CollectorPauses.Split pushedAround(CollectorPauses pauses) {
        return pauses.split(frameDue, frameArrival, Math.min(framesTimed.get(), frameDue.length));
    }

    /** Each alert's last frame, of the alerts whose every frame arrived. */
    Histogram completed() {
        return completed.copy();
    }

    Histogram accepted() {
        return accepted.copy();
    }

    /** Every alert sent, warm-up included. */
    int sentCount() {
        return warmUpCount + measuredCount;
    }

    int measuredCount() {
        return measuredCount;
    }

    int expectedFrames() {
        return expectedFrames;
    }

    int rejected() {
        return rejected.get();
    }

    int framesArrived() {
        return framesArrived.get();
    }
}
