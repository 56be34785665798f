package org.ewn.protect;

/** Personal data could not be opened, or a key could not be kept or found. Messages never hold personal data. */
public class DataProtectionException extends RuntimeException {

    public DataProtectionException(String message) {
        super(message);
    }

    public DataProtectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
