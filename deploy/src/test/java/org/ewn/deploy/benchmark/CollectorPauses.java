package org.ewn.deploy.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import org.HdrHistogram.Histogram;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The garbage collector's pauses while this listens, from the JVM's notifications, on the clock of
 * {@link System#nanoTime()}; and which of a run's frames were on their way during one. Every thread of the hub stands
 * still for a pause, so a frame in flight then arrives that much later whatever the hub's code does: telling those
 * frames from the others tells the collector's share of a percentile from the rest's.
 * <p>
 * The notifications time a pause in whole milliseconds on a clock of the JVM's own, which starts when its management
 * does. That clock is set against {@link System#nanoTime()} by the notifications themselves: each arrives after its
 * pause ended, so the earliest arrival relative to its pause's end bounds the offset between the two clocks from
 * above, to within a millisecond and the notification's delivery. Each pause is widened by {@link #SLACK_NANOS} on
 * either side for that. A concurrent collector's cycles (ZGC's, Shenandoah's) are not pauses and are left out.
 */
final class CollectorPauses implements AutoCloseable {

    static final long SLACK_NANOS = 2_000_000;

    /** A pause on the clock of {@link System#nanoTime()}, widened by the slack, and its length as the JVM gave it. */
    record Pause(long start, long end, long millis) {
    }

    /** A pause as the notification gave it, in milliseconds on the management's clock. */
    private record Heard(long startMillis, long endMillis) {
    }

    /** Frames on their way during a pause, and the others. */
    record Split(Histogram duringPause, Histogram otherwise) {

        double shareDuringPause() {
            long all = duringPause.getTotalCount() + otherwise.getTotalCount();
            return all == 0 ? 0 : (double) duringPause.getTotalCount() / all;
        }
    }

    private final List<Heard> heard = new ArrayList<>();
    /** {@link System#nanoTime()} at the management clock's zero, at most; the smallest estimate so far. */
    private long offsetNanos = Long.MAX_VALUE;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::handle;

    /** Listens to every collector of this JVM from now on. */
    static CollectorPauses listen() {
        CollectorPauses pauses = new CollectorPauses();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter && !collector.getName().endsWith("Cycles")) {
                emitter.addNotificationListener(pauses.listener, null, null);
                pauses.emitters.add(emitter);
            }
        }
        return pauses;
    }

    private void handle(Notification notification, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            long received = System.nanoTime();
            GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                                                           .getGcInfo();
            heard(info.getStartTime(), info.getEndTime(), received);
        }
    }

    /** A pause from {@code startMillis} to {@code endMillis} on the management's clock, heard at {@code received}. */
    synchronized void heard(long startMillis, long endMillis, long received) {
        heard.add(new Heard(startMillis, endMillis));
        offsetNanos = Math.min(offsetNanos, received - endMillis * 1_000_000);
    }

    /** Every pause heard so far, on the clock of {@link System#nanoTime()}. */
    synchronized List<Pause> pauses() {
        return heard.stream().map(pause -> new Pause(offsetNanos + pause.startMillis() * 1_000_000 - SLACK_NANOS,
                                                     offsetNanos + (pause.endMillis() + 1) * 1_000_000 + SLACK_NANOS,
                                                     pause.endMillis() - pause.startMillis())).toList();
    }

    /** The pauses that began from {@code fromNanos} to {@code toNanos}. */
    List<Pause> between(long fromNanos, long toNanos) {
        return pauses().stream().filter(pause -> pause.start() >= fromNanos && pause.start() <= toNanos).toList();
    }

    /**
     * Splits the first {@code count} frames, each on its way from {@code from[i]} to {@code to[i]}, by whether a pause
     * overlapped that time; each histogram holds their latencies, {@code to[i] - from[i]}.
     */
    Split split(long[] from, long[] to, int count) {
        long earliest = Arrays.stream(from, 0, count).min().orElse(0);
        long latest = Arrays.stream(to, 0, count).max().orElse(0);
        List<Pause> known = pauses().stream().filter(pause -> pause.start() <= latest && pause.end() >= earliest)
                                    .toList();
        Histogram during = new Histogram(3);
        Histogram otherwise = new Histogram(3);
        for (int i = 0; i < count; i++) {
            boolean paused = false;
            for (Pause pause : known) {
                if (pause.start() <= to[i] && pause.end() >= from[i]) {
                    paused = true;
                    break;
                }
            }
            (paused ? during : otherwise).recordValue(Math.max(0, to[i] - from[i]));
        }
        return new Split(during, otherwise);
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // not listening any more
            }
        }
        emitters.clear();
    }
}
