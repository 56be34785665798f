package org.ewn.command.callback;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.ewn.api.callback.CallbackEvent;
import org.ewn.api.callback.CallbackId;
import org.ewn.api.callback.CallbackRegistered;
import org.ewn.api.callback.CallbackRemoved;
import org.ewn.api.callback.SetCallback;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.command.submission.Repeats;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One agency's callback registration, from its first submission on: each registration or removal is an event, so
 * the hub calls back the same URL after any restart and the log says who set it when. Who may set it the gate and
 * {@link CallbackSubmissions} decide; here, a submission counts once.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
                isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class AgencyCallback {

    @AggregateIdentifier
    private CallbackId callbackId;
    private String url;
    private Map<UUID, Recorded> submissions = new HashMap<>();

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    Recorded handle(SetCallback command) {
        SignedSubmission submission = command.submission();
        Recorded before = submissions.get(submission.submissionId());
        if (before != null) {
            sameContentOnly(before, submission);
            return before.repeated();
        }
        if (command.url() == null) {
            apply(new CallbackRemoved(command.callbackId().agency(), submission));
        } else {
            apply(new CallbackRegistered(command.callbackId().agency(), command.url(), submission));
        }
        return submissions.get(submission.submissionId());
    }

    private static void sameContentOnly(Recorded before, SignedSubmission submission) {
        Repeats.mustRepeat(before.contentHash(), submission);
    }

    @EventSourcingHandler
    void on(CallbackEvent event, @SequenceNumber long sequence) {
        callbackId = new CallbackId(event.agency());
        url = event instanceof CallbackRegistered registered ? registered.url() : null;
        SignedSubmission submission = event.submission();
        submissions.put(submission.submissionId(),
                        new Recorded(submission.contentHash(), submission.receivedAt(), sequence, url, true));
    }

    /**
     * A submission as recorded: where its event lies and when it was first received, so a repeat gets the same
     * receipt.
     *
     * @param url     the URL it registered; null for a removal
     * @param created false when the submission had been recorded before
     */
    record Recorded(String contentHash, Instant receivedAt, long sequence, String url, boolean created) {

        Recorded repeated() {
            return new Recorded(contentHash, receivedAt, sequence, url, false);
        }
    }

    // for Axon
    AgencyCallback() {
    }
}
