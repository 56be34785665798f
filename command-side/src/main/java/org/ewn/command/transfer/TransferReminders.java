package org.ewn.command.transfer;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ewn.api.transfer.RemindOverdueTransfer;
import org.ewn.api.transfer.TransferId;
import org.ewn.command.escalation.DeadlineSweep;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Reminds the party whose answer to a transfer is overdue. Every command node runs it over the shared deadlines; the
 * transfer records one reminder, so several nodes asking at once, or asking again after a restart, changes nothing.
 */
@Component
class TransferReminders implements DisposableBean {

    private final DeadlineSweep sweep;

    TransferReminders(MongoDatabase database, CommandGateway commands, Clock clock, TransferProperties properties) {
        this.sweep = new DeadlineSweep("transfer deadlines", database.getCollection(TransferDeadlines.DEADLINES),
                clock, properties.checkInterval(), (deadline, now) ->
                commands.sendAndWait(new RemindOverdueTransfer(TransferId.of(deadline.getString("_id")), now)));
    }

    @Override
    public void destroy() {
        sweep.close();
    }
}
