package org.ewn.api.inbox;

import org.ewn.api.member.MemberCode;

import java.util.Objects;

/** How has this member's inbox fared over the last {@code days} days (UTC), today included? */
public record FindInboxStatistics(MemberCode member, int days) {

    public static final int DEFAULT_DAYS = 14;
    public static final int MAX_DAYS = 90;

    public FindInboxStatistics {
        Objects.requireNonNull(member, "member");
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1 to " + MAX_DAYS);
        }
    }
}
