package org.ewn.query.referral;

import org.ewn.api.inbox.InboxSubject;
import org.ewn.api.subject.ProtectedData;
import org.ewn.protect.DataProtectionException;
import org.ewn.protect.SubjectCipher;
import org.ewn.protect.SubjectKeyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import java.util.Optional;

/**
 * Opens the person of a referral for a reader already found entitled to it. A person whose key is gone shows as
 * erased; the clear data lives only in the answer, never in a read model or a log.
 */
@Component
class ReferralSubjects {

    private static final Logger log = LoggerFactory.getLogger(ReferralSubjects.class);
    private final SubjectKeyStore store;

    ReferralSubjects(SubjectKeyStore store) {
        this.store = store;
    }

    InboxSubject open(ProtectedData data) {
        Optional<SecretKey> key = store.key(data.subject(), data.keyId());
        if (key.isEmpty()) {
            return InboxSubject.erased(data.subject(), store.erasedAt(data.subject()).orElse(null));
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
