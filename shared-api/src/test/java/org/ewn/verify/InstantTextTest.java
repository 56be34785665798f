package org.ewn.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstantTextTest {

    @Test
    void readsWhatInstantWritesAsInstantReadsIt() {
        Random random = new Random(11);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        int[] precisions = {1, 1_000, 1_000_000, 1_000_000_000};
        for (int i = 0; i < 100_000; i++) {
            int precision = precisions[i % precisions.length];
            Instant instant = Instant.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)),
                                                    random.nextInt(1_000_000_000 / precision) * precision);

            assertThat(InstantText.parse(instant.toString())).isEqualTo(instant)
                                                             .isEqualTo(Instant.parse(instant.toString()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-11-27T03:22:24Z", "2026-11-27T03:22:24.7Z", "2026-11-27T03:22:24.73772Z",
            "2026-11-27T03:22:24.737723896Z", "2024-02-29T12:00:00Z", "2000-02-29T00:00:00Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z",
            // the general parser decides these: valid, or refused
            "2026-11-27T03:22:24.7377238960Z", "2026-11-27T03:22:24.Z", "2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
            "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z", "2026-11-00T00:00:00Z",
            "2026-11-27T24:00:00Z", "2026-12-31T23:59:60Z", "2026-11-27T23:60:00Z", "2026-11-27t03:22:24z",
            "2026-11-27T03:22:24+01:00", "2026-11-27T03:22:24.5-05:30", "+12026-11-27T03:22:24Z",
            "-0001-11-27T03:22:24Z", "2026-11-27T03:22Z", "2026-11-27 03:22:24Z", "2026-1a-27T03:22:24Z",
            "\uff12\uff10\uff12\uff16-11-27T03:22:24Z", "2026-11-27T03:22:24.+1Z", "2026-11-27T03:22:24", "", "Z",
    })
    void readsAnyTextAsInstantDoes(String text) {
        Instant expected;
        try {
            expected = Instant.parse(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> InstantText.parse(text)).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(InstantText.parse(text)).isEqualTo(expected);
    }
}
