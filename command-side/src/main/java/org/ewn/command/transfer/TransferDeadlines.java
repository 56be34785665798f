package org.ewn.command.transfer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.ewn.api.transfer.TransferAsked;
import org.ewn.api.transfer.TransferEvent;
import org.ewn.api.transfer.TransferRequested;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;

/**
 * The transfers that still await an answer, one document per transfer with its deadline, kept from the log so that
 * deadlines survive any restart. A transfer leaves once answered or reminded; inserts happen once, so a replay or a
 * redelivered event changes nothing.
 */
@Component
@ProcessingGroup(TransferDeadlines.PROCESSING_GROUP)
class TransferDeadlines {

    static final String PROCESSING_GROUP = "transfer-deadlines";
    static final String DEADLINES = "transfer_deadlines";

    private final MongoCollection<Document> deadlines;

    TransferDeadlines(MongoDatabase database) {
        this.deadlines = database.getCollection(DEADLINES);
    }

    @EventHandler
    void on(TransferEvent event) {
        if (event instanceof TransferRequested requested) {
            open(requested.transferId().toString(), requested.answerBy());
        } else if (event instanceof TransferAsked asked) {
            open(asked.transferId().toString(), asked.answerBy());
        } else {
            // answered, handed over or reminded: nothing more to watch
            deadlines.deleteOne(Filters.eq("_id", event.transferId().toString()));
        }
    }

    private void open(String transferId, Instant answerBy) {
        deadlines.updateOne(Filters.eq("_id", transferId), Updates.setOnInsert("dueAt", Date.from(answerBy)),
                new UpdateOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        deadlines.deleteMany(new Document());
    }
}
