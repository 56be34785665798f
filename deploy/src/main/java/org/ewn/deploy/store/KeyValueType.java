package org.ewn.deploy.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

/**
 * Index keys as H2 stores them (its {@link ObjectDataType}), ordered by value: component by component, values of
 * different classes by class name, values of one class by their natural order where that order agrees with
 * {@code equals} (strings, whole and floating-point numbers, booleans, dates, UUIDs, object ids), others, which no
 * index of the network keys on, by their serialized bytes as H2 orders them. Two keys compare equal exactly when
 * {@link KeyValue#equals} says they are, as a unique index needs.
 */
final class KeyValueType extends ObjectDataType {

    static final KeyValueType INSTANCE = new KeyValueType();

    private static final Set<Class<?>> NATURALLY_ORDERED = Set.of(String.class, Long.class, Integer.class,
                                                                  Double.class, Boolean.class, Instant.class,
                                                                  Date.class, UUID.class, ObjectId.class);

    private KeyValueType() {
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
