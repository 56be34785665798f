package org.ewn.query.inbox;

import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.AlertStatus;
import org.ewn.api.alert.HandlingMarking;
import org.ewn.api.alert.Precedence;
import org.ewn.api.inbox.InboxFilter;
import org.ewn.api.inbox.InboxState;

import java.time.Instant;
import java.util.Set;

/** Builds an inbox filter one criterion at a time. */
final class Where {

    private Set<InboxState> states = Set.of();
    private Set<Precedence> precedences = Set.of();
    private Set<AlertCategory> categories = Set.of();
    private Set<AlertStatus> statuses = Set.of();
    private Set<HandlingMarking> markings = Set.of();
    private Instant from;
    private Instant to;
    private String text;

    static Where where() {
        return new Where();
    }

    Where state(InboxState... values) {
        states = Set.of(values);
        return this;
    }

    Where precedence(Precedence... values) {
        precedences = Set.of(values);
        return this;
    }

    Where category(AlertCategory... values) {
        categories = Set.of(values);
        return this;
    }

    Where status(AlertStatus... values) {
        statuses = Set.of(values);
        return this;
    }

    Where marking(HandlingMarking... values) {
        markings = Set.of(values);
        return this;
    }

    Where from(Instant value) {
        from = value;
        return this;
    }

    Where to(Instant value) {
        to = value;
        return this;
    }

    Where text(String value) {
        text = value;
        return this;
    }

    InboxFilter filter() {
        return new InboxFilter(states, precedences, categories, statuses, markings, from, to, text);
    }
}
