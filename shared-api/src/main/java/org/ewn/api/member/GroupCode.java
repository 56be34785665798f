package org.ewn.api.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named address group of members, such as {@code CENTRAL-ASIA}: upper-case letters and digits in parts joined by
 * hyphens. There is always a hyphen, so that a group is never mistaken for a member code.
 */
public record GroupCode(String value) implements Comparable<GroupCode> {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)+");

    @JsonCreator
    public GroupCode {
        Objects.requireNonNull(value, "group code");
        if (value.length() > 32 || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("group code must be up to 32 upper-case letters and digits in parts "
                    + "joined by hyphens, such as CENTRAL-ASIA: " + value);
        }
    }

    public static GroupCode of(String value) {
        return new GroupCode(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public int compareTo(GroupCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
