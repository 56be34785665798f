package org.ewn.command.alert;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.alert.AcknowledgeAlert;
import org.ewn.api.alert.AlertAcknowledged;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.AlertWithdrawn;
import org.ewn.api.alert.RaiseAlert;
import org.ewn.api.alert.WithdrawAlert;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.trust.TrustException;
import org.ewn.trust.TrustFailure;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An early warning, from the moment an agency raises it. Its fields are its snapshot (Jackson, by field), so they
 * hold only what the rules use, in plain types.
 */
@Aggregate(snapshotTriggerDefinition = "alertSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Alert {

    @AggregateIdentifier
    private AlertId alertId;
    private String originator;
    private String originatorMember;
    private Instant withdrawnAt;
    private TreeSet<String> addressees = new TreeSet<>();
    /** Member code → when it acknowledged. */
    private Map<String, Instant> acknowledged = new HashMap<>();
    /** The ids of the submissions after the raising → what was signed and where its event lies. */
    private Map<UUID, Recorded> submissions = new HashMap<>();

    @CommandHandler
    Alert(RaiseAlert command) {
        mustBeAddressedToSomeone(command);
        mustHaveATitle(command);
        apply(new AlertRaised(command.alertId(), command.originator(), List.copyOf(command.addressees()),
                command.precedence(), command.category(), command.title(), command.text(), command.details(),
                command.acknowledgeBy(), command.submission()));
    }

    /** Answers with the sequence number of the acknowledgement's event, the same when it is repeated. */
    @CommandHandler
    long handle(AcknowledgeAlert command) {
        SignedSubmission submission = command.submission();
        Recorded recorded = submissions.get(submission.submissionId());
        if (recorded != null) {
            return sameSubmissionAgain(recorded, submission);
        }
        MemberCode member = submission.agency().member();
        onlyAddresseesMayAcknowledge(member);
        cannotActOnAWithdrawnAlert();
        eachAddresseeAcknowledgesOnce(member);
        apply(new AlertAcknowledged(alertId, member, submission.agency(), submission));
        return submissions.get(submission.submissionId()).sequence();
    }

    /** Answers with the sequence number of the withdrawal's event, the same when it is repeated. */
    @CommandHandler
    long handle(WithdrawAlert command) {
        SignedSubmission submission = command.submission();
        Recorded recorded = submissions.get(submission.submissionId());
        if (recorded != null) {
            return sameSubmissionAgain(recorded, submission);
        }
        onlyTheOriginatorWithdraws(submission);
        cannotActOnAWithdrawnAlert();
        apply(new AlertWithdrawn(alertId, submission.agency(), command.reason(), submission));
        return submissions.get(submission.submissionId()).sequence();
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

    /** Only the originator's member may learn that a non-addressee tried: for others the alert does not exist. */
    private void onlyAddresseesMayAcknowledge(MemberCode member) {
        if (!addressees.contains(member.value()) && !member.value().equals(originatorMember)) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "No alert " + alertId);
        }
        if (!addressees.contains(member.value())) {
            throw new ProblemException(ProblemTypes.NOT_AN_ADDRESSEE, 403, "Alert " + alertId
                    + " is not addressed to " + member + "; only its addressees acknowledge it");
        }
    }

    /** Addressees may learn who raised it; anyone else, as for acknowledging, learns nothing. */
    private void onlyTheOriginatorWithdraws(SignedSubmission submission) {
        if (submission.agency().value().equals(originator)) {
            return;
        }
        String member = submission.agency().member().value();
        if (!addressees.contains(member) && !member.equals(originatorMember)) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "No alert " + alertId);
        }
        throw new ProblemException(ProblemTypes.NOT_THE_ORIGINATOR, 403, "Only " + originator
                + ", which raised alert " + alertId + ", may withdraw it");
    }

    private void cannotActOnAWithdrawnAlert() {
        if (withdrawnAt != null) {
            throw new ProblemException(ProblemTypes.WITHDRAWN, 409, "Alert " + alertId + " was withdrawn at "
                    + withdrawnAt);
        }
    }

    private void eachAddresseeAcknowledgesOnce(MemberCode member) {
        Instant when = acknowledged.get(member.value());
        if (when != null) {
            throw new ProblemException(ProblemTypes.ALREADY_ACKNOWLEDGED, 409, member
                    + " already acknowledged alert " + alertId + " at " + when);
        }
    }

    private static long sameSubmissionAgain(Recorded recorded, SignedSubmission submission) {
        if (!recorded.contentHash().equals(submission.contentHash())) {
            throw new TrustException(TrustFailure.REPLAYED_SUBMISSION, "Submission id " + submission.submissionId()
                    + " was already used for other content; sign a new submission with a new submission id");
        }
        return recorded.sequence();
    }

    @EventSourcingHandler
    void on(AlertRaised event) {
        alertId = event.alertId();
        originator = event.originator().value();
        originatorMember = event.originator().member().value();
        event.addressees().forEach(member -> addressees.add(member.value()));
    }

    @EventSourcingHandler
    void on(AlertAcknowledged event, @SequenceNumber long sequence) {
        acknowledged.put(event.member().value(), event.submission().receivedAt());
        record(event.submission(), sequence);
    }

    @EventSourcingHandler
    void on(AlertWithdrawn event, @SequenceNumber long sequence) {
        withdrawnAt = event.submission().receivedAt();
        record(event.submission(), sequence);
    }

    private void record(SignedSubmission submission, long sequence) {
        submissions.put(submission.submissionId(),
                        new Recorded(submission.contentHash(), sequence, submission.receivedAt()));
    }

    /** A submission as it was first accepted. */
    record Recorded(String contentHash, long sequence, Instant receivedAt) {
    }

    // for Axon
    Alert() {
    }
}
