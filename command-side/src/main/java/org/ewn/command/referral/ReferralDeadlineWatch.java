package org.ewn.command.referral;

import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.ewn.api.referral.ReferralId;
import org.ewn.api.referral.RemindOfReferral;
import org.ewn.command.escalation.DeadlineSweep;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Reminds of referrals whose deadline to answer has passed. Every command node runs it over the shared deadlines; the
 * referral records one reminder only, so that several nodes asking at once, or asking again after a restart, changes
 * nothing.
 */
@Component
class ReferralDeadlineWatch implements DisposableBean {

    private final DeadlineSweep sweep;

    ReferralDeadlineWatch(MongoDatabase database, CommandGateway commands, Clock clock, ReferralProperties properties) {
        this.sweep = new DeadlineSweep("referral deadlines", database.getCollection(
                ReferralDeadlineProjection.DEADLINES), clock, properties.checkInterval(), (deadline, now) ->
                commands.sendAndWait(new RemindOfReferral(ReferralId.of(deadline.getString("_id")), now)));
    }

    @Override
    public void destroy() {
        sweep.close();
    }
}
