package org.ewn.store;

import org.bson.Document;
import org.bson.types.Binary;

/** An event with its place in the log and its links in the hash chain. */
record StoredEvent(long index, SerializedEvent event, byte[] prevHash, byte[] hash) {

    static StoredEvent chain(long index, SerializedEvent event, byte[] prevHash) {
        return new StoredEvent(index, event, prevHash, EventHash.next(prevHash, index, event));
    }

    Document toDocument() {
        Document document = new Document("index", index);
        event.appendTo(document);
        return document.append("prevHash", new Binary(prevHash)).append("hash", new Binary(hash));
    }

    static StoredEvent from(Document document) {
        return new StoredEvent(document.getLong("index"),
                               SerializedEvent.from(document),
                               document.get("prevHash", Binary.class).getData(),
                               document.get("hash", Binary.class).getData());
    }
}
