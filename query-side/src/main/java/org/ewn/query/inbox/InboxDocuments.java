package org.ewn.query.inbox;

import org.bson.Document;
import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.Precedence;
import org.ewn.api.inbox.InboxAlert;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Maps alerts to and from their documents in the inbox collections. */
final class InboxDocuments {

    Document toDocument(AlertRaised raised, long position, Instant raisedAt) {
        return new Document("_id", raised.alertId().toString())
                .append("position", position)
                .append("originator", raised.originator().value())
                .append("addressees", raised.addressees().stream().map(MemberCode::value).toList())
                .append("precedence", raised.precedence().name())
                .append("category", raised.category().name())
                .append("title", raised.title())
                .append("text", raised.text())
                .append("submittedAt", Date.from(raised.submittedAt()))
                .append("raisedAt", Date.from(raisedAt));
    }

    InboxAlert toAlert(Document d) {
        List<MemberCode> addressees = d.getList("addressees", String.class).stream().map(MemberCode::new).toList();
        return new InboxAlert(AlertId.of(d.getString("_id")), d.getLong("position"),
                new AgencyCode(d.getString("originator")), addressees,
                Precedence.valueOf(d.getString("precedence")), AlertCategory.valueOf(d.getString("category")),
                d.getString("title"), d.getString("text"),
                d.getDate("submittedAt").toInstant(), d.getDate("raisedAt").toInstant());
    }
}
