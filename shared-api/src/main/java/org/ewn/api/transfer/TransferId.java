package org.ewn.api.transfer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a case transfer across the network; it is the id of the submission that opened it. */
public record TransferId(UUID value) {

    @JsonCreator
    public TransferId {
        Objects.requireNonNull(value, "transfer id");
    }

    public static TransferId of(String value) {
        return new TransferId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
