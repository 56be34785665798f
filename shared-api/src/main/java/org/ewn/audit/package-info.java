/**
 * The transparency log kept over the event log in MongoDB: tiles of the Merkle tree's subtree hashes, written as the
 * log grows, so that tree roots and proofs cost one {@code _id $in} read of {@code O(log n)} tiles at any size.
 */
package org.ewn.audit;
