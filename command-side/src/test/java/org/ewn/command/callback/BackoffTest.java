package org.ewn.command.callback;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void doublesFromOneSecondUpToTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), 2, Duration.ofSeconds(30));

        assertThat(IntStream.rangeClosed(1, 7).mapToObj(backoff::after).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void neverOverflowsAfterManyAttempts() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), 2, Duration.ofMinutes(15));

        assertThat(backoff.after(5000)).isEqualTo(Duration.ofMinutes(15));
        assertThat(backoff.after(0)).isEqualTo(Duration.ZERO);
    }

    @Test
    void theConfiguredScheduleIsTheBackoffsOwn() {
        CallbackProperties properties = new CallbackProperties(false, Duration.ofMillis(200), 3, Duration.ofSeconds(5),
                5, Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofMillis(100), 10, Duration.ofSeconds(30));

        assertThat(IntStream.rangeClosed(1, 4).mapToObj(properties.backoff()::after).map(Duration::toMillis))
                .containsExactly(200L, 600L, 1800L, 5000L);
    }
}
