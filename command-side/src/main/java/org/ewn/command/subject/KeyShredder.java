package org.ewn.command.subject;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.ewn.api.subject.SubjectErased;
import org.ewn.protect.SubjectKeyStore;
import org.springframework.stereotype.Component;

/**
 * Destroys the keys of every recorded erasure, following the log with a token of its own: whatever a request or the
 * retention policy did not finish before the hub stopped is finished when it runs again. Destroying is idempotent.
 */
@Component
@ProcessingGroup(KeyShredder.PROCESSING_GROUP)
class KeyShredder {

    static final String PROCESSING_GROUP = "erasure";

    private final SubjectKeyStore store;

    KeyShredder(SubjectKeyStore store) {
        this.store = store;
    }

    @EventHandler
    void on(SubjectErased event) {
        if (event.complete()) {
            store.destroyAll(event.subjectId().value(), event.erasedAt());
        } else {
            store.destroy(event.subjectId().value(), event.keyIds());
        }
    }
}
