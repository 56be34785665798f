/**
 * The transparency log kept over the event log in MongoDB: the hashes of the Merkle tree's perfect subtrees, written
 * as the log grows, so that tree roots and proofs cost {@code O(log n)} {@code _id} lookups at any size.
 */
package org.ewn.audit;
