package org.ewn.api.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * Reminds the party that has not answered by the deadline. Sent by the hub's deadline watch, possibly by several
 * nodes at once: the transfer records one reminder and ignores the rest.
 */
public record RemindOverdueTransfer(@TargetAggregateIdentifier TransferId transferId, Instant now) {

    public RemindOverdueTransfer {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(now, "now");
    }
}
