package org.ewn.query.inbox;

import org.bson.Document;
import org.ewn.api.alert.AlertAcknowledged;
import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.AlertWithdrawn;
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
 * Maps alerts to and from their documents in the inbox collections. An alert's acknowledgements are a sub-document
 * keyed by member, so that setting one twice changes nothing.
 */
final class InboxDocuments {

    static final String ACKNOWLEDGEMENTS = "acknowledgements";
    static final String WITHDRAWAL = "withdrawal";

    /** The fields an alert's raising sets; its acknowledgements are set apart, in whatever order events come. */
    Document raisedFields(AlertRaised raised, long position, Instant raisedAt) {
        return new Document("position", position)
                .append("originator", raised.originator().value())
                .append("addressees", raised.addressees().stream().map(MemberCode::value).toList())
                .append("precedence", raised.precedence().name())
                .append("category", raised.category().name())
                .append("title", raised.title())
                .append("text", raised.text())
                .append("submittedAt", Date.from(raised.submittedAt()))
                .append("raisedAt", Date.from(raisedAt))
                .append("details", DetailsDocuments.toDocument(raised.details()))
                .append("acknowledgeBy", Date.from(raised.acknowledgeBy()));
    }

    String acknowledgementField(AlertAcknowledged acknowledged) {
        return ACKNOWLEDGEMENTS + "." + acknowledged.member().value();
    }

    Document acknowledgement(AlertAcknowledged acknowledged) {
        return new Document("agency", acknowledged.agency().value())
                .append("at", Date.from(acknowledged.submission().receivedAt()));
    }

    Document withdrawal(AlertWithdrawn withdrawn) {
        return new Document("agency", withdrawn.agency().value())
                .append("reason", withdrawn.reason())
                .append("at", Date.from(withdrawn.submission().receivedAt()));
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
                d.getString("title"), d.getString("text"),
                d.getDate("submittedAt").toInstant(), d.getDate("raisedAt").toInstant(),
                DetailsDocuments.fromDocument(d.get("details", Document.class)), acknowledgeBy, acknowledgements,
                originators ? board(addressees, acknowledgements, acknowledgeBy, now) : List.of(), withdrawal(d));
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
    private static List<InboxAcknowledgement> acknowledgements(Document d, MemberCode only) {
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
