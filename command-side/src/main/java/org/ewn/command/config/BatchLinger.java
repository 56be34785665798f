package org.ewn.command.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Lets a tracking processor's events gather for a while after a batch that was not full, so that its next batch
 * holds what arrived meanwhile. Each batch costs the token store two writes, a claim at its start and the token at
 * its end, whatever its size; a processor that keeps up with the log otherwise takes each event as a batch of its
 * own, and at 100 alerts/s the deadlines processor wrote its token about one and a half times an alert. It is for
 * processors that no one waits for: the deadlines, which are minutes to days away and are looked for every few
 * seconds. A full batch is followed at once, so a processor that is behind, or replays the log, catches up as fast as
 * before.
 */
final class BatchLinger implements MessageHandlerInterceptor<EventMessage<?>> {

    private final Duration linger;
    private final int fullBatch;
    private final Consumer<Duration> pause;

    BatchLinger(Duration linger, int fullBatch) {
        this(linger, fullBatch, BatchLinger::sleep);
    }

    BatchLinger(Duration linger, int fullBatch, Consumer<Duration> pause) {
        this.linger = linger;
        this.fullBatch = fullBatch;
        this.pause = pause;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (!linger.isZero() && unitOfWork instanceof BatchingUnitOfWork<?> batch && batch.isFirstMessage()
            && batch.getMessages().size() < fullBatch) {
            // after the batch's token is stored: what the batch did is kept whatever happens during the pause
            unitOfWork.afterCommit(done -> pause.accept(linger));
        }
        return interceptorChain.proceed();
    }

    private static void sleep(Duration linger) {
        try {
            Thread.sleep(linger.toMillis());
        } catch (InterruptedException e) {
            // the processor is stopping; it sees the interruption itself
            Thread.currentThread().interrupt();
        }
    }
}
