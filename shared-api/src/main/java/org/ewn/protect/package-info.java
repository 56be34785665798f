/**
 * Crypto-shredding: personal data is encrypted with AES-256-GCM under keys of one data subject each; the hub keeps
 * those keys wrapped by a master key in a store of its own, apart from the event store, and erases a person by
 * destroying the keys. Events, read models, snapshots, exports and logs only ever see ciphertext.
 */
package org.ewn.protect;
