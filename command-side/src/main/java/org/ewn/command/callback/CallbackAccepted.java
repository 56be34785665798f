package org.ewn.command.callback;

import org.ewn.api.member.AgencyCode;

import java.util.UUID;

/**
 * The answer to an {@code agency.callback} submission, the same however often it is repeated.
 *
 * @param url     the URL now registered; null once removed
 * @param receipt the hub's signed receipt (JWS compact serialization)
 */
record CallbackAccepted(UUID submissionId, AgencyCode agency, String url, String receipt) {
}
