package org.ewn.deploy.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Index keys, written field by field ({@link #write}), and ordered by value: component by component, values of
 * different classes by class name, values of one class by their natural order where that order agrees with
 * {@code equals} (strings, whole and floating-point numbers, booleans, dates, UUIDs, object ids), others, which no
 * index of the network keys on, by their serialized bytes as H2 orders them. Two keys compare equal exactly when
 * {@link KeyValue#equals} says they are, as a unique index needs.
 */
public final class KeyValueType extends ObjectDataType {

    public static final KeyValueType INSTANCE = new KeyValueType();

    private static final Set<Class<?>> NATURALLY_ORDERED = Set.of(String.class, Long.class, Integer.class,
                                                                  Double.class, Boolean.class, Instant.class,
                                                                  Date.class, UUID.class, ObjectId.class);

    /** Marks a key written field by field; H2's {@link ObjectDataType} uses no tag above 119. */
    static final byte FIELDS = 127;
    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte INTEGER = 3;
    private static final byte OBJECT_ID = 4;
    private static final byte MISSING = 5;
    /** Any other value, Java-serialized as H2 does. */
    private static final byte SERIALIZED = 6;
    /**
     * A number: mongo-java-server keys every number of an index as a double, so that 7, 7L and 7.0 find one another;
     * the event log's commit numbers, its most written keys, among them.
     */
    private static final byte DOUBLE = 7;
    private static final int OBJECT_ID_BYTES = 12;

    private KeyValueType() {
    }

    /**
     * A key of the common kinds (strings, numbers, object ids) is written as its values, tagged; any other
     * value of a key as H2 writes an object of a class it does not know. H2 itself wrote every key with Java
     * serialization, a new stream and the class descriptions of the key and its list each time, at every write of
     * the key's page: under load a quarter of the memory the store allocated.
     */
    @Override
    public void write(WriteBuffer buffer, Object key) {
        if (!(key instanceof KeyValue fields)) {
            super.write(buffer, key);
            return;
        }
        buffer.put(FIELDS).putVarInt(fields.size());
        for (Object value : fields) {
            if (value == null) {
                buffer.put(NULL);
            } else if (value instanceof String text) {
                buffer.put(STRING).putVarInt(text.length()).putStringData(text, text.length());
            } else if (value instanceof Long number) {
                buffer.put(LONG).putVarLong(number);
            } else if (value instanceof Integer number) {
                buffer.put(INTEGER).putVarInt(number);
            } else if (value instanceof Double number) {
                buffer.put(DOUBLE).putLong(Double.doubleToRawLongBits(number));
            } else if (value instanceof ObjectId id) {
                buffer.put(OBJECT_ID).put(id.toByteArray());
            } else if (value instanceof Missing) {
                buffer.put(MISSING);
            } else {
                byte[] serialized = serialize(value);
                buffer.put(SERIALIZED).putVarInt(serialized.length).put(serialized);
            }
        }
    }

    /** Reads a key in either form: field by field, or Java-serialized whole as H2 wrote it. */
    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != FIELDS) {
            return super.read(buffer);
        }
        buffer.get();
        int size = DataUtils.readVarInt(buffer);
        List<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readValue(buffer));
        }
        return new KeyValue(values);
    }

    private static Object readValue(ByteBuffer buffer) {
        byte tag = buffer.get();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return DataUtils.readString(buffer, DataUtils.readVarInt(buffer));
            case LONG:
                return DataUtils.readVarLong(buffer);
            case INTEGER:
                return DataUtils.readVarInt(buffer);
            case OBJECT_ID:
                byte[] id = new byte[OBJECT_ID_BYTES];
                buffer.get(id);
                return new ObjectId(id);
            case MISSING:
                return Missing.getInstance();
            case DOUBLE:
                return Double.longBitsToDouble(buffer.getLong());
            case SERIALIZED:
                byte[] serialized = new byte[DataUtils.readVarInt(buffer)];
                buffer.get(serialized);
                return deserialize(serialized);
            default:
                throw DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT, "Unknown key value tag {0}", tag);
        }
    }

    /**
     * About the heap a key takes, by which H2 sizes its pages and fills its cache. H2 counted a moving average of
     * twice the length of the keys it had serialized, which written field by field it no longer sees.
     */
    @Override
    public int getMemory(Object key) {
        if (!(key instanceof KeyValue fields)) {
            return super.getMemory(key);
        }
        int memory = 64;
        for (Object value : fields) {
            memory += value instanceof String text ? 48 + text.length()
                    : value == null || value instanceof Missing ? 4
                    : value instanceof Long || value instanceof Integer || value instanceof Double ? 20
                    : value instanceof ObjectId ? 48 : 128;
        }
        return memory;
    }

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            return compareKeys(left, right);
        }
        return super.compare(a, b);
    }

    static int compareKeys(KeyValue left, KeyValue right) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int order = compareValues(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        if (NATURALLY_ORDERED.contains(a.getClass())) {
            return ((Comparable) a).compareTo(b);
        }
        return compareNotNull(serialize(a), serialize(b));
    }
}
