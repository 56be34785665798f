package org.ewn.api.subject;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * A data subject, named by a random UUID that the submitting agency chooses and reuses for the same person. The
 * aggregate's identifier in the store is prefixed, so a subject can never share an identifier with an alert.
 */
public record SubjectId(UUID value) {

    @JsonCreator
    public SubjectId {
        Objects.requireNonNull(value, "subject id");
    }

    public static SubjectId of(String value) {
        return new SubjectId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public String toString() {
        return "subject-" + value;
    }
}
