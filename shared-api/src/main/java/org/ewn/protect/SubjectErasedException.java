package org.ewn.protect;

import java.util.UUID;

/** Data about a subject that has been erased whole cannot be recorded again. */
public class SubjectErasedException extends DataProtectionException {

    public SubjectErasedException(UUID subject) {
        super("Subject " + subject + " has been erased; no personal data can be recorded for it again");
    }
}
