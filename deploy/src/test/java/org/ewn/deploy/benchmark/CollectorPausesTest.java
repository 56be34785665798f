package org.ewn.deploy.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CollectorPausesTest {

    private static final long MS = 1_000_000;

    @Test
    void splitsFramesByWhetherAPauseOverlappedTheirWay() {
        CollectorPauses pauses = new CollectorPauses();
        pauses.heard(100, 120, 120 * MS);
        pauses.heard(500, 505, 509 * MS);
        // heard at once after the first, so the clocks agree; the pauses count from 98 to 123 ms and from 498 to
        // 508 ms, widened by the notifications' resolution
        long[] from = {0, 60 * MS, 121 * MS, 130 * MS, 400 * MS, 506 * MS, 0};
        long[] to = {50 * MS, 98 * MS, 140 * MS, 200 * MS, 497 * MS, 520 * MS, 600 * MS};

        CollectorPauses.Split split = pauses.split(from, to, 6);

        assertThat(split.duringPause().getTotalCount()).isEqualTo(3);
        assertThat(millis(split.duringPause().getMaxValue())).isEqualTo(38);
        assertThat(millis(split.duringPause().getMinValue())).isEqualTo(14);
        assertThat(split.otherwise().getTotalCount()).isEqualTo(3);
        assertThat(millis(split.otherwise().getMaxValue())).isEqualTo(97);
        assertThat(millis(split.otherwise().getMinValue())).isEqualTo(50);
        assertThat(split.shareDuringPause()).isEqualTo(0.5);
    }

    @Test
    void setsTheClocksByTheEarliestNotificationAndListsThePausesThatBeganInAWindow() {
        CollectorPauses pauses = new CollectorPauses();
        // the management's clock started 500 ms into nanoTime's; the first notification came 3 ms after its pause
        pauses.heard(500, 505, 1_008 * MS);
        pauses.heard(100, 120, 620 * MS);

        List<CollectorPauses.Pause> first = pauses.between(500 * MS, 700 * MS);

        assertThat(first).hasSize(1);
        assertThat(first.get(0).millis()).isEqualTo(20);
        assertThat(first.get(0).start()).isEqualTo(598 * MS);
        assertThat(first.get(0).end()).isEqualTo(623 * MS);
        assertThat(pauses.between(500 * MS, 1_100 * MS)).extracting(CollectorPauses.Pause::start)
                                                        .containsExactly(998 * MS, 598 * MS);
        assertThat(pauses.between(630 * MS, 900 * MS)).isEmpty();
    }

    @Test
    void hearsThisJvmsCollections() throws InterruptedException {
        try (CollectorPauses pauses = CollectorPauses.listen()) {
            long before = System.nanoTime();
            System.gc();
            long after = System.nanoTime();
            long deadline = after + TimeUnit.SECONDS.toNanos(10);
            // the notification comes from another thread once the collection is over
            while (overlapping(pauses, before, after).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            List<CollectorPauses.Pause> heard = overlapping(pauses, before, after);
            assertThat(heard).hasSize(1);
            CollectorPauses.Pause pause = heard.get(0);
            // the clocks are set against each other by the notifications, which come late on another thread
            assertThat(pause.start()).isBetween(before - CollectorPauses.SLACK_NANOS - MS, after + 20 * MS);
            assertThat(pause.millis()).isBetween(0L, (after - before) / MS + 1);
        }
    }

    private static List<CollectorPauses.Pause> overlapping(CollectorPauses pauses, long from, long to) {
        return pauses.pauses().stream().filter(pause -> pause.start() <= to && pause.end() >= from).toList();
    }

    /** A histogram's value, which it keeps to three significant digits, in whole milliseconds. */
    private static long millis(long nanos) {
        return Math.round(nanos / 1e6);
    }
}
