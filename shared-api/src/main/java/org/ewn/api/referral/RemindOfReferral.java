package org.ewn.api.referral;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** The hub's deadline watch asks a referral to record that its deadline to answer has passed, if it has. */
public record RemindOfReferral(@TargetAggregateIdentifier ReferralId referralId, Instant now) {

    public RemindOfReferral {
        Objects.requireNonNull(referralId, "referralId");
        Objects.requireNonNull(now, "now");
    }
}
