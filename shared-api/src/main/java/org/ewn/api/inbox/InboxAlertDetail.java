package org.ewn.api.inbox;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;
import java.util.Objects;

/**
 * One alert as a member sees it, with its history. In JSON the alert's fields stand at the top level, as in the
 * inbox, next to {@code history}.
 *
 * @param history what happened to the alert that this member may see, in the order of the log
 */
public record InboxAlertDetail(@JsonUnwrapped InboxAlert alert, List<InboxStep> history) {

    public InboxAlertDetail {
        Objects.requireNonNull(alert, "alert");
        history = List.copyOf(history);
    }
}
