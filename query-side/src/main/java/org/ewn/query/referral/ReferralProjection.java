package org.ewn.query.referral;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ewn.api.referral.ReferralAccepted;
import org.ewn.api.referral.ReferralClosed;
import org.ewn.api.referral.ReferralDeclined;
import org.ewn.api.referral.ReferralEvent;
import org.ewn.api.referral.ReferralMarkedInProgress;
import org.ewn.api.referral.ReferralOverdue;
import org.ewn.api.referral.ReferralRevoked;
import org.ewn.api.referral.ReferralStatusChanged;
import org.ewn.api.referral.ReferralSubmitted;
import org.ewn.api.referral.Service;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;

/**
 * Projects referrals into one document per referral in {@value #REFERRALS} (its facts, its status and its steps keyed
 * by their position in the log) and, per member, the referrals its agencies sent or received in {@value #MEMBERS}.
 * Every read is by {@code _id}. Writes are {@code $set}s and {@code $addToSet}s keyed by the referral, member and
 * position, so a replay or a redelivered event changes nothing. The person's data is kept only as the ciphertext
 * that was signed.
 */
@Component
@ProcessingGroup(ReferralProjection.PROCESSING_GROUP)
class ReferralProjection {

    static final String PROCESSING_GROUP = "referrals";
    static final String REFERRALS = "referrals";
    static final String MEMBERS = "referral_members";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> referrals;
    private final MongoCollection<Document> members;

    ReferralProjection(MongoDatabase database) {
        this.referrals = database.getCollection(REFERRALS);
        this.members = database.getCollection(MEMBERS);
    }

    @EventHandler
    void on(ReferralEvent event, TrackingToken token) {
        long position = position(token);
        event.dispatch(new Writes(position));
    }

    @ResetHandler
    void reset() {
        referrals.deleteMany(new Document());
        members.deleteMany(new Document());
    }

    private final class Writes implements ReferralEvent.Cases<Void> {

        private final long position;

        Writes(long position) {
            this.position = position;
        }

        @Override
        public Void submitted(ReferralSubmitted event) {
            Document consent = new Document("consentedBy", name(event.consent().consentedBy()))
                    .append("purpose", event.consent().purpose())
                    .append("recipientKinds", event.consent().recipientKinds().stream().map(Enum::name).toList())
                    .append("validUntil", Date.from(event.consent().validUntil()))
                    .append("child", event.consent().child())
                    .append("guardianConsent", event.consent().guardianConsent())
                    .append("bestInterestsNote", event.consent().bestInterestsNote());
            Document subject = new Document("subject", event.subject().subject().toString())
                    .append("keyId", event.subject().keyId()).append("iv", event.subject().iv())
                    .append("ciphertext", event.subject().ciphertext());
            update(event, Updates.combine(
                    Updates.set("position", position),
                    Updates.set("referringAgency", event.referringAgency().value()),
                    Updates.set("receivingAgency", event.receivingAgency().value()),
                    Updates.set("services", event.services().stream().map(Service::name).toList()),
                    Updates.set("urgency", event.urgency().name()),
                    Updates.set("consent", consent),
                    Updates.set("summary", event.summary()),
                    Updates.set("sealedSummary", event.sealedSummary()),
                    Updates.set("subject", subject),
                    Updates.set("acceptBy", Date.from(event.acceptBy())),
                    Updates.set("submittedAt", Date.from(event.at()))));
            step(event, new Document());
            members.updateOne(Filters.eq("_id", event.referringAgency().member().value()),
                              Updates.addToSet("sent", event.referralId().toString()), UPSERT);
            members.updateOne(Filters.eq("_id", event.receivingAgency().member().value()),
                              Updates.addToSet("received", event.referralId().toString()), UPSERT);
            return null;
        }

        @Override
        public Void accepted(ReferralAccepted event) {
            step(event, new Document());
            return null;
        }

        @Override
        public Void declined(ReferralDeclined event) {
            step(event, new Document("reason", event.reason()));
            return null;
        }

        @Override
        public Void inProgress(ReferralMarkedInProgress event) {
            step(event, new Document());
            return null;
        }

        @Override
        public Void closed(ReferralClosed event) {
            step(event, new Document("outcome", event.outcome().name()).append("reason", event.reason()));
            return null;
        }

        @Override
        public Void revoked(ReferralRevoked event) {
            step(event, new Document("cause", event.cause().name()).append("reason", event.reason()));
            return null;
        }

        @Override
        public Void overdue(ReferralOverdue event) {
            update(event, Updates.combine(Updates.set("remindedAt", Date.from(event.remindedAt())),
                    Updates.set("steps." + position, new Document("position", position).append("status", "OVERDUE")
                            .append("at", Date.from(event.remindedAt())))));
            return null;
        }

        /** Records the step and the status it leads to; events come in the log's order, so the last one stands. */
        private void step(ReferralStatusChanged event, Document details) {
            Document step = new Document("position", position).append("status", event.status())
                    .append("agency", event.submission().agency().value()).append("at", Date.from(event.at()))
                    .append("submissionId", event.submission().submissionId().toString());
            step.putAll(details);
            update(event, Updates.combine(Updates.set("status", event.status()),
                    Updates.set("updatedAt", Date.from(event.at())), Updates.set("steps." + position, step)));
        }
    }

    private void update(ReferralEvent event, Bson update) {
        referrals.updateOne(Filters.eq("_id", event.referralId().toString()), update, UPSERT);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static long position(TrackingToken token) {
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        return token.position().orElseThrow(() -> new IllegalStateException("untracked event in referrals"));
    }

    static List<String> ids(Document member, String box) {
        return member == null ? List.of() : member.getList(box, String.class, List.of());
    }
}
