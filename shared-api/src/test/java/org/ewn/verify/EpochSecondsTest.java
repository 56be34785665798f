package org.ewn.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.verify.LogLines.JSON;

class EpochSecondsTest {

    @Test
    void readsTheSecondsJacksonWritesForAnInstant() throws Exception {
        JsonNode receivedAt = JSON.readTree("{\"receivedAt\":1795749744.7377207}").get("receivedAt");

        assertThat(EpochSeconds.of(receivedAt)).isEqualTo(Instant.parse("2026-11-27T03:22:24.737720700Z"));
    }

    /** The decimal reading the shorter ways must agree with, on every kind of number and magnitude. */
    @Test
    void agreesWithTheDecimalReadingOfEveryNumber() {
        Random random = new Random(3);
        List<JsonNode> numbers = new ArrayList<>();
        for (double special : new double[] {0.0, -0.0, 1e-10, -1e-10, 0.5, -0.5, 1.0, -1.0, 8.99999999999e9, 9e9,
                9.000000001e9, 9.3e9, 1e15 - 1, 1e15, 1e15 + 2, 9.2e18, 1e19, -1e19, 3.2e16, Double.MIN_VALUE,
                Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            numbers.add(DoubleNode.valueOf(special));
        }
        for (int i = 0; i < 200_000; i++) {
            double seconds = switch (i % 5) {
                case 0 -> 1.7e9 + random.nextDouble() * 2e8;
                case 1 -> Math.floor(random.nextDouble() * 4e9);
                case 2 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(22));
                case 3 -> Math.rint((random.nextDouble() - 0.5) * 2e15);
                default -> Double.longBitsToDouble(random.nextLong());
            };
            numbers.add(DoubleNode.valueOf(seconds));
        }
        numbers.add(IntNode.valueOf(1_795_749_744));
        numbers.add(LongNode.valueOf(-62_167_219_200L));
        numbers.add(DecimalNode.valueOf(new BigDecimal("1795749744.123456789123")));

        for (JsonNode number : numbers) {
            assertThat(orNull(() -> EpochSeconds.of(number))).as(number.toString())
                                                            .isEqualTo(orNull(() -> decimalReading(number)));
        }
    }

    private static Instant decimalReading(JsonNode number) {
        BigDecimal seconds = number.decimalValue();
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
    }

    /** As the signature check has it: a number that is no instant reads as none. */
    private static Instant orNull(java.util.function.Supplier<Instant> reading) {
        try {
            return reading.get();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
