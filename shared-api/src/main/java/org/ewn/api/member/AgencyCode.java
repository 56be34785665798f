package org.ewn.api.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/** An agency of a member, such as {@code KZ-MVD}: the member's code, a hyphen and the agency's own code. */
public record AgencyCode(String value) implements Comparable<AgencyCode> {

    @JsonCreator
    public AgencyCode {
        Objects.requireNonNull(value, "agency code");
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("agency code must look like KZ-MVD: " + value);
        }
    }

    /** {@code [A-Z][A-Z0-9]{1,9}-[A-Z0-9]{1,20}}: a member's code, a hyphen, and one to 20 letters or digits. */
    private static boolean wellFormed(String value) {
        int hyphen = value.indexOf('-');
        int own = value.length() - hyphen - 1;
        return hyphen > 0 && own >= 1 && own <= 20 && MemberCode.wellFormed(value, 0, hyphen)
               && MemberCode.upperCaseOrDigits(value, hyphen + 1, value.length());
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
