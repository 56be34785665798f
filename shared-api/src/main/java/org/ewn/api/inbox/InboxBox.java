package org.ewn.api.inbox;

/** Which of a member's alerts an inbox query looks at. */
public enum InboxBox {
    /** The alerts addressed to the member. */
    RECEIVED,
    /** The alerts the member's agencies raised, whoever they went to. */
    SENT
}
