package org.ewn.query.inbox;

import org.bson.Document;
import org.ewn.api.subject.ProtectedData;
import org.ewn.api.alert.AlertAcknowledged;
import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.AlertEscalated;
import org.ewn.api.alert.AlertFollowedUp;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.AlertWithdrawn;
import org.ewn.api.alert.OnwardSharingDecided;
import org.ewn.api.alert.OnwardSharingRequested;
import org.ewn.api.alert.Precedence;
import org.ewn.api.inbox.AddresseeState;
import org.ewn.api.inbox.InboxAcknowledgement;
import org.ewn.api.inbox.InboxAlert;
import org.ewn.api.inbox.InboxWithdrawal;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/**
 * Maps alerts to and from their documents in the inbox collections. What happens to an alert after it is raised is
 * kept in sub-documents keyed by what makes it unique (acknowledgements and escalations by member, follow-ups by
 * number, onward-sharing requests by request id with the request and its decision apart), so that setting one twice
 * changes nothing and no step overwrites another. Each step keeps the global index of its event, which orders the
 * history.
 */
final class InboxDocuments {

    static final String ACKNOWLEDGEMENTS = "acknowledgements";
    static final String WITHDRAWAL = "withdrawal";
    static final String FOLLOW_UPS = "followUps";
    static final String SHARING = "sharing";
    static final String ESCALATIONS = "escalations";

    /** The fields an alert's raising sets; its acknowledgements are set apart, in whatever order events come. */
    Document raisedFields(AlertRaised raised, long position, Instant raisedAt) {
        return new Document("position", position)
                .append("originator", raised.originator().value())
                .append("addressees", raised.addressees().stream().map(MemberCode::value).toList())
                .append("precedence", raised.precedence().name())
                .append("category", raised.category().name())
                .append("title", raised.title())
                .append("text", raised.text())
                .append("sealed", raised.sealed())
                .append("submittedAt", Date.from(raised.submittedAt()))
                .append("raisedAt", Date.from(raisedAt))
                .append("details", DetailsDocuments.toDocument(raised.details()))
                .append("subjects", raised.subjects().stream().map(s -> new Document("subject", s.subject().toString())
                        .append("keyId", s.keyId()).append("iv", s.iv()).append("ciphertext", s.ciphertext())).toList())
                .append("acknowledgeBy", Date.from(raised.acknowledgeBy()));
    }

    String acknowledgementField(AlertAcknowledged acknowledged) {
        return ACKNOWLEDGEMENTS + "." + acknowledged.member().value();
    }

    Document acknowledgement(AlertAcknowledged acknowledged, long position) {
        return new Document("agency", acknowledged.agency().value())
                .append("at", Date.from(acknowledged.submission().receivedAt()))
                .append("position", position);
    }

    Document withdrawal(AlertWithdrawn withdrawn, long position) {
        return new Document("agency", withdrawn.agency().value())
                .append("reason", withdrawn.reason())
                .append("at", Date.from(withdrawn.submission().receivedAt()))
                .append("position", position);
    }

    String followUpField(AlertFollowedUp followedUp) {
        return FOLLOW_UPS + "." + followedUp.number();
    }

    Document followUp(AlertFollowedUp followedUp, long position) {
        return new Document("number", followedUp.number())
                .append("agency", followedUp.agency().value())
                .append("text", followedUp.text())
                .append("sealed", followedUp.sealed())
                .append("at", Date.from(followedUp.submission().receivedAt()))
                .append("position", position);
    }

    String sharingRequestField(OnwardSharingRequested requested) {
        return SHARING + "." + requested.requestId() + ".request";
    }

    Document sharingRequest(OnwardSharingRequested requested, long position) {
        return new Document("member", requested.member().value())
                .append("agency", requested.agency().value())
                .append("recipients", requested.recipients())
                .append("purpose", requested.purpose())
                .append("at", Date.from(requested.submission().receivedAt()))
                .append("position", position);
    }

    String sharingDecisionField(OnwardSharingDecided decided) {
        return SHARING + "." + decided.requestId() + ".decision";
    }

    Document sharingDecision(OnwardSharingDecided decided, long position) {
        return new Document("requester", decided.requester().value())
                .append("granted", decided.granted())
                .append("reason", decided.reason())
                .append("agency", decided.agency().value())
                .append("at", Date.from(decided.submission().receivedAt()))
                .append("position", position);
    }

