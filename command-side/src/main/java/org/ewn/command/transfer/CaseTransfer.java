package org.ewn.command.transfer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.api.transfer.AcceptTransfer;
import org.ewn.api.transfer.AskForTransfer;
import org.ewn.api.transfer.CompleteHandover;
import org.ewn.api.transfer.GrantTransfer;
import org.ewn.api.transfer.RefuseTransfer;
import org.ewn.api.transfer.RejectTransfer;
import org.ewn.api.transfer.RemindOverdueTransfer;
import org.ewn.api.transfer.RequestTransfer;
import org.ewn.api.transfer.ResponsibilityHandedOver;
import org.ewn.api.transfer.TransferAccepted;
import org.ewn.api.transfer.TransferAnswerOverdue;
import org.ewn.api.transfer.TransferAsked;
import org.ewn.api.transfer.TransferGranted;
import org.ewn.api.transfer.TransferId;
import org.ewn.api.transfer.TransferRefused;
import org.ewn.api.transfer.TransferRejected;
import org.ewn.api.transfer.TransferRequested;
import org.ewn.api.transfer.TransferStatus;
import org.ewn.command.submission.Repeats;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Responsibility for a case on its way from one agency (the sender, which holds it) to another (the receiver), from
 * the sender's request or the receiver's asking until the answer and the handover. Its fields are its snapshot
 * (Jackson, by field), in plain types.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class CaseTransfer {

    @AggregateIdentifier
    private TransferId transferId;
    private String sender;
    private String receiver;
    private TransferStatus status;
    /** Whether the receiver asked for the case, rather than the sender requesting its transfer. */
    private boolean asked;
    private Instant answerBy;
    private boolean reminded;
    /** The ids of the submissions after the first → what was signed and where its event lies. */
    private Map<UUID, Recorded> submissions = new HashMap<>();

    @CommandHandler
    CaseTransfer(RequestTransfer command) {
        AgencyCode sender = command.submission().agency();
        partiesAreOfTwoMembers(sender, command.receiver());
        apply(new TransferRequested(command.transferId(), sender, command.receiver(), command.sealedSummary(),
                command.subjects(), command.answerBy(), command.submission()));
    }

    @CommandHandler
    CaseTransfer(AskForTransfer command) {
        AgencyCode receiver = command.submission().agency();
        partiesAreOfTwoMembers(command.holder(), receiver);
        apply(new TransferAsked(command.transferId(), command.holder(), receiver, command.sealedSummary(),
                command.subjects(), command.answerBy(), command.submission()));
    }

    // Every later step answers with the sequence number of its event, the same when its submission is repeated.

    @CommandHandler
    long handle(AcceptTransfer command) {
        return once(command.submission(), submission -> {
            onlyTheReceiverAnswersARequest(submission, "accept");
            apply(new TransferAccepted(transferId, agency(sender), agency(receiver), submission));
        });
    }

    @CommandHandler
    long handle(RejectTransfer command) {
        return once(command.submission(), submission -> {
            onlyTheReceiverAnswersARequest(submission, "reject");
            apply(new TransferRejected(transferId, agency(sender), agency(receiver), command.reason(), submission));
        });
    }

    @CommandHandler
    long handle(GrantTransfer command) {
        return once(command.submission(), submission -> {
            onlyTheHolderAnswersAnAsking(submission, "grant");
            apply(new TransferGranted(transferId, agency(sender), agency(receiver), submission));
        });
    }

    @CommandHandler
    long handle(RefuseTransfer command) {
        return once(command.submission(), submission -> {
            onlyTheHolderAnswersAnAsking(submission, "refuse");
            apply(new TransferRefused(transferId, agency(sender), agency(receiver), command.reason(), submission));
        });
    }

    /** The handover saga asks, perhaps more than once; responsibility moves once, after an acceptance or grant. */
    @CommandHandler
    void handle(CompleteHandover command) {
        if (status == TransferStatus.ACCEPTED || status == TransferStatus.GRANTED) {
            apply(new ResponsibilityHandedOver(transferId, agency(sender), agency(receiver), command.now()));
        }
    }

    /** The deadline watch asks on every node that sees the deadline pass; the transfer reminds once. */
    @CommandHandler
    void handle(RemindOverdueTransfer command) {
        if (status.awaitsAnswer() && !reminded && !command.now().isBefore(answerBy)) {
            AgencyCode awaited = agency(status == TransferStatus.REQUESTED ? receiver : sender);
            apply(new TransferAnswerOverdue(transferId, agency(sender), agency(receiver), awaited, answerBy,
                    command.now()));
        }
    }

    private long once(SignedSubmission submission, Consumer<SignedSubmission> decide) {
        Recorded recorded = submissions.get(submission.submissionId());
        if (recorded != null) {
            return sameSubmissionAgain(recorded, submission);
        }
        decide.accept(submission);
        return submissions.get(submission.submissionId()).sequence();
    }

    private static void partiesAreOfTwoMembers(AgencyCode sender, AgencyCode receiver) {
        if (sender.member().equals(receiver.member())) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "A transfer moves a case across a border: "
                    + sender + " and " + receiver + " are agencies of the same member");
        }
    }

    private void onlyTheReceiverAnswersARequest(SignedSubmission submission, String action) {
        onlyAParty(submission);
        if (asked) {
            throw new ProblemException(ProblemTypes.INVALID_STATE, 409, "Transfer " + transferId + " was asked for by "
                    + receiver + "; the holder grants or refuses it, no one accepts or rejects it");
        }
        onlyWhileOpen(TransferStatus.REQUESTED);
        onlyThisParty(submission, receiver, action);
    }

    private void onlyTheHolderAnswersAnAsking(SignedSubmission submission, String action) {
        onlyAParty(submission);
        if (!asked) {
            throw new ProblemException(ProblemTypes.INVALID_STATE, 409, "Transfer " + transferId + " was requested by "
                    + sender + "; the receiver accepts or rejects it, no one grants or refuses it");
        }
        onlyWhileOpen(TransferStatus.ASKED);
        onlyThisParty(submission, sender, action);
    }

    /** For the agencies of any other member, the transfer does not exist. */
    private void onlyAParty(SignedSubmission submission) {
        String member = submission.agency().member().value();
        if (!member.equals(agency(sender).member().value()) && !member.equals(agency(receiver).member().value())) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "No transfer " + transferId);
        }
    }

    private void onlyWhileOpen(TransferStatus expected) {
        if (status != expected) {
            throw new ProblemException(ProblemTypes.INVALID_STATE, 409, "Transfer " + transferId + " is " + status
                    + (status.isFinal() ? ", which is final" : ", no longer " + expected));
        }
    }

    private void onlyThisParty(SignedSubmission submission, String party, String action) {
        if (!submission.agency().value().equals(party)) {
            throw new ProblemException(ProblemTypes.NOT_THE_PARTY, 403, "Only " + party + " may " + action
                    + " transfer " + transferId + "; " + submission.agency() + " may not");
        }
    }

    private static long sameSubmissionAgain(Recorded recorded, SignedSubmission submission) {
        Repeats.mustRepeat(recorded.contentHash(), submission);
        return recorded.sequence();
    }

    private static AgencyCode agency(String code) {
        return new AgencyCode(code);
    }

    @EventSourcingHandler
    void on(TransferRequested event) {
        opened(event.transferId(), event.sender(), event.receiver(), TransferStatus.REQUESTED, event.answerBy());
    }

    @EventSourcingHandler
    void on(TransferAsked event) {
        opened(event.transferId(), event.sender(), event.receiver(), TransferStatus.ASKED, event.answerBy());
    }

    private void opened(TransferId id, AgencyCode sender, AgencyCode receiver, TransferStatus status, Instant by) {
        this.transferId = id;
        this.sender = sender.value();
        this.receiver = receiver.value();
        this.status = status;
        this.asked = status == TransferStatus.ASKED;
        this.answerBy = by;
    }

    @EventSourcingHandler
    void on(TransferAccepted event, @SequenceNumber long sequence) {
        answered(TransferStatus.ACCEPTED, event.submission(), sequence);
    }

    @EventSourcingHandler
    void on(TransferRejected event, @SequenceNumber long sequence) {
        answered(TransferStatus.REJECTED, event.submission(), sequence);
    }

    @EventSourcingHandler
    void on(TransferGranted event, @SequenceNumber long sequence) {
        answered(TransferStatus.GRANTED, event.submission(), sequence);
    }

    @EventSourcingHandler
    void on(TransferRefused event, @SequenceNumber long sequence) {
        answered(TransferStatus.REFUSED, event.submission(), sequence);
    }

    @EventSourcingHandler
    void on(ResponsibilityHandedOver event) {
        status = TransferStatus.HANDED_OVER;
    }

    @EventSourcingHandler
    void on(TransferAnswerOverdue event) {
        reminded = true;
    }

    private void answered(TransferStatus status, SignedSubmission submission, long sequence) {
        this.status = status;
        submissions.put(submission.submissionId(), new Recorded(submission.contentHash(), sequence));
    }

    /** A submission as it was first accepted. */
    record Recorded(String contentHash, long sequence) {
    }

    // for Axon
    CaseTransfer() {
    }
}
