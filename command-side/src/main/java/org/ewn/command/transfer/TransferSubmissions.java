package org.ewn.command.transfer;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.subject.DataKind;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.api.transfer.AcceptTransfer;
import org.ewn.api.transfer.AskForTransfer;
import org.ewn.api.transfer.GrantTransfer;
import org.ewn.api.transfer.RefuseTransfer;
import org.ewn.api.transfer.RejectTransfer;
import org.ewn.api.transfer.RequestTransfer;
import org.ewn.api.transfer.TransferEvent;
import org.ewn.api.transfer.TransferId;
import org.ewn.api.transfer.TransferStatusChanged;
import org.ewn.command.subject.PersonalDataIntake;
import org.ewn.command.subject.ProtectedDataBody;
import org.ewn.command.submission.Admitted;
import org.ewn.command.submission.Conflicts;
import org.ewn.command.submission.KeyedSubmission;
import org.ewn.command.submission.Receipts;
import org.ewn.command.submission.Repeats;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Turns admitted transfer submissions into commands and answers from the recorded event, so that a repeated
 * submission gets the same answer and receipt. The submission id of the request or asking is the transfer's id.
 */
@Service
@EnableConfigurationProperties(TransferProperties.class)
class TransferSubmissions {

    private final CommandGateway commands;
    private final EventStore events;
    private final Receipts receipts;
    private final PersonalDataIntake intake;
    private final SealedSummaries summaries;
    private final TransferProperties properties;

    TransferSubmissions(CommandGateway commands, EventStore events, Receipts receipts, PersonalDataIntake intake,
                        SealedSummaries summaries, TransferProperties properties) {
        this.commands = commands;
        this.events = events;
        this.receipts = receipts;
        this.intake = intake;
        this.summaries = summaries;
        this.properties = properties;
    }

    Outcome request(Admitted admitted, TransferBodies.Request body, KeyedSubmission keys) {
        SignedSubmission submission = admitted.submission();
        AgencyCode receiver = summaries.party(body.receiver(), "receiver");
        return open(admitted, body.subject(), keys, body.sealedSummary(), submission.agency(), receiver,
                (sealed, subjects) -> new RequestTransfer(new TransferId(submission.submissionId()), receiver, sealed,
                        subjects, answerBy(submission), submission));
    }

    Outcome ask(Admitted admitted, TransferBodies.Ask body, KeyedSubmission keys) {
        SignedSubmission submission = admitted.submission();
        AgencyCode holder = summaries.party(body.holder(), "holder");
        return open(admitted, body.subject(), keys, body.sealedSummary(), holder, submission.agency(),
                (sealed, subjects) -> new AskForTransfer(new TransferId(submission.submissionId()), holder, sealed,
                        subjects, answerBy(submission), submission));
    }

    Outcome accept(TransferId id, Admitted admitted) {
        return step(id, new AcceptTransfer(id, admitted.submission()), admitted);
    }

    Outcome reject(TransferId id, String reason, Admitted admitted) {
        return step(id, new RejectTransfer(id, reason, admitted.submission()), admitted);
    }

    Outcome grant(TransferId id, Admitted admitted) {
        return step(id, new GrantTransfer(id, admitted.submission()), admitted);
    }

    Outcome refuse(TransferId id, String reason, Admitted admitted) {
        return step(id, new RefuseTransfer(id, reason, admitted.submission()), admitted);
    }

    private Instant answerBy(SignedSubmission submission) {
        return submission.receivedAt().plus(properties.answerWithin());
    }

    private Outcome open(Admitted admitted, ProtectedDataBody subject, KeyedSubmission keys,
                         com.fasterxml.jackson.databind.JsonNode sealedSummary, AgencyCode sender, AgencyCode receiver,
                         Opening opening) {
        SignedSubmission submission = admitted.submission();
        TransferId id = new TransferId(submission.submissionId());
        if (sender.member().equals(receiver.member())) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "A transfer moves a case across a border: "
                    + sender + " and " + receiver + " are agencies of the same member");
        }
        PersonalDataIntake.Checked personalData = intake.check(subject == null ? List.of() : List.of(subject), keys);
        String sealed = summaries.sealed(sealedSummary, sender, receiver, submission.receivedAt());
        Object command = opening.command(sealed, personalData.subjects());
        personalData.keep(DataKind.CASE_TRANSFER, submission.agency().member(), submission.receivedAt());
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            if (!Conflicts.isConflict(e)) {
                throw e;
            }
            // the transfer exists: this submission was accepted before, or its id was used for another one
            TransferStatusChanged original = recorded(id, 0);
            Repeats.mustRepeat(original.submission(), submission);
            return new Outcome(answer(id, 0, original), false);
        }
        return new Outcome(answer(id, 0, recorded(id, 0)), true);
    }

    private Outcome step(TransferId id, Object command, Admitted admitted) {
        long sequence;
        try {
            sequence = Conflicts.retried(() -> commands.<Long>sendAndWait(command));
        } catch (AggregateNotFoundException e) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "No transfer " + id);
        }
        TransferStatusChanged recorded = recorded(id, sequence);
        boolean created = recorded.submission().receivedAt().equals(admitted.submission().receivedAt());
        return new Outcome(answer(id, sequence, recorded), created);
    }

    private TransferStatusChanged recorded(TransferId id, long sequence) {
        TransferEvent event = (TransferEvent) events.readEvents(id.toString(), sequence).next().getPayload();
        return (TransferStatusChanged) event;
    }

    private StepRecorded answer(TransferId id, long sequence, TransferStatusChanged recorded) {
        SignedSubmission submission = recorded.submission();
        return new StepRecorded(id.value(), submission.submissionId(), submission.type(), recorded.sender(),
                recorded.receiver(), recorded.status(), receipts.issue(submission, id.toString(), sequence));
    }

    /** The command that opens a transfer, once its summary and personal data are checked. */
    @FunctionalInterface
    private interface Opening {
        Object command(String sealedSummary, List<org.ewn.api.subject.ProtectedData> subjects);
    }

    /** @param created false when the submission had been accepted before */
    record Outcome(StepRecorded accepted, boolean created) {
    }
}
