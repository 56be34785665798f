package org.ewn.seal;

/**
 * Sealed content that is malformed, naming the field at fault, or that cannot be opened. Opening fails with one
 * message whatever the reason (not a recipient, the wrong key, altered content) and without a cause, so that nothing
 * tells an attacker which part of a forgery was right. No message repeats the content.
 */
public class SealException extends RuntimeException {

    static final String CANNOT_OPEN =
            "cannot open the sealed content: it is not sealed for this key, or it was altered";

    SealException(String message) {
        super(message);
    }

    static SealException cannotOpen() {
        return new SealException(CANNOT_OPEN);
    }

    static SealException malformed(String field, String problem) {
        return new SealException("malformed sealed content: " + field + " " + problem);
    }
}
