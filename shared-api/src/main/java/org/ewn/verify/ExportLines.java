package org.ewn.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The lines of an export, as {@link java.io.BufferedReader#readLine} gives them from strict UTF-8 ({@code \n},
 * {@code \r} or {@code \r\n} end a line; malformed input is a {@link java.nio.charset.MalformedInputException}), but
 * decoded some 64 KB at a time: through a {@code Reader}, line by line, the decoding cost the verifier as much per
 * event as parsing the line.
 */
public final class ExportLines {

    private static final int CHUNK = 1 << 16;

    private ExportLines() {
    }

    public static void forEach(InputStream in, Consumer<String> action) throws IOException {
        byte[] buffer = new byte[CHUNK];
        int filled = 0;
        boolean afterReturn = false;
        for (int read; (read = in.read(buffer, filled, buffer.length - filled)) >= 0; ) {
            filled += read;
            // no character of a multi-byte sequence is a line break, so the bytes up to one decode alone
            int end = filled;
            while (end > 0 && buffer[end - 1] != '\n' && buffer[end - 1] != '\r') {
                end--;
            }
            if (end == 0) {
                if (filled == buffer.length) {
                    buffer = Arrays.copyOf(buffer, 2 * buffer.length);
                }
                continue;
            }
            afterReturn = split(decode(buffer, end), afterReturn, action);
            System.arraycopy(buffer, end, buffer, 0, filled - end);
            filled -= end;
        }
        if (filled > 0) {
            split(decode(buffer, filled), afterReturn, action);
        }
    }

    /** Gives each line of {@code text}, the last even without a break; true if the text ends in {@code \r}. */
    private static boolean split(String text, boolean afterReturn, Consumer<String> action) {
        int from = afterReturn && text.startsWith("\n") ? 1 : 0;
        int nextReturn = text.indexOf('\r', from);
        while (from < text.length()) {
            int end = text.indexOf('\n', from);
            if (end < 0) {
                end = text.length();
            }
            if (nextReturn >= 0 && nextReturn < from) {
                nextReturn = text.indexOf('\r', from);
            }
            if (nextReturn >= 0 && nextReturn < end) {
                end = nextReturn;
            }
            action.accept(text.substring(from, end));
            from = end + 1;
            if (end < text.length() && text.charAt(end) == '\r' && from < text.length() && text.charAt(from) == '\n') {
                from++;
            }
        }
        return text.endsWith("\r");
    }

    /** Decoding to a string is fast but replaces malformed bytes; only then the strict decoder runs, to refuse them. */
    private static String decode(byte[] bytes, int length) throws IOException {
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        }
        return text;
    }
}
