package org.ewn.command.callback;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.ewn.api.callback.CallbackRegistered;
import org.ewn.api.callback.CallbackRemoved;
import org.ewn.api.casework.CaseStatusChanged;
import org.ewn.api.member.AgencyCode;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * Follows the log in order: which agencies have a callback, and for every change of a case's status one notification
 * per party agency that has one then, queued in a durable outbox that {@link NotificationSender} empties. A
 * notification's id is derived from the event's global index and the agency, and it is inserted only once, so a
 * replay or a redelivered event neither queues nor sends anything twice. Only where the case stands goes into it,
 * never personal data.
 */
@Component
@ProcessingGroup(NotificationOutbox.PROCESSING_GROUP)
class NotificationOutbox {

    static final String PROCESSING_GROUP = "callbacks";
    static final String CALLBACKS = "agency_callbacks";
    static final String NOTIFICATIONS = "callback_notifications";

    private final MongoCollection<Document> callbacks;
    private final MongoCollection<Document> notifications;
    private final Clock clock;

    NotificationOutbox(MongoDatabase database, Clock clock) {
        this.callbacks = database.getCollection(CALLBACKS);
        this.notifications = database.getCollection(NOTIFICATIONS);
        this.clock = clock;
    }

    @EventHandler
    void on(CallbackRegistered registered) {
        callbacks.replaceOne(Filters.eq("_id", registered.agency().value()),
                             new Document("_id", registered.agency().value()).append("url", registered.url()),
                             new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(CallbackRemoved removed) {
        callbacks.deleteOne(Filters.eq("_id", removed.agency().value()));
    }

    @EventHandler
    void on(CaseStatusChanged changed, TrackingToken token) {
        long globalIndex = position(token);
        for (AgencyCode party : changed.parties()) {
            if (callbacks.find(Filters.eq("_id", party.value())).first() == null) {
                continue;
            }
            String id = notificationId(globalIndex, party).toString();
            long now = clock.millis();
            notifications.updateOne(Filters.eq("_id", id), Updates.combine(
                    Updates.setOnInsert("agency", party.value()),
                    Updates.setOnInsert("caseKind", changed.caseKind().name()),
                    Updates.setOnInsert("caseId", changed.caseId().toString()),
                    Updates.setOnInsert("status", changed.status()),
                    Updates.setOnInsert("at", changed.at().toString()),
                    Updates.setOnInsert("globalIndex", globalIndex),
                    Updates.setOnInsert("queuedAt", now),
                    Updates.setOnInsert("dueAt", now),
                    Updates.setOnInsert("attempts", 0),
                    Updates.setOnInsert("state", Notification.State.PENDING.name())),
                    new UpdateOptions().upsert(true));
        }
    }

    /** The same for the same event and agency, on every node and in every replay. */
    static UUID notificationId(long globalIndex, AgencyCode agency) {
        return UUID.nameUUIDFromBytes(("ewn-notification:" + globalIndex + ":" + agency.value())
                                              .getBytes(StandardCharsets.UTF_8));
    }

    /** A replay rebuilds who has a callback; notifications stay, so none is sent again. */
    @ResetHandler
    void reset() {
        callbacks.deleteMany(new Document());
    }

    private static long position(TrackingToken token) {
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        return token == null ? -1 : token.position().orElse(-1L);
    }
}
