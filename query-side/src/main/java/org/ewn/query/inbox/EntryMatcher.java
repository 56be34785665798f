package org.ewn.query.inbox;

import org.bson.Document;
import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.AlertStatus;
import org.ewn.api.alert.HandlingMarking;
import org.ewn.api.alert.Precedence;
import org.ewn.api.inbox.InboxFilter;
import org.ewn.api.inbox.InboxState;
import org.ewn.api.member.MemberCode;

import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Decides from a member's entry whether an alert meets a filter: all but the text, which needs the alert. */
final class EntryMatcher {

    private EntryMatcher() {
    }

    static boolean matches(InboxFilter filter, Document entry, MemberCode viewer, Instant now) {
        Instant raisedAt = entry.getDate("raisedAt").toInstant();
        return admits(filter.precedences(), Precedence.valueOf(entry.getString("precedence")))
               && admits(filter.categories(), AlertCategory.valueOf(entry.getString("category")))
               && admits(filter.statuses(), AlertStatus.valueOf(entry.getString("status")))
               && admits(filter.markings(), HandlingMarking.valueOf(entry.getString("marking")))
               && (filter.from() == null || !raisedAt.isBefore(filter.from()))
               && (filter.to() == null || raisedAt.isBefore(filter.to()))
               && (filter.states().isEmpty()
                   || states(entry, viewer, now).stream().anyMatch(filter.states()::contains));
    }

    /** Where the alert stands for the viewer's member at {@code now}. */
    static Set<InboxState> states(Document entry, MemberCode viewer, Instant now) {
        Set<InboxState> states = EnumSet.noneOf(InboxState.class);
        List<String> acknowledgedBy = entry.getList("acknowledgedBy", String.class, List.of());
        // a sent alert is acknowledged once every addressee has acknowledged it
        boolean acknowledged = entry.getBoolean("sent", false)
                ? acknowledgedBy.size() >= entry.getInteger("addressees")
                : acknowledgedBy.contains(viewer.value());
        states.add(acknowledged ? InboxState.ACKNOWLEDGED : InboxState.UNACKNOWLEDGED);
        boolean originators = viewer.value().equals(entry.getString("originator"));
        boolean someoneLate = originators ? acknowledgedBy.size() < entry.getInteger("addressees") : !acknowledged;
        if (someoneLate && now.isAfter(entry.getDate("acknowledgeBy").toInstant())) {
            states.add(InboxState.OVERDUE);
        }
        if (entry.getBoolean("withdrawn", false)) {
            states.add(InboxState.WITHDRAWN);
        }
        Date validUntil = entry.getDate("validUntil");
        if (validUntil != null && now.isAfter(validUntil.toInstant())) {
            states.add(InboxState.EXPIRED);
        }
        return states;
    }

    private static <T> boolean admits(Set<T> wanted, T value) {
        return wanted.isEmpty() || wanted.contains(value);
    }
}
