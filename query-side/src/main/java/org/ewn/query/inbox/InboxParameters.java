package org.ewn.query.inbox;

import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the inbox's query parameters; a bad value is a 400 problem that names the parameter and what it takes. An
 * empty value, as a form sends for a field left blank, is as if the parameter were not given.
 */
final class InboxParameters {

    private InboxParameters() {
    }

    /** The values of a repeatable parameter, each one of the enum's names; none given admits every value. */
    static <E extends Enum<E>> Set<E> values(String parameter, List<String> given, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        for (String value : given == null ? List.<String>of() : given) {
            if (value.isBlank()) {
                continue;
            }
            try {
                values.add(Enum.valueOf(type, value.strip()));
            } catch (IllegalArgumentException e) {
                throw invalid("Parameter '" + parameter + "' takes " + Arrays.toString(type.getEnumConstants()));
            }
        }
        return values;
    }

    /** One of the enum's names, in any case; {@code fallback} when blank. */
    static <E extends Enum<E>> E value(String parameter, String given, Class<E> type, E fallback) {
        if (given == null || given.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid("Parameter '" + parameter + "' takes one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** An ISO-8601 instant such as {@code 2026-11-26T10:00:00Z}, or null when not given. */
    static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid("Parameter '" + parameter + "' takes an ISO-8601 instant such as 2026-11-26T10:00:00Z");
        }
    }

    /** The text to search for, or null when none is given. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static ProblemException invalid(String detail) {
        return new ProblemException(ProblemTypes.INVALID_REQUEST, 400, detail);
    }
}
