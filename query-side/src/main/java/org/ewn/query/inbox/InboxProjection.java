package org.ewn.query.inbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ewn.api.alert.AlertAcknowledged;
import org.ewn.api.alert.AlertEscalated;
import org.ewn.api.alert.AlertEvent;
import org.ewn.api.alert.AlertFollowedUp;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.AlertWithdrawn;
import org.ewn.api.alert.OnwardSharingDecided;
import org.ewn.api.alert.OnwardSharingRequested;
import org.ewn.api.member.AgencyCode;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Projects alerts into each addressed member's inbox: one document per alert in {@value #ALERTS}, holding everything
 * that happened to it, and each addressee's entries ({@link InboxEntries}). Every read is by {@code _id} (the
 * embedded store scans for anything else). Writes are upserts, {@code $set}s and {@code $addToSet}s keyed by the
 * alert, member, follow-up number or sharing request, so a replay or a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(InboxProjection.PROCESSING_GROUP)
class InboxProjection {

    static final String PROCESSING_GROUP = "inbox";
    static final String ALERTS = "inbox_alerts";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final FindOneAndUpdateOptions UPSERT_AFTER =
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Document> alerts;
    private final InboxEntries entries;
    private final InboxDocuments documents = new InboxDocuments();

    InboxProjection(MongoDatabase database) {
        this.alerts = database.getCollection(ALERTS);
        this.entries = new InboxEntries(database);
    }

    @EventHandler
    void on(AlertEvent event, TrackingToken token, @Timestamp Instant timestamp) {
        event.dispatch(new Writes(position(token), timestamp));
    }

    /** A replay rebuilds every inbox from the first event, so nothing may survive from before it. */
    @ResetHandler
    void reset() {
        alerts.deleteMany(new Document());
        entries.clear();
    }

    private final class Writes implements AlertEvent.Cases<Void> {

        private final long position;
        private final Instant timestamp;

        Writes(long position, Instant timestamp) {
            this.position = position;
            this.timestamp = timestamp;
        }

        @Override
        public Void raised(AlertRaised raised) {
            Document fields = documents.raisedFields(raised, position, timestamp);
            updateWithEntries(raised.alertId(), new Document("$set", fields), InboxProjection::addresseesAndOriginator);
            return null;
        }

        /** The member's own entry, and the originator's member's, which counts every acknowledgement. */
        @Override
        public Void acknowledged(AlertAcknowledged acknowledged) {
            updateWithEntries(acknowledged.alertId(), Updates.set(documents.acknowledgementField(acknowledged),
                                                                  documents.acknowledgement(acknowledged, position)),
                              alert -> List.of(acknowledged.member().value(),
                                               new AgencyCode(alert.getString("originator")).member().value()));
            return null;
        }

        @Override
        public Void withdrawn(AlertWithdrawn withdrawn) {
            updateWithEntries(withdrawn.alertId(), Updates.set(InboxDocuments.WITHDRAWAL,
                                                               documents.withdrawal(withdrawn, position)),
                              InboxProjection::addresseesAndOriginator);
            return null;
        }

        @Override
        public Void followedUp(AlertFollowedUp followedUp) {
            update(followedUp.alertId(), Updates.set(documents.followUpField(followedUp),
                                                     documents.followUp(followedUp, position)));
            return null;
        }

        @Override
        public Void sharingRequested(OnwardSharingRequested requested) {
            update(requested.alertId(), Updates.set(documents.sharingRequestField(requested),
                                                    documents.sharingRequest(requested, position)));
            return null;
        }

        @Override
        public Void sharingDecided(OnwardSharingDecided decided) {
            update(decided.alertId(), Updates.set(documents.sharingDecisionField(decided),
                                                  documents.sharingDecision(decided, position)));
            return null;
        }

        /** Whether an alert is overdue is decided when asked; the escalation is a step of its history. */
        @Override
        public Void escalated(AlertEscalated escalated) {
            update(escalated.alertId(), Updates.set(documents.escalationField(escalated),
                                                    documents.escalation(escalated, position)));
            return null;
        }
    }

    private void update(AlertId alertId, Bson update) {
        alerts.updateOne(Filters.eq("_id", alertId.toString()), update, UPSERT);
    }

    /**
     * Updates the alert and derives the entries from it as it then stands, the alert read back by the update itself;
     * nothing to derive until it has been raised. Only this processor writes the alerts, one event at a time, so no
     * other update can come between the write and the document it returns (mongo-java-server's {@code
     * ReturnDocument.AFTER} is unsafe only for concurrent updates of one document).
     */
    private void updateWithEntries(AlertId alertId, Bson update, Function<Document, List<String>> whose) {
        Document alert = alerts.findOneAndUpdate(Filters.eq("_id", alertId.toString()), update, UPSERT_AFTER);
        if (alert != null && alert.containsKey("position")) {
            entries.write(alert, whose.apply(alert));
        }
    }

    /** Everyone with an entry for the alert: its addressees, and its originator's member for the sent alerts. */
    private static List<String> addresseesAndOriginator(Document alert) {
        List<String> members = new ArrayList<>(alert.getList("addressees", String.class));
        members.add(new AgencyCode(alert.getString("originator")).member().value());
        return members;
    }

    private static long position(TrackingToken token) {
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        return token.position().orElseThrow(() -> new IllegalStateException("untracked event in the inbox projection"));
    }
}
