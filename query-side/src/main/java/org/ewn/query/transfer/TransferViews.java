package org.ewn.query.transfer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.ewn.api.member.MemberCode;
import org.ewn.api.subject.ProtectedData;
import org.ewn.api.transfer.TransferStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads transfers for a member: only those where one of its agencies is a party. The list scans the transfers (the
 * embedded store scans for anything but {@code _id}); a transfer is read by {@code _id}.
 */
@Component
class TransferViews {

    private final MongoCollection<Document> transfers;

    TransferViews(MongoDatabase database) {
        this.transfers = database.getCollection(TransferProjection.TRANSFERS);
    }

    TransferViewsPage list(MemberCode member, Set<TransferStatus> statuses, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.eq("opened.members", member.value()));
        if (!statuses.isEmpty()) {
            filters.add(Filters.in("status", statuses.stream().map(Enum::name).toList()));
        }
        Bson filter = Filters.and(filters);
        long total = transfers.countDocuments(filter);
        List<TransferSummary> items = new ArrayList<>();
        for (Document transfer : transfers.find(filter).sort(Sorts.descending("opened.openedAt"))
                .skip(page * size).limit(size)) {
            items.add(summary(transfer, member));
        }
        return new TransferViewsPage(items, page, size, total);
    }

    /** The transfer, if the member is a party to it. */
    Optional<Found> find(MemberCode member, UUID transferId) {
        Document transfer = transfers.find(Filters.eq("_id", transferId.toString())).first();
        if (transfer == null || transfer.get("opened") == null
                || !transfer.get("opened", Document.class).getList("members", String.class).contains(member.value())) {
            return Optional.empty();
        }
        Document opened = transfer.get("opened", Document.class);
        List<ProtectedData> subjects = opened.getList("subjects", Document.class, List.of()).stream()
                .map(d -> new ProtectedData(UUID.fromString(d.getString("subject")), d.getString("keyId"),
                        d.getString("iv"), d.getString("ciphertext"))).toList();
        List<TransferDetail.Step> history = transfer.getList("history", Document.class, List.of()).stream()
                .sorted((a, b) -> Long.compare(a.getLong("position"), b.getLong("position")))
                .map(d -> new TransferDetail.Step(d.getLong("position"), d.getString("step"), d.getString("agency"),
                        d.getString("submissionId") == null ? null : UUID.fromString(d.getString("submissionId")),
                        d.getString("reason"), d.getDate("at").toInstant())).toList();
        @SuppressWarnings("unchecked")
        Map<String, Object> sealed = opened.get("sealedSummary", Document.class);
        return Optional.of(new Found(summary(transfer, member), sealed, subjects, history));
    }

    private static TransferSummary summary(Document transfer, MemberCode member) {
        Document opened = transfer.get("opened", Document.class);
        TransferStatus status = TransferStatus.valueOf(transfer.getString("status"));
        String sender = opened.getString("sender");
        String receiver = opened.getString("receiver");
        boolean handedOver = status == TransferStatus.HANDED_OVER;
        String responsible = handedOver ? receiver : sender;
        boolean ofSender = sender.startsWith(member.value() + "-");
        boolean readOnly = handedOver && ofSender;
        return new TransferSummary(UUID.fromString(transfer.getString("_id")), opened.getString("origin"), status,
                sender, receiver, responsible, handedOver ? sender : null, ofSender ? "SENDER" : "RECEIVER",
                readOnly, opened.getDate("openedAt").toInstant(), date(opened.getDate("answerBy")),
                transfer.getBoolean("reminded", false));
    }

    private static java.time.Instant date(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** A transfer a member may see, with what the detail opens further. */
    record Found(TransferSummary summary, Map<String, Object> sealedSummary, List<ProtectedData> subjects,
                 List<TransferDetail.Step> history) {
    }
}
