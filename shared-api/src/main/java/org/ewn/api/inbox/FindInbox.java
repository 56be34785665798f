package org.ewn.api.inbox;

import org.ewn.api.member.MemberCode;

import java.util.Objects;

/**
 * Which alerts in this member's inbox (or, for {@link InboxBox#SENT}, among those it raised) match the filter? Newest
 * first, one page at a time.
 */
public record FindInbox(MemberCode member, InboxBox box, InboxFilter filter, int page, int size) {

    public static final int MAX_PAGE_SIZE = 200;

    public FindInbox {
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(filter, "filter");
        if (page < 0) {
            throw new IllegalArgumentException("page must not be negative");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** The alerts addressed to the member that match the filter. */
    public FindInbox(MemberCode member, InboxFilter filter, int page, int size) {
        this(member, InboxBox.RECEIVED, filter, page, size);
    }

    /** The whole inbox, unfiltered. */
    public FindInbox(MemberCode member, int page, int size) {
        this(member, InboxFilter.ALL, page, size);
    }
}
