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
import org.ewn.api.alert.AlertEscalated;
import org.ewn.api.alert.AlertFollowedUp;
import org.ewn.api.alert.EscalateAlert;
import org.ewn.api.alert.AlertWithdrawn;
import org.ewn.api.alert.DecideOnwardSharing;
import org.ewn.api.alert.FollowUpAlert;
import org.ewn.api.alert.OnwardSharingDecided;
import org.ewn.api.alert.OnwardSharingRequested;
import org.ewn.api.alert.RequestOnwardSharing;
import org.ewn.api.alert.RaiseAlert;
import org.ewn.api.alert.WithdrawAlert;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.command.submission.Repeats;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

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
    private Instant validUntil;
    private Instant acknowledgeBy;
    private Set<String> escalated = new HashSet<>();
    private int followUps;
    /** Whether the alert's text is sealed: its follow-ups must then be sealed too. */
    private boolean sealed;
    /** Open onward-sharing requests (their submission ids) → the requesting member. */
    private Map<UUID, String> openSharingRequests = new HashMap<>();
    private Set<UUID> decidedSharingRequests = new HashSet<>();
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
                command.precedence(), command.category(), command.title(), command.text(), command.sealed(), command.details(),
                command.subjects(), command.acknowledgeBy(), command.submission()));
    }

    // Every later step answers with the sequence number of its event, the same when its submission is repeated.

    @CommandHandler
    long handle(AcknowledgeAlert command) {
        return once(command.submission(), submission -> {
            MemberCode member = submission.agency().member();
            onlyAddresseesMayAcknowledge(member);
            cannotActOnAWithdrawnAlert();
            cannotActOnAnExpiredAlert(submission);
            eachAddresseeAcknowledgesOnce(member);
            apply(new AlertAcknowledged(alertId, member, submission.agency(), submission));
        });
    }

    @CommandHandler
    long handle(WithdrawAlert command) {
        return once(command.submission(), submission -> {
            onlyTheOriginator(submission, "withdraw");
            cannotActOnAWithdrawnAlert();
            apply(new AlertWithdrawn(alertId, submission.agency(), command.reason(), submission));
        });
    }

    @CommandHandler
    long handle(FollowUpAlert command) {
        return once(command.submission(), submission -> {
            onlyTheOriginator(submission, "follow it up");
            cannotActOnAWithdrawnAlert();
            cannotActOnAnExpiredAlert(submission);
            if (sealed && command.sealed() == null) {
                throw new ProblemException(ProblemTypes.SEALED_FOR_OTHERS, 422, "The alert's text is sealed for its "
                        + "addressees; seal the follow-up for them too rather than send it in the clear");
            }
            apply(new AlertFollowedUp(alertId, followUps + 1, submission.agency(), command.text(), command.sealed(),
                    submission));
        });
    }

    @CommandHandler
    long handle(RequestOnwardSharing command) {
        return once(command.submission(), submission -> {
            MemberCode member = submission.agency().member();
            onlyAddresseesMayAcknowledge(member);
            cannotActOnAWithdrawnAlert();
            apply(new OnwardSharingRequested(alertId, submission.submissionId(), member, submission.agency(),
                                             command.recipients(), command.purpose(), submission));
        });
    }

    @CommandHandler
    long handle(DecideOnwardSharing command) {
        return once(command.submission(), submission -> {
            onlyTheOriginator(submission, "decide on sharing it");
            String requester = requestToDecide(command.requestId());
            apply(new OnwardSharingDecided(alertId, command.requestId(), new MemberCode(requester), command.granted(),
                                           command.reason(), submission.agency(), submission));
        });
    }

    /**
     * The hub's deadline watch asks on every node that sees the deadline pass; the alert escalates once per
     * addressee that has not acknowledged, and ignores the asking otherwise.
     */
    @CommandHandler
    void handle(EscalateAlert command) {
        String member = command.member().value();
        if (addressees.contains(member) && !acknowledged.containsKey(member) && !escalated.contains(member)
            && withdrawnAt == null && !command.now().isBefore(acknowledgeBy) && !expiredBefore(acknowledgeBy)) {
            apply(new AlertEscalated(alertId, command.member(), acknowledgeBy, command.now()));
        }
    }

    private boolean expiredBefore(Instant deadline) {
        return validUntil != null && validUntil.isBefore(deadline);
    }

    private long once(SignedSubmission submission, Consumer<SignedSubmission> decide) {
        Recorded recorded = submissions.get(submission.submissionId());
        if (recorded != null) {
            return sameSubmissionAgain(recorded, submission);
        }
        decide.accept(submission);
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
                    + " is not addressed to " + member + "; only its addressees may do that");
        }
    }

    /** Addressees may learn who raised it; anyone else, as for acknowledging, learns nothing. */
    private void onlyTheOriginator(SignedSubmission submission, String action) {
        if (submission.agency().value().equals(originator)) {
            return;
        }
        String member = submission.agency().member().value();
        if (!addressees.contains(member) && !member.equals(originatorMember)) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "No alert " + alertId);
        }
        throw new ProblemException(ProblemTypes.NOT_THE_ORIGINATOR, 403, "Only " + originator
                + ", which raised alert " + alertId + ", may " + action);
    }

    private void cannotActOnAWithdrawnAlert() {
        if (withdrawnAt != null) {
            throw new ProblemException(ProblemTypes.WITHDRAWN, 409, "Alert " + alertId + " was withdrawn at "
                    + withdrawnAt);
        }
    }

    /** The hub's receipt time decides: an agency cannot back-date its way past the end of validity. */
    private void cannotActOnAnExpiredAlert(SignedSubmission submission) {
        if (validUntil != null && submission.receivedAt().isAfter(validUntil)) {
            throw new ProblemException(ProblemTypes.EXPIRED, 409, "Alert " + alertId + " expired at " + validUntil);
        }
    }

    private String requestToDecide(UUID requestId) {
        if (decidedSharingRequests.contains(requestId)) {
            throw new ProblemException(ProblemTypes.INVALID_STATE, 409, "Sharing request " + requestId
                    + " of alert " + alertId + " is already decided");
        }
        String requester = openSharingRequests.get(requestId);
        if (requester == null) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "Alert " + alertId + " has no sharing request "
                    + requestId);
        }
        return requester;
    }

    private void eachAddresseeAcknowledgesOnce(MemberCode member) {
        Instant when = acknowledged.get(member.value());
        if (when != null) {
            throw new ProblemException(ProblemTypes.ALREADY_ACKNOWLEDGED, 409, member
                    + " already acknowledged alert " + alertId + " at " + when);
        }
    }

    private static long sameSubmissionAgain(Recorded recorded, SignedSubmission submission) {
        Repeats.mustRepeat(recorded.contentHash(), submission);
        return recorded.sequence();
    }

    @EventSourcingHandler
    void on(AlertRaised event) {
        sealed = event.sealed() != null;
        alertId = event.alertId();
        originator = event.originator().value();
        originatorMember = event.originator().member().value();
        validUntil = event.details() == null ? null : event.details().validUntil();
        acknowledgeBy = event.acknowledgeBy();
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

    @EventSourcingHandler
    void on(AlertEscalated event) {
        escalated.add(event.member().value());
    }

    @EventSourcingHandler
    void on(AlertFollowedUp event, @SequenceNumber long sequence) {
        followUps = event.number();
        record(event.submission(), sequence);
    }

    @EventSourcingHandler
    void on(OnwardSharingRequested event, @SequenceNumber long sequence) {
        openSharingRequests.put(event.requestId(), event.member().value());
        record(event.submission(), sequence);
    }

    @EventSourcingHandler
    void on(OnwardSharingDecided event, @SequenceNumber long sequence) {
        openSharingRequests.remove(event.requestId());
        decidedSharingRequests.add(event.requestId());
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
