package org.ewn.query.inbox;

import org.ewn.api.inbox.InboxSubject;
import org.ewn.api.subject.ProtectedData;
import org.ewn.protect.DataProtectionException;
import org.ewn.protect.SubjectCipher;
import org.ewn.protect.SubjectKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import java.util.List;
import java.util.Optional;

/**
 * Opens the personal data of an alert for a reader already found entitled to it. Data whose key is gone shows as
 * erased; the clear data lives only in the answer, never in a read model or a log.
 */
@Component
class SubjectReader {

    /** For a read model without a key store: no one can be opened. */
    static final SubjectReader WITHOUT_KEYS = new SubjectReader(null);

    private static final Logger log = LoggerFactory.getLogger(SubjectReader.class);
    private final SubjectKeyStore store;

    @Autowired
    SubjectReader(SubjectKeyStore store) {
        this.store = store;
    }

    List<InboxSubject> read(List<ProtectedData> subjects) {
        return subjects.stream().map(this::read).toList();
    }

    private InboxSubject read(ProtectedData data) {
        Optional<SecretKey> key = store == null ? Optional.empty() : store.key(data.subject(), data.keyId());
        if (key.isEmpty()) {
            return InboxSubject.erased(data.subject(), store == null ? null : store.erasedAt(data.subject()).orElse(null));
        }
        try {
            return InboxSubject.open(data.subject(), SubjectCipher.open(data, key.get()));
        } catch (DataProtectionException | IllegalArgumentException e) {
            log.error("Personal data of subject {} under key {} does not open with its kept key", data.subject(),
                    data.keyId());
            return InboxSubject.erased(data.subject(), null);
        }
    }
}
