package org.ewn.query.transfer;

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
import org.ewn.api.subject.ProtectedData;
import org.ewn.api.transfer.ResponsibilityHandedOver;
import org.ewn.api.transfer.TransferAccepted;
import org.ewn.api.transfer.TransferAnswerOverdue;
import org.ewn.api.transfer.TransferAsked;
import org.ewn.api.transfer.TransferEvent;
import org.ewn.api.transfer.TransferGranted;
import org.ewn.api.transfer.TransferRefused;
import org.ewn.api.transfer.TransferRejected;
import org.ewn.api.transfer.TransferRequested;
import org.ewn.api.transfer.TransferStatus;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Projects case transfers into {@value #TRANSFERS}, one document per transfer: its parties, where it stands, who is
 * responsible, its sealed summary and its history. A step's history entry is keyed by its position in the log and
 * the status moves only forward in the log, so a replay or a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(TransferProjection.PROCESSING_GROUP)
class TransferProjection {

    static final String PROCESSING_GROUP = "transfers";
    static final String TRANSFERS = "transfers";

    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoCollection<Document> transfers;

    TransferProjection(MongoDatabase database) {
        this.transfers = database.getCollection(TRANSFERS);
    }

    @EventHandler
    void on(TransferEvent event, TrackingToken token) {
        event.dispatch(new Writes(position(token)));
    }

    @ResetHandler
    void reset() {
        transfers.deleteMany(new Document());
    }

    private final class Writes implements TransferEvent.Cases<Void> {

        private final long position;

        Writes(long position) {
            this.position = position;
        }

        @Override
        public Void requested(TransferRequested event) {
            return opened(event, "REQUEST", event.sealedSummary(), event.subjects(), event.answerBy());
        }

        @Override
        public Void asked(TransferAsked event) {
            return opened(event, "ASK", event.sealedSummary(), event.subjects(), event.answerBy());
        }

        private Void opened(TransferEvent event, String origin, String sealedSummary, List<ProtectedData> subjects,
                            Instant answerBy) {
            List<Document> people = new ArrayList<>();
            for (ProtectedData data : subjects) {
                people.add(new Document("subject", data.subject().toString()).append("keyId", data.keyId())
                        .append("iv", data.iv()).append("ciphertext", data.ciphertext()));
            }
            Document opened = new Document("sender", event.sender().value())
                    .append("receiver", event.receiver().value())
                    .append("members", List.of(event.sender().member().value(), event.receiver().member().value()))
                    .append("origin", origin)
                    .append("sealedSummary", Document.parse(sealedSummary))
                    .append("subjects", people)
                    .append("answerBy", Date.from(answerBy))
                    .append("openedAt", Date.from(event.submission().receivedAt()))
                    .append("position", position);
            transfers.updateOne(Filters.eq("_id", event.transferId().toString()), Updates.combine(
                    Updates.setOnInsert("status", origin.equals("ASK") ? TransferStatus.ASKED.name()
                            : TransferStatus.REQUESTED.name()),
                    Updates.setOnInsert("statusPosition", position),
                    Updates.setOnInsert("reminded", false),
                    Updates.set("opened", opened)), UPSERT);
            step(event, origin.equals("ASK") ? "ASKED" : "REQUESTED", null, event.submission().receivedAt());
            return null;
        }

        @Override
        public Void accepted(TransferAccepted event) {
            return moved(event, TransferStatus.ACCEPTED, null, event.submission().receivedAt());
        }

        @Override
        public Void rejected(TransferRejected event) {
            return moved(event, TransferStatus.REJECTED, event.reason(), event.submission().receivedAt());
        }

        @Override
        public Void granted(TransferGranted event) {
            return moved(event, TransferStatus.GRANTED, null, event.submission().receivedAt());
        }

        @Override
        public Void refused(TransferRefused event) {
            return moved(event, TransferStatus.REFUSED, event.reason(), event.submission().receivedAt());
        }

        @Override
        public Void handedOver(ResponsibilityHandedOver event) {
            return moved(event, TransferStatus.HANDED_OVER, null, event.at());
        }

        @Override
        public Void overdue(TransferAnswerOverdue event) {
            transfers.updateOne(Filters.eq("_id", event.transferId().toString()), Updates.set("reminded", true),
                    UPSERT);
            step(event, "REMINDED", null, event.remindedAt());
            return null;
        }

        private Void moved(TransferEvent event, TransferStatus status, String reason, Instant at) {
            String id = event.transferId().toString();
            // the step first: a reader who sees the new status finds the step that led to it in the history
            step(event, status.name(), reason, at);
            transfers.updateOne(Filters.and(Filters.eq("_id", id), Filters.lt("statusPosition", position)),
                    Updates.combine(Updates.set("status", status.name()), Updates.set("statusPosition", position)));
            return null;
        }

        private void step(TransferEvent event, String step, String reason, Instant at) {
            Document entry = new Document("position", position).append("step", step)
                    .append("agency", event.submission() == null ? null : event.submission().agency().value())
                    .append("submissionId", event.submission() == null ? null
                            : event.submission().submissionId().toString())
                    .append("reason", reason)
                    .append("at", Date.from(at));
            Bson notYet = Filters.and(Filters.eq("_id", event.transferId().toString()),
                    Filters.ne("history.position", position));
            transfers.updateOne(notYet, Updates.push("history", entry));
        }
    }

    private static long position(TrackingToken token) {
        if (token instanceof GlobalSequenceTrackingToken global) {
            return global.getGlobalIndex();
        }
        return token.position().orElseThrow(() -> new IllegalStateException("untracked event in the transfers"));
    }
}
