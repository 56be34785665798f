package org.ewn.query.inbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.inbox.InboxBox;
import org.ewn.api.member.MemberCode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Each member's entries: one per alert addressed to it, and one per alert it raised (its sent alerts, counting every
 * addressee's acknowledgement), holding what the inbox filters on (all but the text), so that
 * a filtered inbox loads only the alerts it shows. Entries live in buckets, one per member, box and span of
 * {@value #BUCKET_SPAN} positions of the log ({@code _id} "member:bucket" or "member:sent:bucket"), keyed by alert id;
 * the member's document lists its buckets, a number for every {@value #BUCKET_SPAN} positions in which the member had
 * an alert. Every read is by {@code _id}. The span
 * is small because the embedded store copies and serializes a whole document at every change of it: an entry written
 * costs in proportion to the entries beside it. An entry is derived from its alert's document, which only ever gains
 * facts (an acknowledgement or a withdrawal is never undone), and is written with {@code $set} and {@code $addToSet}
 * only, so writing it again, or late, changes nothing. The store's cost of an update goes by its paths more than by
 * their values, and an entry field by field is a dozen paths three levels deep; so an entry without facts is written
 * in one piece, only while its bucket lacks it, and the facts of an entry its bucket has are written alone.
 * <p>
 * Earlier layouts (every alert in one array of the member's document; buckets of 1,024 positions in
 * {@value #LEGACY_BUCKETS}) are moved into this one when the member's inbox is first read.
 */
final class InboxEntries {

    static final String MEMBERS = "inbox_members";
    static final String BUCKETS = "inbox_entry_buckets";
    static final int BUCKET_SPAN = 64;
    /** The member's document lists the buckets of the alerts addressed to it here. */
    static final String RECEIVED_BUCKETS = "received";
    /** The member's document lists the buckets of the alerts it sent here. */
    static final String SENT_BUCKETS = "sent";
    /** How a member's document listed its alerts before there were buckets. */
    static final String UNBUCKETED = "entries";
    /** Where buckets of 1,024 positions were kept, and how the member's document listed them. */
    static final String LEGACY_BUCKETS = "inbox_member_buckets";
    static final String LEGACY_RECEIVED = "buckets";
    static final String LEGACY_SENT = "sentBuckets";
    static final int LEGACY_SPAN = 1024;

    /** A bucket holds this once the member's document lists it. */
    static final String LISTED = "listed";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    /** What a bucket said about its listing before an entry was written to it. */
    private static final FindOneAndUpdateOptions LISTED_BEFORE = new FindOneAndUpdateOptions()
            .upsert(true).projection(Projections.include(LISTED)).returnDocument(ReturnDocument.BEFORE);
    /** The same, for a bucket that is there already. */
    private static final FindOneAndUpdateOptions LISTED_BEFORE_IF_THERE = new FindOneAndUpdateOptions()
            .projection(Projections.include(LISTED)).returnDocument(ReturnDocument.BEFORE);
    private static final String ENTRIES = "entries.";

    private final MongoCollection<Document> alerts;
    private final MongoCollection<Document> members;
    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> legacyBuckets;

    InboxEntries(MongoDatabase database) {
        this.alerts = database.getCollection(InboxProjection.ALERTS);
        this.members = database.getCollection(MEMBERS);
        this.buckets = database.getCollection(BUCKETS);
        this.legacyBuckets = database.getCollection(LEGACY_BUCKETS);
    }

    /**
     * Writes the entries of those of {@code members} that the alert is addressed to, as its document now stands. The
     * originator's member's entry counts every acknowledgement; any other member's only its own.
     */
    void write(Document alert, Collection<String> members) {
        String alertId = alert.getString("_id");
        long bucket = alert.getLong("position") / BUCKET_SPAN;
        List<String> addressees = alert.getList("addressees", String.class);
        String originator = new AgencyCode(alert.getString("originator")).member().value();
        Document acknowledgements = InboxDocuments.keyed(alert, InboxDocuments.ACKNOWLEDGEMENTS);
        String path = ENTRIES + alertId;
        Document raised = entry(alert, originator);
        for (String member : members.stream().distinct().filter(addressees::contains).toList()) {
            List<String> seen = acknowledgements.keySet().stream()
                    .filter(by -> member.equals(originator) || member.equals(by)).toList();
            writeEntry(member, InboxBox.RECEIVED, bucket, path, raised, facts(path, alert, seen));
        }
        if (members.contains(originator)) {
            writeEntry(originator, InboxBox.SENT, bucket, path, new Document(raised).append("sent", true),
                       facts(path, alert, List.copyOf(acknowledgements.keySet())));
        }
    }

    /**
     * Writes an entry in as few paths as it can: one for an entry without facts that its bucket lacks, the facts alone
     * for one its bucket has; and otherwise, when the bucket is missing, or the entry with facts is, field by field.
     */
    private void writeEntry(String member, InboxBox box, long bucket, String path, Document entry, List<Bson> facts) {
        boolean written = facts.isEmpty()
                ? writeIfThere(member, box, bucket, path, false, Updates.set(path, entry))
                : writeIfThere(member, box, bucket, path, true, Updates.combine(facts));
        if (!written) {
            List<Bson> fields = new ArrayList<>();
            entry.forEach((field, value) -> fields.add(Updates.set(path + "." + field, value)));
            fields.addAll(facts);
            writeListed(member, box, bucket, Updates.combine(fields));
        }
    }

    /**
     * Writes to the member's bucket if it is there and has, or lacks, the path, and lists the bucket unless the bucket
     * says it is listed.
     *
     * @return whether it was written; if not, the bucket is missing or does not match, and is not touched
     */
    private boolean writeIfThere(String member, InboxBox box, long bucket, String path, boolean exists, Bson update) {
        String id = bucketId(member, box, bucket);
        Document before = buckets.findOneAndUpdate(Filters.and(Filters.eq("_id", id), Filters.exists(path, exists)),
                                                   update, LISTED_BEFORE_IF_THERE);
        if (before == null) {
            return false;
        }
        if (!before.getBoolean(LISTED, false)) {
            list(member, box, bucket, id);
        }
        return true;
    }

    /**
     * Writes to the member's bucket, and lists the bucket in the member's document unless the bucket says it is
     * listed. The member's document grows by a bucket every {@value #BUCKET_SPAN} positions, and the store copies
     * and encodes a whole document at every change of it, even one that changes nothing; so it is changed once a
     * bucket, not at every entry (with 10,000 buckets listed, an {@code $addToSet} of one already there took 1.4 ms
     * against 0.2 ms for the bucket's own write). The bucket is marked listed only after the listing, so a crash
     * between the two leaves it unmarked, and the next write to it, such as the redelivered event's, lists it.
     */
    private void writeListed(String member, InboxBox box, long bucket, Bson entry) {
        String id = bucketId(member, box, bucket);
        Document before = buckets.findOneAndUpdate(Filters.eq("_id", id), entry, LISTED_BEFORE);
        if (before == null || !before.getBoolean(LISTED, false)) {
            list(member, box, bucket, id);
        }
    }

    private void list(String member, InboxBox box, long bucket, String id) {
        members.updateOne(Filters.eq("_id", member), Updates.addToSet(listing(box), bucket), UPSERT);
        buckets.updateOne(Filters.eq("_id", id), Updates.set(LISTED, true));
    }

    /** Where the member's document lists the buckets of the box. */
    private static String listing(InboxBox box) {
        return box == InboxBox.SENT ? SENT_BUCKETS : RECEIVED_BUCKETS;
    }

    /** A member's received alerts are in "KZ:3", those it sent in "KZ:sent:3". */
    private static String bucketId(String member, InboxBox box, long bucket) {
        return box == InboxBox.SENT ? member + ":sent:" + bucket : member + ":" + bucket;
    }

    /** What the entry holds of the alert as it was raised, which never changes. */
    private static Document entry(Document alert, String originator) {
        Document details = alert.get("details", Document.class);
        return new Document("alert", alert.getString("_id"))
                .append("position", alert.getLong("position"))
                .append("raisedAt", alert.getDate("raisedAt"))
                .append("precedence", alert.getString("precedence"))
                .append("category", alert.getString("category"))
                .append("status", details.getString("status"))
                .append("marking", details.getString("marking"))
                .append("validUntil", details.getDate("validUntil"))
                .append("acknowledgeBy", alert.getDate("acknowledgeBy"))
                .append("addressees", alert.getList("addressees", String.class).size())
                .append("originator", originator);
    }

    /**
     * What the entry at {@code path} holds of the alert's facts, which only ever grow, each a path of its own: the
     * acknowledgements it counts, added to any it has, and the withdrawal.
     */
    private static List<Bson> facts(String path, Document alert, List<String> acknowledgedBy) {
        List<Bson> facts = new ArrayList<>();
        if (!acknowledgedBy.isEmpty()) {
            facts.add(Updates.addEachToSet(path + ".acknowledgedBy", acknowledgedBy));
            Document acknowledgements = InboxDocuments.keyed(alert, InboxDocuments.ACKNOWLEDGEMENTS);
            for (String member : acknowledgedBy) {
                facts.add(Updates.set(path + ".acknowledgedAt." + member,
                                      acknowledgements.get(member, Document.class).getDate("at")));
            }
        }
        if (alert.get(InboxDocuments.WITHDRAWAL) != null) {
            facts.add(Updates.set(path + ".withdrawn", true));
        }
        return facts;
    }

    /** Every entry of the member's inbox, in no particular order. */
    List<Document> of(MemberCode member) {
        return of(member, InboxBox.RECEIVED);
    }

    /** Every entry of the member's received or sent alerts, in no particular order. */
    List<Document> of(MemberCode member, InboxBox box) {
        Document index = members.find(Filters.eq("_id", member.value())).first();
        if (index == null) {
            return List.of();
        }
        if (index.containsKey(UNBUCKETED) || index.containsKey(LEGACY_RECEIVED) || index.containsKey(LEGACY_SENT)) {
            moveFromEarlierLayouts(index);
            return of(member, box);
        }
        List<String> ids = bucketIds(index, member.value(), listing(box), box);
        List<Document> entries = new ArrayList<>();
        ByIds.find(buckets, ids, bucket -> bucket.get("entries", Document.class).values()
                .forEach(entry -> entries.add((Document) entry)));
        return entries;
    }

    private static List<String> bucketIds(Document index, String member, String listed, InboxBox box) {
        return index.getList(listed, Number.class, List.of()).stream()
                .map(bucket -> bucketId(member, box, bucket.longValue())).toList();
    }

    /**
     * Writes a member's alerts again, from their documents, into this layout, then forgets where an earlier one kept
     * them. Writing is idempotent, so a projection writing the same alerts meanwhile changes nothing.
     */
    private void moveFromEarlierLayouts(Document index) {
        String member = index.getString("_id");
        Set<String> alertIds = new LinkedHashSet<>();
        for (Object entry : index.getList(UNBUCKETED, Object.class, List.of())) {
            alertIds.add(((Document) entry).getString("alert"));
        }
        List<String> legacy = new ArrayList<>(bucketIds(index, member, LEGACY_RECEIVED, InboxBox.RECEIVED));
        legacy.addAll(bucketIds(index, member, LEGACY_SENT, InboxBox.SENT));
        ByIds.find(legacyBuckets, legacy, bucket -> alertIds.addAll(bucket.get("entries", Document.class).keySet()));
        ByIds.find(alerts, List.copyOf(alertIds), alert -> write(alert, List.of(member)));
        members.updateOne(Filters.eq("_id", member), Updates.combine(Updates.unset(UNBUCKETED),
                Updates.unset(LEGACY_RECEIVED), Updates.unset(LEGACY_SENT)));
        if (!legacy.isEmpty()) {
            legacyBuckets.deleteMany(Filters.in("_id", legacy));
        }
    }

    /** A replay starts from nothing. */
    void clear() {
        members.deleteMany(new Document());
        buckets.deleteMany(new Document());
        legacyBuckets.deleteMany(new Document());
    }
}
