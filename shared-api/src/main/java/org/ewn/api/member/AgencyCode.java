package org.ewn.api.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** An agency of a member, such as {@code KZ-MVD}: the member's code, a hyphen and the agency's own code. */
public record AgencyCode(String value) implements Comparable<AgencyCode> {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9]{1,9}-[A-Z0-9]{1,20}");

    @JsonCreator
    public AgencyCode {
        Objects.requireNonNull(value, "agency code");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("agency code must look like KZ-MVD: " + value);
        }
    }

    /** The member this agency belongs to, which is part of its code. */
    public MemberCode member() {
        return new MemberCode(value.substring(0, value.indexOf('-')));
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(AgencyCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
