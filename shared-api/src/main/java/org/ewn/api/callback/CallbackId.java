package org.ewn.api.callback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.ewn.api.member.AgencyCode;

import java.util.Objects;

/**
 * The callback registration of one agency. The aggregate's identifier in the store is prefixed, so it never shares
 * an identifier with an alert, a subject or the network.
 */
public record CallbackId(AgencyCode agency) {

    @JsonCreator
    public CallbackId {
        Objects.requireNonNull(agency, "agency");
    }

    @JsonValue
    @Override
    public AgencyCode agency() {
        return agency;
    }

    @Override
    public String toString() {
        return "callback-" + agency.value();
    }
}
