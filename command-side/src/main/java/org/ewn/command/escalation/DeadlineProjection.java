package org.ewn.command.escalation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.ewn.api.alert.AlertAcknowledged;
import org.ewn.api.alert.AlertEscalated;
import org.ewn.api.alert.AlertEvent;
import org.ewn.api.alert.AlertFollowedUp;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.AlertWithdrawn;
import org.ewn.api.alert.OnwardSharingDecided;
import org.ewn.api.alert.OnwardSharingRequested;
import org.ewn.api.member.MemberCode;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * The alerts that still await acknowledgements, one document per alert (its deadline and the addressees that have
 * neither acknowledged nor been escalated), kept from the log so that deadlines survive any restart. Writes are keyed
 * by the alert and insert the deadline only once, so a replay or a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(DeadlineProjection.PROCESSING_GROUP)
class DeadlineProjection {

    static final String PROCESSING_GROUP = "deadlines";
    static final String DEADLINES = "alert_deadlines";

    private final MongoCollection<Document> deadlines;

    DeadlineProjection(MongoDatabase database) {
        this.deadlines = database.getCollection(DEADLINES);
    }

    @EventHandler
    void on(AlertEvent event) {
        event.dispatch(new AlertEvent.Cases<Void>() {
            @Override
            public Void raised(AlertRaised raised) {
                deadlines.updateOne(Filters.eq("_id", raised.alertId().toString()), Updates.combine(
                        Updates.setOnInsert("dueAt", Date.from(raised.acknowledgeBy())),
                        Updates.setOnInsert("pending", raised.addressees().stream().map(MemberCode::value).toList())),
                        new UpdateOptions().upsert(true));
                return null;
            }

            @Override
            public Void acknowledged(AlertAcknowledged acknowledged) {
                settled(acknowledged.alertId().toString(), acknowledged.member());
                return null;
            }

            @Override
            public Void escalated(AlertEscalated escalated) {
                settled(escalated.alertId().toString(), escalated.member());
                return null;
            }

            @Override
            public Void withdrawn(AlertWithdrawn withdrawn) {
                deadlines.deleteOne(Filters.eq("_id", withdrawn.alertId().toString()));
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
        });
    }

    /** The addressee needs no more watching; an alert with none left is dropped. */
    private void settled(String alertId, MemberCode member) {
        deadlines.updateOne(Filters.eq("_id", alertId), Updates.pull("pending", member.value()));
        deadlines.deleteOne(Filters.and(Filters.eq("_id", alertId), Filters.size("pending", 0)));
    }

    @ResetHandler
    void reset() {
        deadlines.deleteMany(new Document());
    }
}
