package org.ewn.query.inbox;

import org.ewn.query.EmbeddedMongo;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonString;
import org.bson.Document;
import org.ewn.api.alert.AlertId;
import org.ewn.api.inbox.FindInbox;
import org.ewn.api.inbox.FindInboxAlert;
import org.ewn.api.inbox.InboxAlert;
import org.ewn.api.inbox.InboxBox;
import org.ewn.api.inbox.InboxFilter;
import org.ewn.api.inbox.InboxPage;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ewn.api.alert.AlertCategory.OTHER;
import static org.ewn.api.alert.AlertStatus.ACTUAL;
import static org.ewn.api.alert.HandlingMarking.AMBER;
import static org.ewn.api.alert.Precedence.ROUTINE;
import static org.ewn.api.inbox.InboxState.ACKNOWLEDGED;
import static org.ewn.api.inbox.InboxState.EXPIRED;
import static org.ewn.api.inbox.InboxState.OVERDUE;
import static org.ewn.api.inbox.InboxState.UNACKNOWLEDGED;
import static org.ewn.api.inbox.InboxState.WITHDRAWN;
import static org.ewn.query.inbox.AlertScenario.EARLY;
import static org.ewn.query.inbox.AlertScenario.KG;
import static org.ewn.query.inbox.AlertScenario.KZ;
import static org.ewn.query.inbox.AlertScenario.LATER;
import static org.ewn.query.inbox.AlertScenario.T0;
import static org.ewn.query.inbox.AlertScenario.TJ;
import static org.ewn.query.inbox.AlertScenario.UZ;
import static org.ewn.query.inbox.AlertScenario.at;
import static org.ewn.query.EmbeddedMongo.all;
import static org.ewn.query.inbox.Where.where;

/** How the inbox is stored: rebuilt the same from zero, unchanged by redelivery, in buckets of bounded size. */
class InboxProjectionTest {

    private static final EmbeddedMongo MONGO = new EmbeddedMongo();
    private static final List<String> COLLECTIONS = List.of(InboxProjection.ALERTS, InboxEntries.MEMBERS,
                                                            InboxEntries.BUCKETS);
    private static final List<MemberCode> VIEWERS = List.of(KZ, KG, UZ, TJ);
    private static final List<InboxFilter> FILTERS = List.of(InboxFilter.ALL,
            where().state(UNACKNOWLEDGED).filter(), where().state(ACKNOWLEDGED).filter(),
            where().state(OVERDUE).filter(), where().state(WITHDRAWN, EXPIRED).filter(),
            where().text("clear").filter(), where().from(at(1)).filter());

    private final AlertScenario scenario = new AlertScenario();
    private MongoDatabase database;
    private InboxProjection projection;

    @BeforeEach
    void freshInbox() {
        database = MONGO.freshDatabase();
        projection = new InboxProjection(database);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Test
    void rebuildingFromZeroGivesTheSameInboxesAndHistories() {
        scenario.log.projectInto(projection);
        List<Object> before = everythingEveryoneSees();
        List<List<Document>> stored = stored();
        assertThat(before).as("the comparison has something to compare").hasSizeGreaterThan(60)
                .filteredOn(InboxPage.class::isInstance).extracting(page -> ((InboxPage) page).total())
                .contains(1L, 2L, 3L);

        COLLECTIONS.forEach(collection -> database.getCollection(collection).drop());
        assertThat(queries(LATER).handle(new FindInbox(KZ, 0, 50)).total()).isZero();
        scenario.log.projectInto(new InboxProjection(database));

        assertThat(everythingEveryoneSees()).isEqualTo(before);
        assertThat(stored()).isEqualTo(stored);
    }

    @Test
    void eachEventWritesItsAlertOnceAndReadsItBackInTheSameCommand() {
        List<String> commands = Collections.synchronizedList(new ArrayList<>());
        MongoDatabase listened = MONGO.freshDatabase(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent started) {
                if (started.getCommand().get(started.getCommandName()) instanceof BsonString collection
                    && collection.getValue().equals(InboxProjection.ALERTS)) {
                    commands.add(started.getCommandName());
                }
            }
        });
        scenario.log.projectInto(new InboxProjection(listened));

