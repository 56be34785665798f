package org.ewn.verify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportLinesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\n\n", "a", "a\n", "a\nb", "a\nb\n", "a\r\nb\r\n", "a\rb\r", "a\r\rb", "a\n\rb",
            "\r\n\r\n", " \n\t\n", "caf\u00e9 \u6f22\u5b57 \ud83d\ude00\n\u00e9", "\ufeff{\"a\":1}\n",
            "a\ufffdb\n"})
    void splitsAsReadLineDoes(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        assertThat(lines(new ByteArrayInputStream(bytes))).isEqualTo(readLines(bytes));
    }

    @Test
    void splitsLinesAcrossEveryKindOfChunkBoundary() throws IOException {
        Random random = new Random(5);
        String[] breaks = {"\n", "\r", "\r\n", "\n\n", "\r\r\n"};
        StringBuilder text = new StringBuilder();
        while (text.length() < 600_000) {
            int length = random.nextInt(10) == 0 ? 70_000 + random.nextInt(70_000) : random.nextInt(5_000);
            for (int i = 0; i < length; i++) {
                text.append(i % 97 == 0 ? '\u00e9' : i % 101 == 0 ? '\u6f22' : (char) ('a' + i % 26));
            }
            text.append(breaks[random.nextInt(breaks.length)]);
        }
        // a break of two characters split by the first chunk
        String straddling = "x".repeat((1 << 16) - 1) + "\r\n" + text;
        for (String each : List.of(text.toString(), straddling)) {
            byte[] bytes = each.getBytes(StandardCharsets.UTF_8);

            assertThat(lines(new ByteArrayInputStream(bytes))).isEqualTo(readLines(bytes));
            assertThat(lines(new Trickle(bytes, random))).isEqualTo(readLines(bytes));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"6162c3280a", "610a800a", "61e282", "610aed a0800a", "c0af0a", "f48f bfbf f0 0a"})
    void refusesMalformedUtf8AsAReaderDoes(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace(" ", ""));

        assertThatThrownBy(() -> readLines(bytes)).isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> lines(new ByteArrayInputStream(bytes))).isInstanceOf(MalformedInputException.class);
    }

    private static List<String> lines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ExportLines.forEach(in, lines::add);
        return lines;
    }

    /** As {@code Files.lines} reads a file: strict UTF-8, line by line. */
    private static List<String> readLines(byte[] bytes) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8.newDecoder()))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** A stream that gives a few bytes at a time, as a slow pipe would. */
    private static final class Trickle extends InputStream {

        private final byte[] bytes;
        private final Random random;
        private int position;

        Trickle(byte[] bytes, Random random) {
            this.bytes = bytes;
            this.random = random;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (position == bytes.length) {
                return -1;
            }
            int count = Math.min(Math.min(length, 1 + random.nextInt(3_000)), bytes.length - position);
            System.arraycopy(bytes, position, target, offset, count);
            position += count;
            return count;
        }
    }
}
