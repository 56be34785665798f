package org.ewn.command.subject;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.MemberCode;
import org.ewn.api.subject.EraseSubject;
import org.ewn.api.subject.SubjectErased;
import org.ewn.api.subject.SubjectId;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.command.submission.Admitted;
import org.ewn.command.submission.Receipts;
import org.ewn.command.submission.Repeats;
import org.ewn.command.submission.TrustRegistry;
import org.ewn.protect.SubjectKeyStore;
import org.ewn.trust.NetworkMembership;
import org.ewn.trust.TrustException;
import org.ewn.trust.TrustFailure;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Erases a subject on a signed request: the erasure is recorded first, then every key of the subject is destroyed,
 * so the log never lacks an erasure that happened; should the hub stop in between, {@link KeyShredder} finishes it.
 * The network's administrators may erase anyone; a member's administrator agencies the subjects their member recorded
 * first.
 */
@Service
class SubjectErasures {

    private final CommandGateway commands;
    private final EventStore events;
    private final TrustRegistry registry;
    private final SubjectKeyStore store;
    private final Receipts receipts;

    SubjectErasures(CommandGateway commands, EventStore events, TrustRegistry registry, SubjectKeyStore store,
                    Receipts receipts) {
        this.commands = commands;
        this.events = events;
        this.registry = registry;
        this.store = store;
        this.receipts = receipts;
    }

    Outcome erase(UUID subject, Admitted admitted, ErasureBody body) {
        SignedSubmission submission = admitted.submission();
        if (!body.subject().equals(subject)) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "The signed body erases subject "
                    + body.subject() + ", not " + subject + " of the path");
        }
        SubjectId subjectId = new SubjectId(subject);
        Optional<Recorded> before = recorded(subjectId, submission);
        if (before.isPresent()) {
            return new Outcome(accepted(before.get()), false);
        }
        Optional<MemberCode> owner = store.owner(subject);
        if (owner.isEmpty() && store.erasedAt(subject).isEmpty()) {
            throw new ProblemException(ProblemTypes.NOT_FOUND, 404, "The network holds no personal data of subject "
                    + subject);
        }
        NetworkMembership membership = registry.current();
        boolean entitled = membership.isNetworkAdministrator(submission.agency())
                || owner.map(member -> membership.administers(submission.agency(), member)).orElse(false);
        if (!entitled) {
            throw new TrustException(TrustFailure.NOT_ENTITLED, "Only the network's administrators, or an "
                    + "administrator agency of the member that recorded the subject, may erase it");
        }
        List<String> keys = store.keyIds(subject);
        commands.sendAndWait(new EraseSubject(subjectId, submission.agency(), body.legalBasis(), true, null, keys,
                submission.receivedAt(), submission));
        store.destroyAll(subject, submission.receivedAt());
        return new Outcome(accepted(recorded(subjectId, submission).orElseThrow()), true);
    }

    private Optional<Recorded> recorded(SubjectId subjectId, SignedSubmission submission) {
        try (var stream = events.readEvents(subjectId.toString()).asStream()) {
            return stream.filter(e -> e.getPayload() instanceof SubjectErased erased && erased.submission() != null
                            && erased.submission().submissionId().equals(submission.submissionId()))
                    .findFirst().map(e -> new Recorded((SubjectErased) e.getPayload(), e.getSequenceNumber()))
                    .map(recorded -> {
                        Repeats.mustRepeat(recorded.event().submission(), submission);
                        return recorded;
                    });
        }
    }

    private ErasureAccepted accepted(Recorded recorded) {
        SubjectErased event = recorded.event();
        String receipt = receipts.issue(event.submission(), event.subjectId().toString(), recorded.sequence());
        return new ErasureAccepted(event.subjectId().value(), event.submission().submissionId(), event.erasedBy(),
                event.legalBasis(), event.erasedAt(), event.keyIds().size(), receipt);
    }

    private record Recorded(SubjectErased event, long sequence) {
    }

    /** @param created false when the submission had been accepted before */
    record Outcome(ErasureAccepted accepted, boolean created) {
    }
}
