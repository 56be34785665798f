package org.ewn.command.referral;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.ewn.api.referral.ReferralEvent;
import org.ewn.api.referral.ReferralSubmitted;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * The referrals that still await an answer from their receiving agency, one document per referral with its deadline,
 * kept from the log so that deadlines survive any restart. Any later step, and the reminder itself, ends the watching.
 * Writes are keyed by the referral and insert the deadline only once, so a replay or a redelivery changes nothing.
 */
@Component
@ProcessingGroup(ReferralDeadlineProjection.PROCESSING_GROUP)
class ReferralDeadlineProjection {

    static final String PROCESSING_GROUP = "referral-deadlines";
    static final String DEADLINES = "referral_deadlines";

    private final MongoCollection<Document> deadlines;

    ReferralDeadlineProjection(MongoDatabase database) {
        this.deadlines = database.getCollection(DEADLINES);
    }

    @EventHandler
    void on(ReferralEvent event) {
        String id = event.referralId().toString();
        if (event instanceof ReferralSubmitted submitted) {
            deadlines.updateOne(Filters.eq("_id", id), Updates.setOnInsert("dueAt", Date.from(submitted.acceptBy())),
                                new UpdateOptions().upsert(true));
        } else {
            deadlines.deleteOne(Filters.eq("_id", id));
        }
    }

    @ResetHandler
    void reset() {
        deadlines.deleteMany(new Document());
    }
}
