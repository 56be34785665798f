package org.ewn.api.alert;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A file that belongs to an alert, referenced by its SHA-256 rather than carried in it: the signature over the
 * alert covers the hash, so the file cannot be swapped.
 */
public record AttachmentReference(String sha256, String name, String mediaType, long size) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public AttachmentReference {
        Objects.requireNonNull(sha256, "sha256");
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("an attachment's sha256 must be 64 lower-case hex digits");
        }
        if (size < 0) {
            throw new IllegalArgumentException("an attachment's size cannot be negative");
        }
    }
}
