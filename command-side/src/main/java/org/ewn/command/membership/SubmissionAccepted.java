package org.ewn.command.membership;

import java.util.UUID;

/**
 * The answer to an accepted membership submission, the same however often it is repeated.
 *
 * @param receipt the hub's signed receipt (JWS compact serialization)
 */
public record SubmissionAccepted(UUID submissionId, String type, String receipt) {
}
