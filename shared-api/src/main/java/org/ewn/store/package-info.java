/**
 * Our Axon event storage engine on the MongoDB driver: one gap-free, hash-chained log of commits, read and written
 * through {@code _id} lookups only.
 * <p>
 * An append waits for one round trip, the insert of its commit at the log's head (shared with the appends queued
 * meanwhile); the unique commit number is the serialization point between writer processes. Sequence numbers are
 * checked against the committer's memory of recent commits, exact through its head, and else against the aggregate
 * index. That index is written after the appends have returned, by a thread of its own that merges queued commits;
 * until then an in-memory pending view stands in for it in this process, and a watermark that never passes what was
 * applied lets the next start-up repair what a crash left unindexed. See {@link org.ewn.store.LogStorageEngine}.
 */
package org.ewn.store;
