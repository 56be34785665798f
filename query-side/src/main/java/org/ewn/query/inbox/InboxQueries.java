package org.ewn.query.inbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.ewn.api.inbox.FindInbox;
import org.ewn.api.inbox.FindInboxAlert;
import org.ewn.api.inbox.FindInboxStatistics;
import org.ewn.api.inbox.InboxStatistics;
import org.ewn.api.inbox.InboxAlert;
import org.ewn.api.inbox.InboxAlertDetail;
import org.ewn.api.inbox.InboxPage;
import org.ewn.api.member.MemberCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Answers questions about inboxes. A page is found from the member's entries alone, unless it searches text: then
 * the alerts that meet every other criterion are read by {@code _id}, in batches, and searched. States that depend
 * on time (overdue, expired) are decided at the time of asking.
 */
@Component
class InboxQueries {

    private final MongoCollection<Document> alerts;
    private final InboxEntries entries;
    private final InboxDocuments documents = new InboxDocuments();
    private final Clock clock;
    private final SubjectReader subjects;

    @Autowired
    InboxQueries(MongoDatabase database, ObjectProvider<Clock> clock, SubjectReader subjects) {
        this(database, clock.getIfAvailable(Clock::systemUTC), subjects);
    }

    /** Without a subject key store: every person shows as erased. */
    InboxQueries(MongoDatabase database, Clock clock) {
        this(database, clock, SubjectReader.WITHOUT_KEYS);
    }

    InboxQueries(MongoDatabase database, Clock clock, SubjectReader subjects) {
        this.alerts = database.getCollection(InboxProjection.ALERTS);
        this.entries = new InboxEntries(database);
        this.clock = clock;
        this.subjects = subjects;
    }

    @QueryHandler
    InboxPage handle(FindInbox query) {
        Instant now = clock.instant();
        List<String> matching = entries.of(query.member(), query.box()).stream()
                .filter(entry -> EntryMatcher.matches(query.filter(), entry, query.member(), now))
                .sorted(Comparator.comparingLong((Document entry) -> entry.getLong("position")).reversed())
                .map(entry -> entry.getString("alert")).toList();
        if (query.filter().text() != null) {
            matching = mentioning(matching, query.filter().text().toLowerCase(Locale.ROOT));
        }
        long first = (long) query.page() * query.size();
        List<String> page = first >= matching.size() ? List.of()
                : matching.subList((int) first, (int) Math.min(first + query.size(), matching.size()));
        Map<String, Document> byId = new HashMap<>();
        ByIds.find(alerts, page, alert -> byId.put(alert.getString("_id"), alert));
        List<InboxAlert> shown = page.stream().map(byId::get).filter(Objects::nonNull)
                .map(alert -> documents.toAlert(alert, query.member(), now)).toList();
        return new InboxPage(shown, query.page(), query.size(), matching.size());
    }

    /** Empty unless the member is an addressee or the originator's member, so others cannot tell it exists. */
    @QueryHandler
    Optional<InboxAlertDetail> handle(FindInboxAlert query) {
        Document document = alerts.find(Filters.eq("_id", query.alertId().toString())).first();
        if (document == null || !document.containsKey("position")) {
            return Optional.empty();
        }
        MemberCode viewer = query.member();
        InboxAlert alert = documents.toAlert(document, viewer, clock.instant());
        boolean entitled = alert.addressees().contains(viewer) || alert.originator().member().equals(viewer);
        return entitled ? Optional.of(new InboxAlertDetail(alert, documents.sealed(document),
                subjects.read(documents.subjects(document)),
                InboxHistory.of(document, viewer)))
                : Optional.empty();
    }

    /**
     * From the member's entries alone; only entries projected before they kept the time of the member's
     * acknowledgement need their alert's document, read by {@code _id}.
     */
    @QueryHandler
    InboxStatistics handle(FindInboxStatistics query) {
        List<Document> all = entries.of(query.member());
        Map<String, Instant> legacy = new HashMap<>();
        List<String> missing = all.stream().filter(entry -> !entry.containsKey("acknowledgedAt")
                        && entry.getList("acknowledgedBy", String.class, List.of()).contains(query.member().value()))
                .map(entry -> entry.getString("alert")).toList();
        ByIds.find(alerts, missing, Projections.include(InboxDocuments.ACKNOWLEDGEMENTS), alert -> {
            Document own = InboxDocuments.keyed(alert, InboxDocuments.ACKNOWLEDGEMENTS)
                    .get(query.member().value(), Document.class);
            if (own != null) {
                legacy.put(alert.getString("_id"), own.getDate("at").toInstant());
            }
        });
        return StatisticsCalculator.compute(all, query.member(), clock.instant(), query.days(),
                                            entry -> legacy.get(entry.getString("alert")));
    }

    /** Those of the alerts, in their order, whose title, text or follow-ups contain {@code needle}. */
    private List<String> mentioning(List<String> ids, String needle) {
        Set<String> found = new HashSet<>();
        ByIds.find(alerts, ids, TextSearch.FIELDS, alert -> {
            if (TextSearch.mentions(alert, needle)) {
                found.add(alert.getString("_id"));
            }
        });
        List<String> inOrder = new ArrayList<>(found.size());
        ids.stream().filter(found::contains).forEach(inOrder::add);
        return inOrder;
    }
}
