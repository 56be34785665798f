package org.ewn.command.alert;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ewn.access.Directory;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.RaiseAlert;
import org.ewn.api.member.MemberCode;
import org.ewn.command.submission.Submission;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Turns an admitted submission into a {@link RaiseAlert}. A submission id is the alert's id, so a
 * repeated submission meets the existing alert: the same content gets the original answer, other
 * content is refused.
 */
@Service
class AlertSubmissions {

    private final CommandGateway commands;
    private final EventStore events;
    private final Directory directory;

    AlertSubmissions(CommandGateway commands, EventStore events, Directory directory) {
        this.commands = commands;
        this.events = events;
        this.directory = directory;
    }

    Outcome raise(Submission submission, RaiseAlertRequest request) {
        AlertId alertId = new AlertId(submission.submissionId());
        RaiseAlert command = new RaiseAlert(alertId, submission.agency(), addressees(request), request.precedence(),
                request.category(), request.title(), request.text(), submission.receivedAt(), submission.contentHash());
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            if (!isConflict(e)) {
                throw e;
            }
            // the alert exists: this submission was accepted before, or its id was used for another alert
            return repeated(submission, raised(alertId).orElseThrow(() -> e));
        }
        return new Outcome(accepted(submission, command.addressees()), true);
    }

    private SortedSet<MemberCode> addressees(RaiseAlertRequest request) {
        Set<MemberCode> known = directory.memberCodes();
        boolean listed = request.addressees() != null && !request.addressees().isEmpty();
        if (request.toAllMembers() == listed) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400,
                    "Address the alert either to all members (allMembers: true) or to a list of addressees, not both");
        }
        if (request.toAllMembers()) {
            return new TreeSet<>(known);
        }
        SortedSet<MemberCode> addressees = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String code : request.addressees()) {
            MemberCode member = MemberCode.of(code);
            if (!known.contains(member)) {
                unknown.add(code);
            }
            addressees.add(member);
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemTypes.UNKNOWN_ADDRESSEE, 422,
                    "Not members of the network: " + String.join(", ", unknown));
        }
        return addressees;
    }

    private Outcome repeated(Submission submission, AlertRaised original) {
        if (!original.contentHash().equals(submission.contentHash())
                || !original.originator().equals(submission.agency())) {
            throw new ProblemException(ProblemTypes.REPLAYED_SUBMISSION, 409,
                    "Submission id " + submission.submissionId() + " was already used for different content; "
                            + "use a new submission id for a new alert");
        }
        return new Outcome(accepted(submission, original.addressees()), false);
    }

    private Optional<AlertRaised> raised(AlertId alertId) {
        try (var stream = events.readEvents(alertId.toString()).asStream()) {
            return stream.map(DomainEventMessage::getPayload)
                    .filter(AlertRaised.class::isInstance).map(AlertRaised.class::cast).findFirst();
        }
    }

    private static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    private static AlertAccepted accepted(Submission submission, java.util.Collection<MemberCode> addressees) {
        return new AlertAccepted(submission.submissionId(), submission.submissionId(), submission.agency(),
                List.copyOf(addressees));
    }

    /** @param created false when the submission had been accepted before */
    record Outcome(AlertAccepted accepted, boolean created) {
    }
}
