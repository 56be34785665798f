package org.ewn.api.transfer;

import org.ewn.api.casework.CaseKind;
import org.ewn.api.casework.CaseStatusChanged;
import org.ewn.api.member.AgencyCode;

import java.util.Set;
import java.util.UUID;

/** A transfer event that moves the transfer to a new status; its parties are the sending and receiving agencies. */
public sealed interface TransferStatusChanged extends TransferEvent, CaseStatusChanged
        permits TransferRequested, TransferAsked, TransferAccepted, TransferRejected, TransferGranted, TransferRefused,
                ResponsibilityHandedOver {

    TransferStatus transferStatus();

    @Override
    default CaseKind caseKind() {
        return CaseKind.TRANSFER;
    }

    @Override
    default UUID caseId() {
        return transferId().value();
    }

    @Override
    default String status() {
        return transferStatus().name();
    }

    @Override
    default Set<AgencyCode> parties() {
        return Set.of(sender(), receiver());
    }

    /** When the hub accepted the step's submission. */
    @Override
    default java.time.Instant at() {
        return submission().receivedAt();
    }
}
