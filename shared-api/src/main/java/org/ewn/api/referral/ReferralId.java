package org.ewn.api.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a referral across the network; it is the id of the submission that made it. */
public record ReferralId(UUID value) {

    @JsonCreator
    public ReferralId {
        Objects.requireNonNull(value, "referral id");
    }

    public static ReferralId of(String value) {
        return new ReferralId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public UUID value() {
        return value;
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
