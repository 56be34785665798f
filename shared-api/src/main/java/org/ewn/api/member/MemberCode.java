package org.ewn.api.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * A member of the network: an ISO 3166-1 alpha-2 code for a state (KZ, KG, TJ, TM, UZ) or a short
 * upper-case code for a partner organisation (UNOCT).
 */
public record MemberCode(String value) implements Comparable<MemberCode> {

    @JsonCreator
    public MemberCode {
        Objects.requireNonNull(value, "member code");
        if (!wellFormed(value, 0, value.length())) {
            throw new IllegalArgumentException("member code must be 2-10 upper-case letters or digits: " + value);
        }
    }

    /**
     * Whether the characters from {@code from} to {@code to} read as a member's code, {@code [A-Z][A-Z0-9]{1,9}}:
     * checked by hand, as every event read and every inbox entry names members and agencies, and a regular
     * expression's matcher was a fair share of what the read models allocated.
     */
    static boolean wellFormed(String value, int from, int to) {
        int length = to - from;
        if (length < 2 || length > 10 || !upperCase(value.charAt(from))) {
            return false;
        }
        return upperCaseOrDigits(value, from + 1, to);
    }

    /** Whether every character from {@code from} to {@code to} is an ASCII upper-case letter or digit. */
    static boolean upperCaseOrDigits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (!upperCase(c) && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean upperCase(char c) {
        return c >= 'A' && c <= 'Z';
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
