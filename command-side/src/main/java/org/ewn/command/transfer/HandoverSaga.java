package org.ewn.command.transfer;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.ewn.api.transfer.CompleteHandover;
import org.ewn.api.transfer.ResponsibilityHandedOver;
import org.ewn.api.transfer.TransferAccepted;
import org.ewn.api.transfer.TransferGranted;
import org.ewn.api.transfer.TransferId;
import org.ewn.command.submission.Conflicts;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

/**
 * Completes the handover of a transfer once the receiver accepted it or the holder granted it: it has responsibility
 * move to the receiver, and ends when it has. The transfer hands over once however often it is asked, so a saga that
 * asks again after a restart changes nothing.
 */
@Saga(sagaStore = "transferSagaStore")
public class HandoverSaga {

    private static final String TRANSFER = "transferId";

    /** The transfer being handed over; stored with the saga, which needs at least one property to serialize. */
    private String transfer;

    @Autowired
    private transient CommandGateway commands;

    @StartSaga
    @SagaEventHandler(associationProperty = TRANSFER)
    void on(TransferAccepted accepted, @Timestamp Instant at) {
        handOver(accepted.transferId(), at);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = TRANSFER)
    void on(TransferGranted granted, @Timestamp Instant at) {
        handOver(granted.transferId(), at);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = TRANSFER)
    void on(ResponsibilityHandedOver handedOver) {
        // responsibility moved; nothing is left to coordinate
    }

    private void handOver(TransferId transferId, Instant at) {
        transfer = transferId.toString();
        Conflicts.retried(() -> commands.sendAndWait(new CompleteHandover(transferId, at)));
    }

    public String getTransfer() {
        return transfer;
    }

    public void setTransfer(String transfer) {
        this.transfer = transfer;
    }
}
