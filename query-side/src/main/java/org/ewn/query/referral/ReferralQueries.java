package org.ewn.query.referral;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.referral.ReferralStatus;
import org.ewn.api.subject.ProtectedData;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Answers from the referral read model, for the parties' members only. A member sees what the referral shares (the
 * consent, the person, the summary) if it referred, or if it was referred to and the referral is neither declined nor
 * revoked: revoking ends the receiver's access with the next read.
 */
@Component
class ReferralQueries {

    static final int MAX_PAGE_SIZE = 200;
    private static final Set<String> ACCESS_ENDED = Set.of(ReferralStatus.DECLINED.name(),
                                                           ReferralStatus.REVOKED.name());

    private final MongoCollection<Document> referrals;
    private final MongoCollection<Document> members;
    private final ReferralSubjects subjects;
    private final Clock clock = Clock.systemUTC();

    ReferralQueries(MongoDatabase database, ReferralSubjects subjects) {
        this.referrals = database.getCollection(ReferralProjection.REFERRALS);
        this.members = database.getCollection(ReferralProjection.MEMBERS);
        this.subjects = subjects;
    }

    /** @param statuses empty for all; @param box SENT, RECEIVED or null for both */
    ReferralViews.Page list(MemberCode member, Set<ReferralStatus> statuses, String box, int page, int size) {
        Document entry = members.find(Filters.eq("_id", member.value())).first();
        Set<String> ids = new LinkedHashSet<>();
        if (box == null || box.equals("SENT")) {
            ids.addAll(ReferralProjection.ids(entry, "sent"));
        }
        if (box == null || box.equals("RECEIVED")) {
            ids.addAll(ReferralProjection.ids(entry, "received"));
        }
        List<Document> found = ids.isEmpty() ? List.of()
                : referrals.find(Filters.in("_id", ids)).into(new ArrayList<>());
        List<Document> matching = found.stream().filter(d -> d.containsKey("position"))
                .filter(d -> statuses.isEmpty() || statuses.contains(ReferralStatus.valueOf(d.getString("status"))))
                .filter(d -> box == null || box.equals(box(d, member)))
                .sorted(Comparator.comparing((Document d) -> d.getLong("position")).reversed()).toList();
        List<ReferralViews.Item> items = matching.stream().skip((long) page * size).limit(size)
                .map(d -> item(d, member)).toList();
        return new ReferralViews.Page(items, page, size, matching.size());
    }

    /** Empty when there is no such referral, or the member is not a party to it. */
    Optional<ReferralViews.Detail> detail(MemberCode member, UUID referralId) {
        Document d = referrals.find(Filters.eq("_id", referralId.toString())).first();
        if (d == null || !d.containsKey("position") || !isParty(d, member)) {
            return Optional.empty();
        }
        boolean referrer = member.equals(new AgencyCode(d.getString("referringAgency")).member());
        boolean shared = referrer || !ACCESS_ENDED.contains(d.getString("status"));
        List<ReferralViews.Step> history = d.get("steps", Document.class).values().stream()
                .map(Document.class::cast).sorted(Comparator.comparing(s -> s.getLong("position")))
                .map(s -> new ReferralViews.Step(s.getLong("position"), s.getString("status"), s.getString("agency"),
                        s.getDate("at").toInstant(), s.getString("reason"), s.getString("outcome"),
                        s.getString("cause"))).toList();
        if (!shared) {
            return Optional.of(new ReferralViews.Detail(item(d, member), false, null, null, null, null, history));
        }
        Document consent = new Document(d.get("consent", Document.class));
        consent.put("validUntil", consent.getDate("validUntil").toInstant());
        Document subject = d.get("subject", Document.class);
        ProtectedData data = new ProtectedData(UUID.fromString(subject.getString("subject")),
                subject.getString("keyId"), subject.getString("iv"), subject.getString("ciphertext"));
        String sealed = d.getString("sealedSummary");
        Map<String, Object> sealedSummary = sealed == null ? null : Document.parse(sealed);
        return Optional.of(new ReferralViews.Detail(item(d, member), true, consent, subjects.open(data),
                d.getString("summary"), sealedSummary, history));
    }

    private ReferralViews.Item item(Document d, MemberCode member) {
        Instant acceptBy = d.getDate("acceptBy").toInstant();
        String status = d.getString("status");
        return new ReferralViews.Item(UUID.fromString(d.getString("_id")), box(d, member),
                d.getString("referringAgency"), d.getString("receivingAgency"), d.getList("services", String.class),
                d.getString("urgency"), status, instant(d, "submittedAt"), acceptBy,
                ReferralStatus.SUBMITTED.name().equals(status) && !clock.instant().isBefore(acceptBy),
                instant(d, "updatedAt"));
    }

    /** For a referral within one member, the member both sent and received it; it is listed as sent. */
    private static String box(Document d, MemberCode member) {
        return member.equals(new AgencyCode(d.getString("referringAgency")).member()) ? "SENT" : "RECEIVED";
    }

    private static boolean isParty(Document d, MemberCode member) {
        return member.equals(new AgencyCode(d.getString("referringAgency")).member())
               || member.equals(new AgencyCode(d.getString("receivingAgency")).member());
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
