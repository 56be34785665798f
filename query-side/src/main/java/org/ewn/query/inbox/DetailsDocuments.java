package org.ewn.query.inbox;

import org.bson.Document;
import org.ewn.api.alert.AlertDetails;
import org.ewn.api.alert.AlertStatus;
import org.ewn.api.alert.AttachmentReference;
import org.ewn.api.alert.HandlingMarking;
import org.ewn.api.alert.OriginatorRestrictions;
import org.ewn.api.alert.SourceReliability;

import java.util.Date;
import java.util.List;

/** An alert's details to and from their sub-document in the inbox. */
final class DetailsDocuments {

    private DetailsDocuments() {
    }

    static Document toDocument(AlertDetails details) {
        return new Document("marking", details.marking().name())
                .append("purpose", details.restrictions().purpose())
                .append("onwardSharingNeedsPermission", details.restrictions().onwardSharingNeedsPermission())
                .append("reliability", details.reliability().name())
                .append("accuracy", details.accuracy())
                .append("status", details.status().name())
                .append("validFrom", Date.from(details.validFrom()))
                .append("validUntil", details.validUntil() == null ? null : Date.from(details.validUntil()))
                .append("attachments", details.attachments().stream().map(a -> new Document("sha256", a.sha256())
                        .append("name", a.name()).append("mediaType", a.mediaType()).append("size", a.size()))
                        .toList());
    }

    static AlertDetails fromDocument(Document d) {
        List<AttachmentReference> attachments = d.getList("attachments", Document.class, List.of()).stream()
                .map(a -> new AttachmentReference(a.getString("sha256"), a.getString("name"),
                                                  a.getString("mediaType"), a.get("size", Number.class).longValue()))
                .toList();
        Date validUntil = d.getDate("validUntil");
        return new AlertDetails(HandlingMarking.valueOf(d.getString("marking")),
                new OriginatorRestrictions(d.getString("purpose"), d.getBoolean("onwardSharingNeedsPermission", false)),
                SourceReliability.valueOf(d.getString("reliability")), d.getInteger("accuracy"),
                AlertStatus.valueOf(d.getString("status")), d.getDate("validFrom").toInstant(),
                validUntil == null ? null : validUntil.toInstant(), attachments);
    }
}
