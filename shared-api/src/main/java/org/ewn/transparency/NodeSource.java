package org.ewn.transparency;

import java.util.Collection;
import java.util.Map;

/** Where proofs get the hashes of perfect subtrees from: a store, or leaves in memory. */
@FunctionalInterface
public interface NodeSource {

    /**
     * The hashes of the given subtrees, all at once so that a store can answer in one round trip.
     *
     * @throws IllegalStateException if one is missing
     */
    Map<Subtree, byte[]> hashes(Collection<Subtree> subtrees);
}
