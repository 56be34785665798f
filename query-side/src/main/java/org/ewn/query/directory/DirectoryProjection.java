package org.ewn.query.directory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ewn.api.member.MemberCode;
import org.ewn.api.membership.AddressGroupDefined;
import org.ewn.api.membership.AddressGroupDissolved;
import org.ewn.api.membership.AgencyRegistered;
import org.ewn.api.membership.KeyEnrolled;
import org.ewn.api.membership.KeyRevoked;
import org.ewn.api.membership.MemberAdmitted;
import org.ewn.api.membership.MemberReinstated;
import org.ewn.api.membership.MemberSuspended;
import org.ewn.api.membership.MembershipEvent;
import org.ewn.api.membership.NetworkFounded;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.List;

/**
 * Projects the network's membership into the directory: one document per network, member and agency, each keyed by
 * its code, with an agency's keys inside its document. Every write sets fields of a document found by {@code _id}, and
 * a key is only added while its agency has no key of that id, so a replay or a redelivered event changes nothing.
 * Times are when the hub received the submission.
 */
@Component
@ProcessingGroup(DirectoryProjection.PROCESSING_GROUP)
class DirectoryProjection {

    static final String PROCESSING_GROUP = "directory";
    static final String NETWORK = "directory_network";
    static final String MEMBERS = "directory_members";
    static final String AGENCIES = "directory_agencies";
    static final String GROUPS = "directory_groups";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> network;
    private final MongoCollection<Document> members;
    private final MongoCollection<Document> agencies;
    private final MongoCollection<Document> groups;

    DirectoryProjection(MongoDatabase database) {
        this.network = database.getCollection(NETWORK);
        this.members = database.getCollection(MEMBERS);
        this.agencies = database.getCollection(AGENCIES);
        this.groups = database.getCollection(GROUPS);
    }

    @EventHandler
    void on(MembershipEvent event) {
        event.dispatch(new Writes());
    }

    /** A replay rebuilds the directory from the first event, so nothing may survive from before it. */
    @ResetHandler
    void reset() {
        network.deleteMany(new Document());
        members.deleteMany(new Document());
        agencies.deleteMany(new Document());
        groups.deleteMany(new Document());
    }

    private final class Writes implements MembershipEvent.Cases<Void> {

        @Override
        public Void founded(NetworkFounded event) {
            network.updateOne(byCode(event.network()), Updates.combine(
                    Updates.set("name", event.name()),
                    Updates.set("root", CertificateDetails.of(event.rootCertificate())),
                    Updates.set("foundedAt", receivedAt(event))), UPSERT);
            return null;
        }

        @Override
        public Void admitted(MemberAdmitted event) {
            members.updateOne(byCode(event.member().value()), Updates.combine(
                    Updates.set("name", event.name()),
                    Updates.set("kind", event.kind().name()),
                    Updates.set("ca", CertificateDetails.of(event.caCertificate())),
                    Updates.set("admittedAt", receivedAt(event)),
                    // replayed over the directory, an admission must not lift the suspension that followed it
                    Updates.setOnInsert("suspended", false)), UPSERT);
            return null;
        }

        @Override
        public Void registered(AgencyRegistered event) {
            agencies.updateOne(byCode(event.agency().value()), Updates.combine(
                    Updates.set("member", event.agency().member().value()),
                    Updates.set("name", event.name()),
                    Updates.set("administrator", event.administrator()),
                    Updates.set("registeredAt", receivedAt(event)),
                    Updates.setOnInsert("keys", List.of())), UPSERT);
            return null;
        }

        /** Adds the key unless the agency already lists it, which also keeps a revocation that followed. */
        @Override
        public Void enrolled(KeyEnrolled event) {
            Document key = new Document("keyId", event.keyId())
                    .append("purpose", event.purpose().name())
                    .append("enrolledAt", receivedAt(event));
            key.putAll(CertificateDetails.of(event.certificate()));
            agencies.updateOne(Filters.and(byCode(event.agency().value()), Filters.ne("keys.keyId", event.keyId())),
                    Updates.push("keys", key));
            return null;
        }

        @Override
        public Void revoked(KeyRevoked event) {
            agencies.updateOne(Filters.and(byCode(event.agency().value()), Filters.eq("keys.keyId", event.keyId())),
                    Updates.combine(
                            Updates.set("keys.$.revokedFrom", Date.from(event.effectiveAt())),
                            Updates.set("keys.$.revokedAt", receivedAt(event)),
                            Updates.set("keys.$.revocationReason", event.reason())));
            return null;
        }

        @Override
        public Void suspended(MemberSuspended event) {
            members.updateOne(byCode(event.member().value()), Updates.combine(
                    Updates.set("suspended", true),
                    Updates.set("suspendedAt", receivedAt(event)),
                    Updates.set("suspensionReason", event.reason())));
            return null;
        }

        @Override
        public Void reinstated(MemberReinstated event) {
            members.updateOne(byCode(event.member().value()), Updates.combine(
                    Updates.set("suspended", false),
                    Updates.unset("suspendedAt"),
                    Updates.unset("suspensionReason")));
            return null;
        }

        @Override
        public Void groupDefined(AddressGroupDefined event) {
            groups.updateOne(byCode(event.group().value()), Updates.combine(
                    Updates.set("name", event.name()),
                    Updates.set("members", event.members().stream().map(MemberCode::value).toList()),
                    Updates.set("definedAt", receivedAt(event))), UPSERT);
            return null;
        }

        @Override
        public Void groupDissolved(AddressGroupDissolved event) {
            groups.deleteOne(byCode(event.group().value()));
            return null;
        }
    }

    private static Bson byCode(String code) {
        return Filters.eq("_id", code);
    }

    private static Date receivedAt(MembershipEvent event) {
        return Date.from(event.submission().receivedAt());
    }
}
