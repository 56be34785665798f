package org.ewn.command.alert;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.alert.AlertDetails;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertStatus;
import org.ewn.api.alert.AttachmentReference;
import org.ewn.api.alert.HandlingMarking;
import org.ewn.api.alert.OriginatorRestrictions;
import org.ewn.api.alert.SourceReliability;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.RaiseAlert;
import org.ewn.api.member.GroupCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.api.subject.DataKind;
import org.ewn.command.subject.PersonalDataIntake;
import org.ewn.command.submission.Admitted;
import org.ewn.command.submission.KeyedSubmission;
import org.ewn.command.submission.Conflicts;
import org.ewn.command.submission.Receipts;
import org.ewn.command.submission.Repeats;
import org.ewn.command.submission.TrustRegistry;
import org.ewn.trust.NetworkMembership;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns an admitted submission into a {@link RaiseAlert}. A submission id is the alert's id, so a repeated submission
 * meets the existing alert: the same signed content gets the original answer and receipt, other content is refused.
 */
@Service
@EnableConfigurationProperties(AlertProperties.class)
class AlertSubmissions {

    private final CommandGateway commands;
    private final EventStore events;
    private final TrustRegistry registry;
    private final Receipts receipts;
    private final AlertProperties properties;
    private final PersonalDataIntake intake;
    private final SealedTexts sealedTexts;

    AlertSubmissions(CommandGateway commands, EventStore events, TrustRegistry registry, Receipts receipts,
                     AlertProperties properties, PersonalDataIntake intake, SealedTexts sealedTexts) {
        this.intake = intake;
        this.sealedTexts = sealedTexts;
        this.commands = commands;
        this.events = events;
        this.registry = registry;
        this.receipts = receipts;
        this.properties = properties;
    }

    Outcome raise(Admitted admitted, RaiseAlertBody body, KeyedSubmission keys) {
        SignedSubmission submission = admitted.submission();
        AlertId alertId = new AlertId(submission.submissionId());
        PersonalDataIntake.Checked personalData = intake.check(body.subjects(), keys);
        SortedSet<MemberCode> addressees = addressees(body);
        String sealed = sealedTexts.check(body.sealed(), body.text(), addressees, submission);
        RaiseAlert command = new RaiseAlert(alertId, submission.agency(), addressees, body.precedence(),
                body.category(), body.title(), body.text(), sealed, details(body, submission), personalData.subjects(),
                submission.receivedAt().plus(properties.acknowledgeWithin(body.precedence())), submission);
        personalData.keep(DataKind.ALERT, submission.agency().member(), submission.receivedAt());
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            if (!Conflicts.isConflict(e)) {
                throw e;
            }
            // the alert exists: this submission was accepted before, or its id was used for another alert
            return repeated(submission, raised(alertId).orElseThrow(() -> e));
        }
        return new Outcome(accepted(submission, command.addressees()), true);
    }

    /**
     * "All members" becomes the admitted members that are not suspended, and a group its members that are not
     * suspended, so that the event says exactly who. Named members must be admitted and not suspended.
     */
    private SortedSet<MemberCode> addressees(RaiseAlertBody body) {
        NetworkMembership membership = registry.current();
        if (body.toAllMembers() == body.toNamedMembersOrGroups()) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "Address the alert either to all members "
                    + "(allMembers: true) or to addressees and/or groups, not both");
        }
        SortedSet<MemberCode> addressees = new TreeSet<>();
        if (body.toAllMembers()) {
            membership.members().stream().filter(m -> !m.suspended()).forEach(m -> addressees.add(m.code()));
            return addressees;
        }
        List<String> unknown = new ArrayList<>();
        for (String code : body.addressees() == null ? List.<String>of() : body.addressees()) {
            Optional<NetworkMembership.Member> member = parse(code, MemberCode::of).flatMap(membership::member);
            if (member.isEmpty() || member.get().suspended()) {
                unknown.add(code);
            } else {
                addressees.add(member.get().code());
            }
        }
        List<String> unknownGroups = new ArrayList<>();
        for (String code : body.groups() == null ? List.<String>of() : body.groups()) {
            Optional<NetworkMembership.Group> group = parse(code, GroupCode::of).flatMap(membership::group);
            if (group.isEmpty()) {
                unknownGroups.add(code);
            } else {
                group.get().members().stream().map(membership::member).flatMap(Optional::stream)
                     .filter(m -> !m.suspended()).forEach(m -> addressees.add(m.code()));
            }
        }
        if (!unknown.isEmpty() || !unknownGroups.isEmpty()) {
            throw new ProblemException(ProblemTypes.UNKNOWN_ADDRESSEE, 422, unknownAddressees(unknown, unknownGroups));
        }
        if (addressees.isEmpty()) {
            throw new ProblemException(ProblemTypes.UNKNOWN_ADDRESSEE, 422, "Every member of the groups "
                    + String.join(", ", body.groups()) + " is suspended; no one would receive the alert");
        }
        return addressees;
    }

    private static String unknownAddressees(List<String> members, List<String> groups) {
        List<String> parts = new ArrayList<>();
        if (!members.isEmpty()) {
            parts.add("Not members of the network, or suspended: " + String.join(", ", members));
        }
        if (!groups.isEmpty()) {
            parts.add("No such address groups: " + String.join(", ", groups) + " (GET /api/v1/groups lists them)");
        }
        return String.join("; ", parts);
    }

    private static AlertDetails details(RaiseAlertBody body, SignedSubmission submission) {
        RaiseAlertBody.Restrictions restrictions = body.restrictions();
        List<AttachmentReference> attachments = body.attachments() == null ? List.of() : body.attachments().stream()
                .map(a -> new AttachmentReference(a.sha256(), a.name(), a.mediaType(), a.size())).toList();
        return new AlertDetails(
                body.marking() == null ? HandlingMarking.AMBER : body.marking(),
                restrictions == null ? OriginatorRestrictions.NONE : new OriginatorRestrictions(
                        restrictions.purpose(), Boolean.TRUE.equals(restrictions.onwardSharingNeedsPermission())),
                body.reliability() == null ? SourceReliability.X : body.reliability(),
                body.accuracy() == null ? 4 : body.accuracy(),
                body.status() == null ? AlertStatus.ACTUAL : body.status(),
                body.validFrom() == null ? submission.signedAt() : body.validFrom(),
                body.validUntil(), attachments);
    }

    private static <T> Optional<T> parse(String code, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Outcome repeated(SignedSubmission submission, AlertRaised original) {
        Repeats.mustRepeat(original.submission(), submission);
        return new Outcome(accepted(original.submission(), original.addressees()), false);
    }

    private Optional<AlertRaised> raised(AlertId alertId) {
        try (var stream = events.readEvents(alertId.toString()).asStream()) {
            return stream.map(DomainEventMessage::getPayload)
                    .filter(AlertRaised.class::isInstance).map(AlertRaised.class::cast).findFirst();
        }
    }

    /** The answer from what was recorded, so that a repeat gets the very same one. */
    private AlertAccepted accepted(SignedSubmission recorded, Collection<MemberCode> addressees) {
        String receipt = receipts.issue(recorded, recorded.submissionId().toString(), 0);
        return new AlertAccepted(recorded.submissionId(), recorded.submissionId(), recorded.agency(),
                List.copyOf(addressees), receipt);
    }

    /** @param created false when the submission had been accepted before */
    record Outcome(AlertAccepted accepted, boolean created) {
    }
}