        assertThat(commands).as("one command on the alerts per event, the alert read back by the update")
                .hasSize(scenario.log.events().size()).containsOnly("findAndModify", "update");
        scenario.log.projectInto(projection);
        assertThat(new InboxQueries(listened, Clock.fixed(LATER, ZoneOffset.UTC)).handle(new FindInbox(KZ, 0, 50)))
                .isEqualTo(queries(LATER).handle(new FindInbox(KZ, 0, 50)));
    }

    @Test
    void theResetBeforeAReplayEmptiesEveryInbox() {
        scenario.log.projectInto(projection);
        List<Object> before = everythingEveryoneSees();

        projection.reset();
        assertThat(stored()).allSatisfy(documents -> assertThat(documents).isEmpty());
        scenario.log.projectInto(projection);
        assertThat(everythingEveryoneSees()).isEqualTo(before);
    }

    @Test
    void redeliveredEventsInAnyOrderChangeNothing() {
        scenario.log.projectInto(projection);
        List<List<Document>> stored = stored();
        List<Object> before = everythingEveryoneSees();

        scenario.log.projectInto(projection);
        List<AlertLog.Logged> backwards = new ArrayList<>(scenario.log.events());
        Collections.reverse(backwards);
        backwards.forEach(event -> event.projectInto(projection));

        assertThat(stored()).isEqualTo(stored);
        assertThat(everythingEveryoneSees()).isEqualTo(before);
        assertThat(queries(LATER).handle(new FindInboxAlert(KG, scenario.bombThreat)).orElseThrow().alert().text())
                .as("the first follow-up again does not supersede the second").isEqualTo("All clear at the station");
    }

    @Test
    void aMembersEntriesAreBucketedBySpansOfTheLog() {
        AlertLog log = new AlertLog(10);
        List<AlertId> raised = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            raised.add(log.raise(at(i), "UZ-SNB", List.of("KZ", "TJ"), ROUTINE, OTHER,
                    AlertLog.details(AMBER, ACTUAL, at(i), null), Duration.ofHours(72), "Alert " + i, "Text " + i));
            log.skip(InboxEntries.BUCKET_SPAN * 2L / 3);
        }
        log.acknowledge(at(10), raised.get(0), "KZ-KNB");
        log.projectInto(projection);

        Document member = database.getCollection(InboxEntries.MEMBERS).find(Filters.eq("_id", "KZ")).first();
        assertThat(member.getList(InboxEntries.RECEIVED_BUCKETS, Number.class)).extracting(Number::longValue)
                .containsExactlyInAnyOrder(0L, 1L, 2L);
        assertThat(all(database, InboxEntries.BUCKETS)).extracting(bucket -> bucket.getString("_id"))
                .containsExactly("KZ:0", "KZ:1", "KZ:2", "TJ:0", "TJ:1", "TJ:2", "UZ:sent:0", "UZ:sent:1",
                                 "UZ:sent:2");
        InboxPage page = queries(LATER).handle(new FindInbox(KZ, 0, 50));
        assertThat(page.alerts()).extracting(InboxAlert::alertId).containsExactlyElementsOf(reversed(raised));
        assertThat(queries(LATER).handle(new FindInbox(KZ, where().state(ACKNOWLEDGED).filter(), 0, 50)).alerts())
                .extracting(InboxAlert::alertId).containsExactly(raised.get(0));
        assertThat(queries(LATER).handle(new FindInbox(TJ, where().state(ACKNOWLEDGED).filter(), 0, 50)).total())
                .as("KZ's acknowledgement is not TJ's").isZero();
    }

    @Test
    void aBucketIsListedOnceAndABucketWhoseListingWasLostIsListedAtItsNextWrite() {
        AlertLog log = new AlertLog(10);
        AlertId first = log.raise(at(0), "UZ-SNB", List.of("KZ"), ROUTINE, OTHER,
                                  AlertLog.details(AMBER, ACTUAL, at(0), null), Duration.ofHours(72), "One", "Text");
        log.projectInto(projection);
        MongoCollection<Document> members = database.getCollection(InboxEntries.MEMBERS);
        MongoCollection<Document> buckets = database.getCollection(InboxEntries.BUCKETS);
        assertThat(buckets.find(Filters.eq("_id", "KZ:0")).first()).containsEntry(InboxEntries.LISTED, true);

        // a crash between the bucket's write and its listing: the bucket unmarked, the member's document without it
        members.updateOne(Filters.eq("_id", "KZ"), Updates.pull(InboxEntries.RECEIVED_BUCKETS, 0L));
        buckets.updateOne(Filters.eq("_id", "KZ:0"), Updates.unset(InboxEntries.LISTED));
        assertThat(queries(LATER).handle(new FindInbox(KZ, 0, 50)).total()).isZero();
        log.acknowledge(at(1), first, "KZ-KNB");
        log.events().get(log.events().size() - 1).projectInto(projection);
        assertThat(queries(LATER).handle(new FindInbox(KZ, 0, 50)).alerts()).extracting(InboxAlert::alertId)
                .containsExactly(first);

        // once marked, the bucket's further entries leave the member's document alone
        members.updateOne(Filters.eq("_id", "KZ"), Updates.set("untouched", true));
        AlertId second = log.raise(at(2), "UZ-SNB", List.of("KZ"), ROUTINE, OTHER,
                                   AlertLog.details(AMBER, ACTUAL, at(2), null), Duration.ofHours(72), "Two", "Text");
        log.events().get(log.events().size() - 1).projectInto(projection);
        Document member = members.find(Filters.eq("_id", "KZ")).first();
        assertThat(member.getList(InboxEntries.RECEIVED_BUCKETS, Number.class)).extracting(Number::longValue)
                .containsExactly(0L);
        assertThat(queries(LATER).handle(new FindInbox(KZ, 0, 50)).alerts()).extracting(InboxAlert::alertId)
                .containsExactly(second, first);
    }

    @Test
    void aSearchReadsLargeInboxesInBatchesAndPagesThroughAllOfThem() {
        AlertLog log = new AlertLog(0);
        int count = ByIds.BATCH + 101;
        for (int i = 0; i < count; i++) {
            log.raise(T0.plusSeconds(i), "UZ-SNB", List.of("KZ"), ROUTINE, OTHER,
                    AlertLog.details(AMBER, ACTUAL, T0, null), Duration.ofHours(72), "Routine report " + i,
                    i % 3 == 0 ? "Needle in the haystack" : "Nothing to see");
        }
        log.projectInto(projection);

        InboxFilter needle = where().text("needle").filter();
        List<String> titles = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            InboxPage found = queries(LATER).handle(new FindInbox(KZ, needle, page, 100));
            assertThat(found.total()).isEqualTo((count + 2) / 3);
            found.alerts().forEach(alert -> titles.add(alert.title()));
        }
        assertThat(titles).hasSize((count + 2) / 3).doesNotHaveDuplicates()
                .startsWith("Routine report 600", "Routine report 597").endsWith("Routine report 0");
        assertThat(queries(LATER).handle(new FindInbox(KZ, 6, 100)).alerts()).hasSize(1);
    }

    @Test
    void inboxesInEarlierLayoutsAreMovedIntoTheCurrentOneWhenFirstRead() {
        scenario.log.projectInto(projection);
        List<Object> before = everythingEveryoneSees();
        List<List<Document>> stored = stored();
        // the earlier layouts: buckets of 1,024 positions in a collection of their own and, for KZ's received alerts,
        // the first inbox's one array of every alert addressed to it
        MongoCollection<Document> legacy = database.getCollection(InboxEntries.LEGACY_BUCKETS);
        for (Document member : all(database, InboxEntries.MEMBERS)) {
            String code = member.getString("_id");
            Document earlier = new Document("_id", code);
            for (InboxBox box : InboxBox.values()) {
                Map<Long, Document> byBucket = new TreeMap<>();
                for (Document alert : all(database, InboxProjection.ALERTS)) {
                    boolean listed = box == InboxBox.RECEIVED
                            ? alert.getList("addressees", String.class).contains(code)
                            : new AgencyCode(alert.getString("originator")).member().value().equals(code);
                    if (listed) {
                        byBucket.computeIfAbsent(alert.getLong("position") / InboxEntries.LEGACY_SPAN,
                                                 bucket -> new Document())
                                .append(alert.getString("_id"), new Document("alert", alert.getString("_id")));
                    }
                }
                if (box == InboxBox.RECEIVED && code.equals("KZ")) {
                    earlier.append(InboxEntries.UNBUCKETED, byBucket.values().stream()
                            .flatMap(entries -> entries.values().stream()).toList());
                } else if (!byBucket.isEmpty()) {
                    String prefix = code + (box == InboxBox.SENT ? ":sent:" : ":");
                    byBucket.forEach((bucket, entries) -> legacy.insertOne(new Document("_id", prefix + bucket)
                                                                                   .append("entries", entries)));
                    earlier.append(box == InboxBox.SENT ? InboxEntries.LEGACY_SENT : InboxEntries.LEGACY_RECEIVED,
                                   List.copyOf(byBucket.keySet()));
                }
            }
            database.getCollection(InboxEntries.MEMBERS).replaceOne(Filters.eq("_id", code), earlier);
        }
        database.getCollection(InboxEntries.BUCKETS).deleteMany(new Document());
        assertThat(all(database, InboxEntries.LEGACY_BUCKETS)).isNotEmpty();

        assertThat(everythingEveryoneSees()).isEqualTo(before);
        assertThat(stored()).isEqualTo(stored);
        assertThat(all(database, InboxEntries.LEGACY_BUCKETS)).isEmpty();
        assertThat(all(database, InboxEntries.MEMBERS)).allSatisfy(m -> assertThat(m).doesNotContainKeys(
                InboxEntries.UNBUCKETED, InboxEntries.LEGACY_RECEIVED, InboxEntries.LEGACY_SENT));
    }

    @Test
    void anAcknowledgementOfAnAlertNotYetProjectedShowsNowhereUntilItIsRaised() {
        AlertLog log = new AlertLog(50);
        AlertId alertId = log.raise(T0, "UZ-SNB", List.of("KZ"), ROUTINE, OTHER,
                AlertLog.details(AMBER, ACTUAL, T0, null), Duration.ofHours(72), "Late raise", "Text");
        log.acknowledge(at(1), alertId, "KZ-KNB");
        log.events().get(1).projectInto(projection);

        assertThat(queries(LATER).handle(new FindInboxAlert(KZ, alertId))).isEmpty();
        assertThat(queries(LATER).handle(new FindInbox(KZ, 0, 50)).total()).isZero();
        log.events().get(0).projectInto(projection);
        assertThat(queries(LATER).handle(new FindInbox(KZ, where().state(ACKNOWLEDGED).filter(), 0, 50)).alerts())
                .extracting(InboxAlert::alertId).containsExactly(alertId);
    }

    @Test
    void aMembersSentAlertsAreListedAndAcknowledgedOnceEveryAddresseeHas() {
        AlertLog log = new AlertLog(0);
        AlertId both = log.raise(T0, "UZ-SNB", List.of("KZ", "TJ"), ROUTINE, OTHER,
                AlertLog.details(AMBER, ACTUAL, T0, null), Duration.ofHours(72), "To two", "Text");
        AlertId one = log.raise(at(1), "UZ-SNB", List.of("KZ"), ROUTINE, OTHER,
                AlertLog.details(AMBER, ACTUAL, T0, null), Duration.ofHours(72), "To one", "Text");
        AlertId fromKz = log.raise(at(2), "KZ-KNB", List.of("UZ"), ROUTINE, OTHER,
                AlertLog.details(AMBER, ACTUAL, T0, null), Duration.ofHours(72), "From KZ", "Text");
        log.acknowledge(at(3), both, "KZ-KNB");
        log.acknowledge(at(4), one, "KZ-KNB");
        log.withdraw(at(5), one, "UZ-SNB", "Resolved");
        log.projectInto(projection);

        InboxQueries queries = queries(LATER);
        assertThat(queries.handle(new FindInbox(UZ, InboxBox.SENT, InboxFilter.ALL, 0, 50)).alerts())
                .extracting(InboxAlert::alertId).containsExactly(one, both);
        assertThat(queries.handle(new FindInbox(UZ, InboxBox.SENT, where().state(ACKNOWLEDGED).filter(), 0, 50))
                .alerts()).as("by every addressee").extracting(InboxAlert::alertId).containsExactly(one);
        assertThat(queries.handle(new FindInbox(UZ, InboxBox.SENT, where().state(UNACKNOWLEDGED).filter(), 0, 50))
                .alerts()).extracting(InboxAlert::alertId).containsExactly(both);
        assertThat(queries.handle(new FindInbox(UZ, InboxBox.SENT, where().state(WITHDRAWN).filter(), 0, 50))
                .alerts()).extracting(InboxAlert::alertId).containsExactly(one);
        assertThat(queries.handle(new FindInbox(UZ, InboxBox.RECEIVED, InboxFilter.ALL, 0, 50)).alerts())
                .extracting(InboxAlert::alertId).containsExactly(fromKz);
        assertThat(queries.handle(new FindInbox(TJ, InboxBox.SENT, InboxFilter.ALL, 0, 50)).total())
                .as("TJ raised nothing").isZero();
        assertThat(queries.handle(new FindInbox(KZ, InboxBox.SENT, InboxFilter.ALL, 0, 50)).alerts())
                .extracting(InboxAlert::alertId).containsExactly(fromKz);
    }

    @Test
    void anEntryWrittenInOnePieceIsTheEntryWrittenFieldByField() {
        AlertLog log = new AlertLog(0);
        log.raise(T0, "UZ-SNB", List.of("KZ"), ROUTINE, OTHER,
                  AlertLog.details(AMBER, ACTUAL, T0, null), Duration.ofHours(72), "Opens the buckets", "Text");
        AlertId second = log.raise(at(1), "UZ-SNB", List.of("KZ"), ROUTINE, OTHER,
                AlertLog.details(AMBER, ACTUAL, T0, at(9)), Duration.ofHours(72), "Joins them", "Text");
        log.projectInto(projection);
        MongoCollection<Document> buckets = database.getCollection(InboxEntries.BUCKETS);
        Map<String, Object> inOnePiece = entriesOf(buckets, second);

        // with its buckets gone, the same alert's entries can only be written field by field, into new ones
        buckets.deleteMany(new Document());
        new InboxEntries(database).write(alertDocument(second), List.of("KZ", "UZ"));

        assertThat(entriesOf(buckets, second)).isEqualTo(inOnePiece).containsOnlyKeys("KZ:0", "UZ:sent:0");
        assertThat(((Document) inOnePiece.get("UZ:sent:0")).keySet()).as("every field, and the sent box's mark")
                .containsExactly("alert", "position", "raisedAt", "precedence", "category", "status", "marking",
                                 "validUntil", "acknowledgeBy", "addressees", "originator", "sent");
    }

    @Test
    void anEntryIsWrittenInOnePieceOnlyWhereItIsMissingSoALateWriteOfTheAlertAsRaisedUndoesNoFact() {
        AlertLog log = new AlertLog(0);
        AlertId opener = log.raise(T0, "UZ-SNB", List.of("KZ", "TJ"), ROUTINE, OTHER,
                AlertLog.details(AMBER, ACTUAL, T0, null), Duration.ofHours(72), "Opens the buckets", "Text");
        AlertId alertId = log.raise(at(1), "UZ-SNB", List.of("KZ", "TJ"), ROUTINE, OTHER,
                AlertLog.details(AMBER, ACTUAL, T0, null), Duration.ofHours(72), "Acknowledged later", "Text");
        log.projectInto(projection);
        Document asRaised = alertDocument(alertId);
        log.acknowledge(at(2), alertId, "KZ-KNB");
        log.withdraw(at(3), alertId, "UZ-SNB", "Resolved");
        log.events().subList(2, 4).forEach(event -> event.projectInto(projection));
        List<List<Document>> stored = stored();

        // a writer that read the alert before its acknowledgement and withdrawal, such as a move from an earlier layout
        new InboxEntries(database).write(asRaised, List.of("KZ", "TJ", "UZ"));

        assertThat(stored()).isEqualTo(stored);
        assertThat(queries(LATER).handle(new FindInbox(KZ, where().state(ACKNOWLEDGED).filter(), 0, 50)).alerts())
                .extracting(InboxAlert::alertId).containsExactly(alertId);
        assertThat(queries(LATER).handle(new FindInbox(UZ, InboxBox.SENT, where().state(WITHDRAWN).filter(), 0, 50))
                .alerts()).extracting(InboxAlert::alertId).containsExactly(alertId);
        assertThat(queries(LATER).handle(new FindInbox(TJ, 0, 50)).alerts()).extracting(InboxAlert::alertId)
                .containsExactly(alertId, opener);
    }

    /** The alert's document as the inbox holds it. */
    private Document alertDocument(AlertId alertId) {
        return database.getCollection(InboxProjection.ALERTS).find(Filters.eq("_id", alertId.toString())).first();
    }

    /** The alert's entry in each bucket that has one, by bucket. */
    private static Map<String, Object> entriesOf(MongoCollection<Document> buckets, AlertId alertId) {
        Map<String, Object> entries = new TreeMap<>();
        for (Document bucket : buckets.find()) {
            Object entry = bucket.get("entries", Document.class).get(alertId.toString());
            if (entry != null) {
                entries.put(bucket.getString("_id"), entry);
            }
        }
        return entries;
    }

    /** Every page and detail the scenario's viewers can ask for, before and after its deadlines. */
    private List<Object> everythingEveryoneSees() {
        List<Object> seen = new ArrayList<>();
        for (Instant now : List.of(EARLY, LATER)) {
            for (MemberCode viewer : VIEWERS) {
                for (InboxFilter filter : FILTERS) {
                    for (InboxBox box : InboxBox.values()) {
                        seen.add(queries(now).handle(new FindInbox(viewer, box, filter, 0, 2)));
                        seen.add(queries(now).handle(new FindInbox(viewer, box, filter, 1, 2)));
                    }
                }
                for (AlertId alertId : List.of(scenario.bombThreat, scenario.phishing, scenario.missingChild)) {
                    seen.add(queries(now).handle(new FindInboxAlert(viewer, alertId)));
                }
            }
        }
        return seen;
    }

    private List<List<Document>> stored() {
        return COLLECTIONS.stream().map(collection -> all(database, collection)).toList();
    }

    private InboxQueries queries(Instant now) {
        return new InboxQueries(database, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> reversed = new ArrayList<>(list);
        Collections.reverse(reversed);
        return reversed;
    }
}
