package org.ewn.store;

import java.util.HexFormat;

/**
 * An event's place in the log and its hash in the chain.
 *
 * @param hash SHA-256 over the previous event's hash and this event's stored form
 */
public record LoggedEvent(long globalIndex, byte[] hash) {

    public LoggedEvent {
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    public String hashHex() {
        return HexFormat.of().formatHex(hash);
    }
}
