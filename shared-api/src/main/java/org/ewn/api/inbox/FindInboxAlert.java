package org.ewn.api.inbox;

import org.ewn.api.alert.AlertId;
import org.ewn.api.member.MemberCode;

import java.util.Objects;

/**
 * What does this alert, with its history, look like to this member? Answered with an {@link InboxAlertDetail} only
 * for its addressees and its originator's member.
 */
public record FindInboxAlert(MemberCode member, AlertId alertId) {

    public FindInboxAlert {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(alertId, "alertId");
    }
}
