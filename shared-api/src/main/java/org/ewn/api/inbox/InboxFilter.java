package org.ewn.api.inbox;

import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.AlertStatus;
import org.ewn.api.alert.HandlingMarking;
import org.ewn.api.alert.Precedence;

import java.time.Instant;
import java.util.Set;

/**
 * Which alerts of an inbox to show. Each set admits an alert that has any one of its values and an empty set admits
 * every alert; the criteria combine, so an alert must meet all of them.
 *
 * @param from an alert raised at or after this time, or null for no lower bound
 * @param to   an alert raised before this time, or null for no upper bound
 * @param text words that the alert's title, text or one of its follow-ups contains, ignoring case; null for any
 */
public record InboxFilter(Set<InboxState> states,
                          Set<Precedence> precedences,
                          Set<AlertCategory> categories,
                          Set<AlertStatus> statuses,
                          Set<HandlingMarking> markings,
                          Instant from,
                          Instant to,
                          String text) {

    public static final int MAX_TEXT_LENGTH = 200;
    public static final InboxFilter ALL = new InboxFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null,
                                                          null, null);

    public InboxFilter {
        states = copy(states);
        precedences = copy(precedences);
        categories = copy(categories);
        statuses = copy(statuses);
        markings = copy(markings);
        if (from != null && to != null && !to.isAfter(from)) {
            throw new IllegalArgumentException("'to' must come after 'from'");
        }
        if (text != null) {
            text = text.strip();
            if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("the search text must have 1 to " + MAX_TEXT_LENGTH + " characters");
            }
        }
    }

    private static <T> Set<T> copy(Set<T> values) {
        return values == null ? Set.of() : Set.copyOf(values);
    }
}
