package org.ewn.api.transfer;

import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;

/**
 * Everything that can happen to a case transfer. The family is sealed and every member dispatches to its own method
 * of {@link Cases}, so a projection that implements {@code Cases} fails to compile until it handles a new event.
 */
public sealed interface TransferEvent
        permits TransferStatusChanged, TransferAnswerOverdue {

    TransferId transferId();

    /** The agency that holds the case until the handover. */
    AgencyCode sender();

    /** The agency that takes the case over. */
    AgencyCode receiver();

    /** The signed submission this event was born of; null for the hub's own steps. */
    SignedSubmission submission();

    <R> R dispatch(Cases<R> cases);

    /** One method per kind of transfer event. */
    interface Cases<R> {

        R requested(TransferRequested event);

        R asked(TransferAsked event);

        R accepted(TransferAccepted event);

        R rejected(TransferRejected event);

        R granted(TransferGranted event);

        R refused(TransferRefused event);

        R handedOver(ResponsibilityHandedOver event);

        R overdue(TransferAnswerOverdue event);
    }
}
