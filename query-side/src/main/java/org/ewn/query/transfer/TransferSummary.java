package org.ewn.query.transfer;

import org.ewn.api.transfer.TransferStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * A transfer as a party's member sees it in the list.
 *
 * @param origin       REQUEST (the sender asked the receiver to take the case) or ASK (the receiver asked for it)
 * @param responsible  the agency that holds responsibility for the case now
 * @param formerHolder the sender once the case was handed over, which keeps read access for audit only; else null
 * @param role         SENDER or RECEIVER: the side of the caller's member
 * @param readOnly     whether the caller's member may only read the transfer: the former holder after a handover
 * @param answerBy     when the open step must be answered
 * @param reminded     whether the hub reminded the party that let the deadline pass
 */
record TransferSummary(UUID transferId, String origin, TransferStatus status, String sender, String receiver,
                       String responsible, String formerHolder, String role, boolean readOnly, Instant openedAt,
                       Instant answerBy, boolean reminded) {
}
