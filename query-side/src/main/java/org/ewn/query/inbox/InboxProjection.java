package org.ewn.query.inbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.ewn.api.alert.AlertAcknowledged;
import org.ewn.api.alert.AlertEscalated;
import org.ewn.api.alert.AlertEvent;
import org.ewn.api.alert.AlertFollowedUp;
import org.ewn.api.alert.OnwardSharingDecided;
import org.ewn.api.alert.OnwardSharingRequested;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.AlertWithdrawn;
import org.ewn.api.inbox.FindInbox;
import org.ewn.api.inbox.FindInboxAlert;
import org.ewn.api.inbox.InboxAlert;
import org.ewn.api.inbox.InboxPage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projects alerts into each addressed member's inbox. Every read is by {@code _id} (the embedded store
 * scans for anything else): one document per alert, and one per member listing its alerts' ids and
 * positions. Writes are upserts, {@code $set}s and {@code $addToSet}s keyed by the alert and the member, so a
 * replay or a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(InboxProjection.PROCESSING_GROUP)
class InboxProjection {

    static final String PROCESSING_GROUP = "inbox";
    static final String ALERTS = "inbox_alerts";
    static final String MEMBERS = "inbox_members";

    private final MongoCollection<Document> alerts;
    private final MongoCollection<Document> members;
    private final InboxDocuments documents = new InboxDocuments();

    private final Clock clock;

    InboxProjection(MongoDatabase database, ObjectProvider<Clock> clock) {
        this.alerts = database.getCollection(ALERTS);
        this.members = database.getCollection(MEMBERS);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @EventHandler
    void on(AlertEvent event, TrackingToken token, @Timestamp Instant timestamp) {
        long position = position(token);
        event.dispatch(new AlertEvent.Cases<Void>() {
            @Override
            public Void raised(AlertRaised raised) {
                project(raised, position, timestamp);
                return null;
            }

            @Override
            public Void acknowledged(AlertAcknowledged acknowledged) {
                alerts.updateOne(Filters.eq("_id", acknowledged.alertId().toString()),
                        Updates.set(documents.acknowledgementField(acknowledged), documents.acknowledgement(acknowledged)),
                        new UpdateOptions().upsert(true));
                return null;
            }

            @Override
            public Void withdrawn(AlertWithdrawn withdrawn) {
                alerts.updateOne(Filters.eq("_id", withdrawn.alertId().toString()),
                        Updates.set(InboxDocuments.WITHDRAWAL, documents.withdrawal(withdrawn)),
                        new UpdateOptions().upsert(true));
                return null;
            }

            @Override
            public Void followedUp(AlertFollowedUp followedUp) {
                return null;
            }

            @Override
            public Void sharingRequested(OnwardSharingRequested requested) {
                return null;
            }

            @Override
            public Void sharingDecided(OnwardSharingDecided decided) {
                return null;
            }

            @Override
            public Void escalated(AlertEscalated escalated) {
                return null;
            }
        });
    }

    private void project(AlertRaised raised, long position, Instant timestamp) {
        String alertId = raised.alertId().toString();
        alerts.updateOne(Filters.eq("_id", alertId), new Document("$set", documents.raisedFields(raised, position, timestamp)),
                new UpdateOptions().upsert(true));
        Document entry = new Document("alert", alertId).append("position", position);
        for (var member : raised.addressees()) {
            members.updateOne(Filters.eq("_id", member.value()), Updates.addToSet("entries", entry),
                    new UpdateOptions().upsert(true));
        }
    }

    @QueryHandler
    InboxPage handle(FindInbox query) {
        Document member = members.find(Filters.eq("_id", query.member().value())).first();
        List<Document> entries = member == null ? List.of() : member.getList("entries", Document.class, List.of());
        List<Document> newestFirst = new ArrayList<>(entries);
        newestFirst.sort(Comparator.comparingLong((Document d) -> d.getLong("position")).reversed());
        int from = Math.min(query.page() * query.size(), newestFirst.size());
        int to = Math.min(from + query.size(), newestFirst.size());
        List<String> ids = newestFirst.subList(from, to).stream().map(d -> d.getString("alert")).toList();
        Map<String, InboxAlert> byId = new HashMap<>();
        for (Document d : alerts.find(Filters.in("_id", ids))) {
            byId.put(d.getString("_id"), documents.toAlert(d, query.member(), clock.instant()));
        }
        List<InboxAlert> page = ids.stream().map(byId::get).filter(a -> a != null).toList();
        return new InboxPage(page, query.page(), query.size(), newestFirst.size());
    }

    /** Empty unless the member is an addressee or the originator's member, so others cannot tell it exists. */
    @QueryHandler
    Optional<InboxAlert> handle(FindInboxAlert query) {
        Document document = alerts.find(Filters.eq("_id", query.alertId().toString())).first();
        if (document == null) {
            return Optional.empty();
        }
        InboxAlert alert = documents.toAlert(document, query.member(), clock.instant());
        boolean entitled = alert.addressees().contains(query.member()) || alert.originator().member().equals(query.member());
        return entitled ? Optional.of(alert) : Optional.empty();
    }

    private static long position(TrackingToken token) {
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        return token.position().orElseThrow(() -> new IllegalStateException("untracked event in the inbox projection"));
    }
}
