package org.ewn.command.callback;

import org.bson.Document;

/**
 * A notification in the outbox, as the sender reads it.
 *
 * @param attempts how many times it was tried so far
 */
record Notification(String id, String agency, String caseKind, String caseId, String status, String at,
                    long globalIndex, long queuedAt, long dueAt, int attempts) {

    enum State { PENDING, DELIVERED, FAILED, CANCELLED }

    static Notification of(Document document) {
        return new Notification(document.getString("_id"), document.getString("agency"),
                document.getString("caseKind"), document.getString("caseId"), document.getString("status"),
                document.getString("at"), ((Number) document.get("globalIndex")).longValue(),
                ((Number) document.get("queuedAt")).longValue(), ((Number) document.get("dueAt")).longValue(),
                ((Number) document.get("attempts")).intValue());
    }
}
