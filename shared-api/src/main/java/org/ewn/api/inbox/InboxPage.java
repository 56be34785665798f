package org.ewn.api.inbox;

import java.util.List;

/** One page of a member's inbox, newest first; {@code total} counts every alert of the inbox that the filter admits. */
public record InboxPage(List<InboxAlert> alerts, int page, int size, long total) {

    public InboxPage {
        alerts = List.copyOf(alerts);
    }
}
