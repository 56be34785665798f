package org.ewn.api.transfer;

/**
 * Where a case transfer stands. A sender's request is REQUESTED, then ACCEPTED or REJECTED by the receiver; a
 * receiver's asking is ASKED, then GRANTED or REFUSED by the holder. ACCEPTED and GRANTED end HANDED_OVER, once
 * responsibility has moved. REJECTED, REFUSED and HANDED_OVER are final.
 */
public enum TransferStatus {
    REQUESTED, ASKED, ACCEPTED, GRANTED, REJECTED, REFUSED, HANDED_OVER;

    public boolean isFinal() {
        return this == REJECTED || this == REFUSED || this == HANDED_OVER;
    }

    /** Awaiting the other party's answer, with a deadline. */
    public boolean awaitsAnswer() {
        return this == REQUESTED || this == ASKED;
    }
}
