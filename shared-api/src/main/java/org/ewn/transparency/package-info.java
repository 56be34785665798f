/**
 * The network's transparency log in the manner of RFC 9162: Merkle tree hashing, tree roots, and inclusion and
 * consistency proofs over the global order of the event log, with no storage of its own, so that servers and offline
 * verifiers run the same code.
 * <p>
 * <b>Leaf data.</b> The leaf at position {@code i} is the 32-byte chain hash of the event at global index {@code i}
 * (see {@code org.ewn.store.EventHash}; the {@code eventHash} of a receipt), so its leaf hash is
 * {@code SHA-256(0x00 || eventHash)}. The chain hash already covers the event's stored bytes, its global index and the
 * previous event's hash, so a leaf commits to the event and its place; it is what a receipt carries, so a receipt
 * holder can check inclusion with nothing else; and it is a fixed-size hash over ciphertext, so proofs reveal nothing
 * about the events.
 */
package org.ewn.transparency;
