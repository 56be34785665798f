package org.ewn.api.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A member of the network: an ISO 3166-1 alpha-2 code for a state (KZ, KG, TJ, TM, UZ) or a short
 * upper-case code for a partner organisation (UNOCT).
 */
public record MemberCode(String value) implements Comparable<MemberCode> {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9]{1,9}");

    @JsonCreator
    public MemberCode {
        Objects.requireNonNull(value, "member code");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("member code must be 2-10 upper-case letters or digits: " + value);
        }
    }

    public static MemberCode of(String value) {
        return new MemberCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(MemberCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
