package org.ewn.command.alert;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.RaiseAlert;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An early warning, from the moment an agency raises it. */
@Aggregate(snapshotTriggerDefinition = "alertSnapshotTrigger")
class Alert {

    @AggregateIdentifier
    private AlertId alertId;

    @CommandHandler
    Alert(RaiseAlert command) {
        mustBeAddressedToSomeone(command);
        mustHaveATitle(command);
        apply(new AlertRaised(command.alertId(), command.originator(), List.copyOf(command.addressees()),
                command.precedence(), command.category(), command.title(), command.text(),
                command.submission()));
    }

    private static void mustBeAddressedToSomeone(RaiseAlert command) {
        if (command.addressees().isEmpty()) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "An alert needs at least one addressee");
        }
    }

    private static void mustHaveATitle(RaiseAlert command) {
        if (command.title() == null || command.title().isBlank()) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "An alert needs a title");
        }
    }

    @EventSourcingHandler
    void on(AlertRaised event) {
        alertId = event.alertId();
    }

    // for Axon
    Alert() {
    }
}