    /**
     * The alert as {@code viewer}'s member sees it: the originator's member sees every acknowledgement, an
     * addressee only its own.
     */
    InboxAlert toAlert(Document d, MemberCode viewer, Instant now) {
        List<MemberCode> addressees = d.getList("addressees", String.class).stream().map(MemberCode::new).toList();
        AgencyCode originator = new AgencyCode(d.getString("originator"));
        boolean originators = originator.member().equals(viewer);
        Instant acknowledgeBy = d.getDate("acknowledgeBy").toInstant();
        List<InboxAcknowledgement> acknowledgements = acknowledgements(d, originators ? null : viewer);
        return new InboxAlert(AlertId.of(d.getString("_id")), d.getLong("position"), originator, addressees,
                Precedence.valueOf(d.getString("precedence")), AlertCategory.valueOf(d.getString("category")),
                d.getString("title"), currentText(d), currentSealed(d) != null,
                d.getDate("submittedAt").toInstant(), d.getDate("raisedAt").toInstant(),
                DetailsDocuments.fromDocument(d.get("details", Document.class)), acknowledgeBy, acknowledgements,
                originators ? board(addressees, acknowledgements, acknowledgeBy, now) : List.of(), withdrawal(d));
    }

    /** The sealed text as JSON members, or null. */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> sealed(Document d) {
        String sealed = currentSealed(d);
        return sealed == null ? null : SEALED_JSON.convertValue(org.ewn.seal.SealedContent.parse(sealed).toJsonNode(),
                java.util.Map.class);
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper SEALED_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** The personal data as it was signed: ciphertext, which only the subjects' keys open. */
    List<ProtectedData> subjects(Document d) {
        return d.getList("subjects", Document.class, List.of()).stream().map(s -> new ProtectedData(
                java.util.UUID.fromString(s.getString("subject")), s.getString("keyId"), s.getString("iv"),
                s.getString("ciphertext"))).toList();
    }

    String escalationField(AlertEscalated escalated) {
        return ESCALATIONS + "." + escalated.member().value();
    }

    Document escalation(AlertEscalated escalated, long position) {
        return new Document("deadline", Date.from(escalated.deadline()))
                .append("at", Date.from(escalated.escalatedAt()))
                .append("position", position);
    }

    /** A sub-document keyed by member, number or request id; empty when there is none yet. */
    static Document keyed(Document d, String field) {
        Document keyed = d.get(field, Document.class);
        return keyed == null ? new Document() : keyed;
    }

    /** The latest follow-up's text supersedes the text the alert was raised with. */
    static String currentText(Document d) {
        List<Document> followUps = followUps(d);
        return followUps.isEmpty() ? d.getString("text") : followUps.get(followUps.size() - 1).getString("text");
    }

    /** The current text sealed for the addressees: the latest follow-up's, or the alert's; null if in the clear. */
    static String currentSealed(Document d) {
        List<Document> followUps = followUps(d);
        return followUps.isEmpty() ? d.getString("sealed") : followUps.get(followUps.size() - 1).getString("sealed");
    }

    /** The follow-ups by number, the first first. */
    static List<Document> followUps(Document d) {
        List<Document> found = new ArrayList<>();
        keyed(d, FOLLOW_UPS).values().forEach(followUp -> found.add((Document) followUp));
        found.sort(Comparator.comparingInt(followUp -> followUp.getInteger("number")));
        return found;
    }

    /** Per addressee: acknowledged, overdue once the deadline has passed without it, else delivered. */
    private static List<AddresseeState> board(List<MemberCode> addressees, List<InboxAcknowledgement> acknowledgements,
                                              Instant acknowledgeBy, Instant now) {
        List<AddresseeState> board = new ArrayList<>();
        for (MemberCode addressee : addressees) {
            InboxAcknowledgement acknowledgement = acknowledgements.stream()
                    .filter(a -> a.member().equals(addressee)).findFirst().orElse(null);
            if (acknowledgement != null) {
                board.add(new AddresseeState(addressee, AddresseeState.State.ACKNOWLEDGED,
                                             acknowledgement.acknowledgedAt()));
            } else {
                board.add(new AddresseeState(addressee, now.isAfter(acknowledgeBy) ? AddresseeState.State.OVERDUE
                        : AddresseeState.State.DELIVERED, null));
            }
        }
        return board;
    }

    private static InboxWithdrawal withdrawal(Document d) {
        Document withdrawal = d.get(WITHDRAWAL, Document.class);
        return withdrawal == null ? null : new InboxWithdrawal(new AgencyCode(withdrawal.getString("agency")),
                withdrawal.getString("reason"), withdrawal.getDate("at").toInstant());
    }

    /** @param only the one member whose acknowledgement to show, or null for all */
    static List<InboxAcknowledgement> acknowledgements(Document d, MemberCode only) {
        Document all = d.get(ACKNOWLEDGEMENTS, Document.class);
        List<InboxAcknowledgement> found = new ArrayList<>();
        if (all != null) {
            for (String member : all.keySet()) {
                if (only == null || only.value().equals(member)) {
                    Document one = all.get(member, Document.class);
                    found.add(new InboxAcknowledgement(new MemberCode(member), new AgencyCode(one.getString("agency")),
                                                       one.getDate("at").toInstant()));
                }
            }
        }
        found.sort(Comparator.comparing(InboxAcknowledgement::acknowledgedAt));
        return found;
    }
}
