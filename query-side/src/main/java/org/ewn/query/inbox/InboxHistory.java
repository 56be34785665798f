package org.ewn.query.inbox;

import org.bson.Document;
import org.ewn.api.inbox.InboxStep;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * An alert's history as one member may see it, in the order of the log. Everyone entitled to the alert sees its
 * raising, follow-ups and withdrawal; acknowledgements as in the inbox (the originator's member sees every one, an
 * addressee its own); an onward-sharing request and its decision only the originator's member and the member that
 * asked.
 */
final class InboxHistory {

    private InboxHistory() {
    }

    static List<InboxStep> of(Document d, MemberCode viewer) {
        long raisedPosition = d.getLong("position");
        AgencyCode originator = new AgencyCode(d.getString("originator"));
        boolean originators = originator.member().equals(viewer);
        List<InboxStep> steps = new ArrayList<>();
        steps.add(InboxStep.raised(raisedPosition, d.getDate("submittedAt").toInstant(), originator,
                                   d.getString("text")));
        Document acknowledgements = InboxDocuments.keyed(d, InboxDocuments.ACKNOWLEDGEMENTS);
        acknowledgements.forEach((member, value) -> {
            if (originators || viewer.value().equals(member)) {
                Document one = (Document) value;
                steps.add(InboxStep.acknowledged(position(one, raisedPosition), at(one), new MemberCode(member),
                                                 agency(one)));
            }
        });
        InboxDocuments.keyed(d, InboxDocuments.ESCALATIONS).forEach((member, value) -> {
            if (originators || viewer.value().equals(member)) {
                Document one = (Document) value;
                steps.add(InboxStep.escalated(one.getLong("position"), at(one), new MemberCode(member)));
            }
        });
        for (Document followUp : InboxDocuments.followUps(d)) {
            steps.add(InboxStep.followedUp(position(followUp, raisedPosition), at(followUp), agency(followUp),
                                           followUp.getInteger("number"), followUp.getString("text")));
        }
        Document withdrawal = d.get(InboxDocuments.WITHDRAWAL, Document.class);
        if (withdrawal != null) {
            steps.add(InboxStep.withdrawn(position(withdrawal, raisedPosition), at(withdrawal), agency(withdrawal),
                                          withdrawal.getString("reason")));
        }
        InboxDocuments.keyed(d, InboxDocuments.SHARING).forEach((requestId, value) ->
                sharing(UUID.fromString(requestId), (Document) value, originators, viewer, steps));
        steps.sort(Comparator.comparingLong(InboxStep::position).thenComparing(InboxStep::at)
                .thenComparing(InboxStep::kind));
        return steps;
    }

    private static void sharing(UUID requestId, Document sharing, boolean originators, MemberCode viewer,
                                List<InboxStep> steps) {
        Document request = sharing.get("request", Document.class);
        if (request != null && (originators || viewer.value().equals(request.getString("member")))) {
            steps.add(InboxStep.sharingRequested(request.getLong("position"), at(request), requestId,
                    new MemberCode(request.getString("member")), agency(request), request.getString("recipients"),
                    request.getString("purpose")));
        }
        Document decision = sharing.get("decision", Document.class);
        if (decision != null && (originators || viewer.value().equals(decision.getString("requester")))) {
            steps.add(InboxStep.sharingDecided(decision.getLong("position"), at(decision), requestId,
                    new MemberCode(decision.getString("requester")), agency(decision),
                    decision.getBoolean("granted"), decision.getString("reason")));
        }
    }

    /** Steps projected before they kept their position came after the raising; their time orders them. */
    private static long position(Document step, long raisedPosition) {
        Number position = step.get("position", Number.class);
        return position == null ? raisedPosition : position.longValue();
    }

    private static Instant at(Document step) {
        return step.getDate("at").toInstant();
    }

    private static AgencyCode agency(Document step) {
        return new AgencyCode(step.getString("agency"));
    }
}
