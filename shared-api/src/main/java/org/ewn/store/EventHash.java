package org.ewn.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash chain over the global order: {@code hash = SHA-256(prevHash || storedBytes)}, where the first event's
 * {@code prevHash} is {@link #GENESIS} (32 zero bytes).
 * <p>
 * {@code storedBytes} is this length-prefixed, big-endian encoding of everything stored about the event, so that
 * anyone holding the stored fields can recompute the hash without Axon or Java:
 * <pre>
 * int8   format            always 1
 * int64  globalIndex
 * str    eventId
 * int8   hasAggregate      1 for an aggregate's event, 0 otherwise; when 1 three fields follow:
 *   str    aggregateType
 *   str    aggregateId
 *   int64  sequenceNumber
 * int64  timestamp seconds since 1970-01-01T00:00:00Z
 * int32  timestamp nanosecond of that second
 * str    payloadType
 * str    payloadRevision
 * bytes  payload           the serialized payload, exactly as stored
 * bytes  metadata          the serialized metadata, exactly as stored
 *
 * str    = int32 length in bytes, then the UTF-8 bytes; a null string is length -1 and no bytes
 * bytes  = int32 length, then the bytes
 * </pre>
 */
final class EventHash {

    static final int LENGTH = 32;
    static final byte[] GENESIS = new byte[LENGTH];
    private static final int FORMAT = 1;

    private EventHash() {
    }

    static byte[] next(byte[] prevHash, long globalIndex, SerializedEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(prevHash);
        // the stored bytes go straight into the digest: a copy of the payload per event is not needed to hash it
        try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(),
                                                                                  sha256))) {
            write(out, globalIndex, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha256.digest();
    }

    static byte[] storedBytes(long globalIndex, SerializedEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(event.size() + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, globalIndex, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, long globalIndex, SerializedEvent event) throws IOException {
        out.writeByte(FORMAT);
        out.writeLong(globalIndex);
        writeString(out, event.eventId());
        out.writeByte(event.hasAggregate() ? 1 : 0);
        if (event.hasAggregate()) {
            writeString(out, event.aggregateType());
            writeString(out, event.aggregateId());
            out.writeLong(event.sequenceNumber());
        }
        out.writeLong(event.timestamp().getEpochSecond());
        out.writeInt(event.timestamp().getNano());
        writeString(out, event.payloadType());
        writeString(out, event.payloadRevision());
        writeBytes(out, event.payload());
        writeBytes(out, event.metadata());
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            writeBytes(out, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
