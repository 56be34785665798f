package org.ewn.api.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/**
 * Moves responsibility to the receiver of an accepted or granted transfer. Sent by the hub's handover saga, possibly
 * again after a restart: the transfer hands over once and ignores the rest.
 */
public record CompleteHandover(@TargetAggregateIdentifier TransferId transferId, Instant now) {

    public CompleteHandover {
        Objects.requireNonNull(transferId, "transferId");
        Objects.requireNonNull(now, "now");
    }
}
