/**
 * Our Axon event storage engine on the MongoDB driver: one gap-free, hash-chained log of commits, read and written
 * through {@code _id} lookups only.
 */
package org.ewn.store;
