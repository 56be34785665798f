package org.ewn.command.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A processor pauses after a batch that was not full, once the batch and its token are stored, and only then. */
class BatchLingerTest {

    private static final Duration LINGER = Duration.ofMillis(100);

    private final List<String> steps = new ArrayList<>();
    private final BatchLinger linger = new BatchLinger(LINGER, 3, pause -> steps.add("paused " + pause.toMillis()));

    @Test
    void aBatchThatWasNotFullIsFollowedByOnePauseAfterItsTokenIsStored() {
        process(linger, 2, false);

        assertThat(steps).containsExactly("handled 0", "handled 1", "token stored", "paused 100");
    }

    @Test
    void aFullBatchIsFollowedAtOnce() {
        process(linger, 3, false);

        assertThat(steps).containsExactly("handled 0", "handled 1", "handled 2", "token stored");
    }

    @Test
    void aBatchRolledBackIsRetriedAtOnce() {
        process(linger, 1, true);

        assertThat(steps).containsExactly("handled 0");
    }

    @Test
    void noLingerNoPause() {
        process(new BatchLinger(Duration.ZERO, 3, pause -> steps.add("paused")), 1, false);

        assertThat(steps).containsExactly("handled 0", "token stored");
    }

    /** As a tracking processor runs a batch: each event through the interceptor, the token stored before commit. */
    private void process(BatchLinger interceptor, int events, boolean failing) {
        List<EventMessage<?>> messages = IntStream.range(0, events)
                .<EventMessage<?>>mapToObj(GenericEventMessage::asEventMessage).toList();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(messages);
        batch.onPrepareCommit(unitOfWork -> steps.add("token stored"));
        batch.executeWithResult(() -> interceptor.handle(batch, () -> {
            steps.add("handled " + batch.getMessage().getPayload());
            if (failing) {
                throw new IllegalStateException("the store is away");
            }
            return null;
        }));
    }
}
