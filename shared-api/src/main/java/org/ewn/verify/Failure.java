package org.ewn.verify;

/**
 * One thing wrong with the log.
 *
 * @param globalIndex where: the event's global index, or for a tree head its size
 * @param reason      a stable name: {@code hash-mismatch}, {@code previous-hash-mismatch}, {@code gap},
 *                    {@code out-of-order}, {@code malformed-event}, {@code malformed-envelope}, {@code unknown-key},
 *                    {@code bad-signature}, {@code content-mismatch}, {@code wrong-agency}, {@code revoked-key},
 *                    {@code untrusted-certificate}, {@code expired-certificate}, {@code wrong-key-usage},
 *                    {@code untrusted-root}, {@code tree-head-mismatch}, {@code tree-head-unchecked}
 */
public record Failure(long globalIndex, String reason, String detail) {
}
