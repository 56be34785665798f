package org.ewn.api.alert;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies an alert across the network; it is the id of the submission that raised it. */
public record AlertId(UUID value) {

    @JsonCreator
    public AlertId {
        Objects.requireNonNull(value, "alert id");
    }

    public static AlertId of(String value) {
        return new AlertId(UUID.fromString(value));
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
