package org.ewn.api.inbox;

/**
 * Where an alert stands for the member whose inbox shows it; an inbox can be filtered by one or more of these.
 * UNACKNOWLEDGED and ACKNOWLEDGED are about the viewing member's own acknowledgement. OVERDUE is an
 * unacknowledged alert past its acknowledgement deadline: for the originator's member, any addressee's. EXPIRED is
 * an alert whose validity has ended.
 */
public enum InboxState { UNACKNOWLEDGED, ACKNOWLEDGED, OVERDUE, WITHDRAWN, EXPIRED }
