package org.ewn.command.alert;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.alert.AcknowledgeAlert;
import org.ewn.api.alert.AlertAcknowledged;
import org.ewn.api.alert.AlertId;
import org.ewn.command.submission.Admitted;
import org.ewn.command.submission.Conflicts;
import org.ewn.command.submission.Receipts;
import org.springframework.stereotype.Service;

/**
 * Turns an admitted {@code alert.acknowledge} submission into an {@link AcknowledgeAlert}, and answers from the
 * recorded acknowledgement, so that a repeat gets the same answer and receipt.
 */
@Service
class Acknowledgements {

    private final CommandGateway commands;
    private final EventStore events;
    private final Receipts receipts;

    Acknowledgements(CommandGateway commands, EventStore events, Receipts receipts) {
        this.commands = commands;
        this.events = events;
        this.receipts = receipts;
    }

    Outcome acknowledge(AlertId alertId, Admitted admitted) {
        long sequence;
        try {
            sequence = Conflicts.retried(() -> commands.<Long>sendAndWait(new AcknowledgeAlert(alertId,
                                                                                               admitted.submission())));
        } catch (AggregateNotFoundException e) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "No alert " + alertId);
        }
        AlertAcknowledged recorded = (AlertAcknowledged) events.readEvents(alertId.toString(), sequence).next()
                                                               .getPayload();
        String receipt = receipts.issue(recorded.submission(), alertId.toString(), sequence);
        boolean created = recorded.submission().receivedAt().equals(admitted.submission().receivedAt());
        return new Outcome(new AcknowledgementAccepted(alertId.value(), recorded.submission().submissionId(),
                                                       recorded.member(), recorded.agency(), receipt), created);
    }

    /** @param created false when the acknowledgement had been accepted before */
    record Outcome(AcknowledgementAccepted accepted, boolean created) {
    }
}
