package org.ewn.command.alert;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.alert.AcknowledgeAlert;
import org.ewn.api.alert.AlertAcknowledged;
import org.ewn.api.alert.AlertEvent;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertWithdrawn;
import org.ewn.api.alert.DecideOnwardSharing;
import org.ewn.api.alert.FollowUpAlert;
import org.ewn.api.alert.RequestOnwardSharing;
import org.ewn.api.alert.WithdrawAlert;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.command.submission.Admitted;
import org.ewn.command.submission.Conflicts;
import org.ewn.command.submission.Receipts;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * Turns admitted submissions about an existing alert (acknowledgements, withdrawals) into commands, and answers from
 * the recorded event, so that a repeated submission gets the same answer and receipt.
 */
@Service
class AlertSteps {

    private final CommandGateway commands;
    private final EventStore events;
    private final Receipts receipts;

    AlertSteps(CommandGateway commands, EventStore events, Receipts receipts) {
        this.commands = commands;
        this.events = events;
        this.receipts = receipts;
    }

    Outcome<AcknowledgementAccepted> acknowledge(AlertId alertId, Admitted admitted) {
        long sequence = send(alertId, new AcknowledgeAlert(alertId, admitted.submission()));
        AlertAcknowledged recorded = recorded(alertId, sequence, AlertAcknowledged.class);
        return outcome(admitted, recorded.submission(), new AcknowledgementAccepted(alertId.value(),
                recorded.submission().submissionId(), recorded.member(), recorded.agency(),
                receipts.issue(recorded.submission(), alertId.toString(), sequence)));
    }

    Outcome<WithdrawalAccepted> withdraw(AlertId alertId, String reason, Admitted admitted) {
        long sequence = send(alertId, new WithdrawAlert(alertId, reason, admitted.submission()));
        AlertWithdrawn recorded = recorded(alertId, sequence, AlertWithdrawn.class);
        return outcome(admitted, recorded.submission(), new WithdrawalAccepted(alertId.value(),
                recorded.submission().submissionId(), recorded.agency(), recorded.reason(),
                receipts.issue(recorded.submission(), alertId.toString(), sequence)));
    }

    Outcome<StepAccepted> followUp(AlertId alertId, String text, String sealed, Admitted admitted) {
        return step(alertId, new FollowUpAlert(alertId, sealed == null ? text : null, sealed, admitted.submission()),
                admitted);
    }

    /** Whom the alert was raised for, as its first event says. */
    java.util.List<org.ewn.api.member.MemberCode> addressees(AlertId alertId) {
        try (var stream = events.readEvents(alertId.toString()).asStream()) {
            return stream.map(e -> e.getPayload()).filter(org.ewn.api.alert.AlertRaised.class::isInstance)
                    .map(e -> ((org.ewn.api.alert.AlertRaised) e).addressees()).findFirst()
                    .orElseThrow(() -> new ProblemException(ProblemTypes.NOT_FOUND, 404, "No alert " + alertId));
        }
    }

    Outcome<StepAccepted> requestSharing(AlertId alertId, String recipients, String purpose, Admitted admitted) {
        return step(alertId, new RequestOnwardSharing(alertId, recipients, purpose, admitted.submission()), admitted);
    }

    Outcome<StepAccepted> decideSharing(AlertId alertId, UUID requestId, boolean granted, String reason,
                                        Admitted admitted) {
        return step(alertId, new DecideOnwardSharing(alertId, requestId, granted, reason, admitted.submission()),
                    admitted);
    }

    private Outcome<StepAccepted> step(AlertId alertId, Object command, Admitted admitted) {
        long sequence = send(alertId, command);
        SignedSubmission recorded = recorded(alertId, sequence, AlertEvent.class).submission();
        return outcome(admitted, recorded, new StepAccepted(alertId.value(), recorded.submissionId(),
                recorded.type(), recorded.agency(), receipts.issue(recorded, alertId.toString(), sequence)));
    }

    private long send(AlertId alertId, Object command) {
        try {
            return Conflicts.retried(() -> commands.<Long>sendAndWait(command));
        } catch (AggregateNotFoundException e) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "No alert " + alertId);
        }
    }

    private <E extends AlertEvent> E recorded(AlertId alertId, long sequence, Class<E> type) {
        return type.cast(events.readEvents(alertId.toString(), sequence).next().getPayload());
    }

    /** A new submission was received now; a repeat was recorded when it first came. */
    private static <A> Outcome<A> outcome(Admitted admitted, SignedSubmission recorded, A accepted) {
        return new Outcome<>(accepted, recorded.receivedAt().equals(admitted.submission().receivedAt()));
    }

    /** @param created false when the submission had been accepted before */
    record Outcome<A>(A accepted, boolean created) {
    }
}
