package org.ewn.command.referral;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.referral.ReferralId;
import org.ewn.api.referral.ReferralStatusChanged;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.command.submission.Admitted;
import org.ewn.command.submission.Conflicts;
import org.ewn.command.submission.Receipts;
import org.springframework.stereotype.Component;

/**
 * Sends the commands of the later steps of a referral and answers from the recorded event, so that a repeated
 * submission gets the same answer and receipt.
 */
@Component
class ReferralSteps {

    private final CommandGateway commands;
    private final EventStore events;
    private final Receipts receipts;

    ReferralSteps(CommandGateway commands, EventStore events, Receipts receipts) {
        this.commands = commands;
        this.events = events;
        this.receipts = receipts;
    }

    Outcome step(ReferralId referralId, Object command, Admitted admitted) {
        long sequence;
        try {
            sequence = Conflicts.retried(() -> commands.<Long>sendAndWait(command));
        } catch (AggregateNotFoundException e) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "No referral " + referralId);
        }
        ReferralStatusChanged recorded = (ReferralStatusChanged) events.readEvents(referralId.toString(), sequence)
                .next().getPayload();
        SignedSubmission submission = recorded.submission();
        StepRecorded answer = new StepRecorded(referralId.value(), submission.submissionId(), submission.type(),
                submission.agency(), recorded.status(), receipts.issue(submission, referralId.toString(), sequence));
        return new Outcome(answer, submission.receivedAt().equals(admitted.submission().receivedAt()));
    }

    /** @param created false when the submission had been accepted before */
    record Outcome(StepRecorded recorded, boolean created) {
    }
}
