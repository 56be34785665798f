package org.ewn.command.subject;

import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.MemberCode;
import org.ewn.api.subject.DataKind;
import org.ewn.api.subject.ProtectedData;
import org.ewn.command.submission.KeyedSubmission;
import org.ewn.protect.DataProtectionException;
import org.ewn.protect.SubjectCipher;
import org.ewn.protect.SubjectErasedException;
import org.ewn.protect.SubjectKeyStore;
import org.springframework.stereotype.Service;

import javax.crypto.SecretKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes in the personal data of a submission: every ciphertext must open with the key sent for it and hold valid
 * personal data, no subject may have been erased, and no key may be sent that nothing uses. Only then, just before
 * the command, are the keys kept. Nothing about the data itself ever appears in an answer.
 */
@Service
public class PersonalDataIntake {

    private final SubjectKeyStore store;

    PersonalDataIntake(SubjectKeyStore store) {
        this.store = store;
    }

    /** Checks everything and returns what to keep once the submission is otherwise accepted. */
    public Checked check(List<ProtectedDataBody> bodies, KeyedSubmission keys) {
        List<ProtectedData> subjects = bodies == null ? List.of()
                : bodies.stream().map(ProtectedDataBody::toProtectedData).toList();
        Map<String, String> keysSent = keys == null ? Map.of() : keys.subjectKeys();
        Map<ProtectedData, SecretKey> opened = new LinkedHashMap<>();
        Set<String> keyIds = new HashSet<>();
        for (int i = 0; i < subjects.size(); i++) {
            ProtectedData data = subjects.get(i);
            if (!keyIds.add(data.keyId())) {
                throw unreadable("subjects[" + i + "].keyId " + data.keyId() + " is used twice; each piece of "
                        + "personal data takes a key of its own");
            }
            byte[] raw = keys == null ? null : keys.key(data.keyId());
            if (raw == null) {
                throw unreadable("subjects[" + i + "] is encrypted under key " + data.keyId() + ", which was not sent; "
                        + "send the submission as " + KeyedSubmission.MEDIA_TYPE + " with its key in subjectKeys");
            }
            if (store.erasedAt(data.subject()).isPresent()) {
                throw new ProblemException(ProblemTypes.SUBJECT_ERASED, 410, "Subject " + data.subject()
                        + " has been erased; no personal data can be recorded for it again");
            }
            SecretKey key = SubjectCipher.key(raw);
            try {
                SubjectCipher.open(data, key);
            } catch (DataProtectionException e) {
                throw unreadable("subjects[" + i + "] does not open with the key sent for it: encrypt with "
                        + "AES-256-GCM, 12-byte iv, associated data \"ewn-subject:<subject>:<keyId>\"");
            } catch (IllegalArgumentException e) {
                throw unreadable("subjects[" + i + "]: " + e.getMessage());
            }
            opened.put(data, key);
        }
        Set<String> unused = new HashSet<>(keysSent.keySet());
        unused.removeAll(keyIds);
        if (!unused.isEmpty()) {
            throw unreadable("subjectKeys holds keys that no personal data in the submission uses");
        }
        return new Checked(opened);
    }

    private static ProblemException unreadable(String detail) {
        return new ProblemException(ProblemTypes.UNREADABLE_PERSONAL_DATA, 422, detail);
    }

    /** Personal data that opened, ready to have its keys kept. */
    public final class Checked {

        private final Map<ProtectedData, SecretKey> opened;

        private Checked(Map<ProtectedData, SecretKey> opened) {
            this.opened = opened;
        }

        public List<ProtectedData> subjects() {
            return new ArrayList<>(opened.keySet());
        }

        /** Keeps the keys, owned by the submitting member for subjects new to the network. */
        public void keep(DataKind kind, MemberCode member, Instant at) {
            opened.forEach((data, key) -> {
                try {
                    store.record(data.subject(), data.keyId(), key, kind, member, at);
                } catch (SubjectErasedException e) {
                    throw new ProblemException(ProblemTypes.SUBJECT_ERASED, 410, e.getMessage());
                } catch (DataProtectionException e) {
                    throw new ProblemException(ProblemTypes.UNREADABLE_PERSONAL_DATA, 422, e.getMessage());
                }
            });
        }
    }
}
