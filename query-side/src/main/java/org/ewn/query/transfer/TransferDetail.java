package org.ewn.query.transfer;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.ewn.api.inbox.InboxSubject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One transfer for a party's member: the transfer as in the list, the case summary sealed for the two parties'
 * agencies (JWE JSON serialization), the person it is about, and its history in the order of the log.
 */
record TransferDetail(@JsonUnwrapped TransferSummary transfer, Map<String, Object> sealedSummary,
                      List<InboxSubject> subjects, List<Step> history) {

    /**
     * @param step   REQUESTED, ASKED, ACCEPTED, REJECTED, GRANTED, REFUSED, HANDED_OVER or REMINDED
     * @param agency the agency that signed the step; null for the hub's own (handover, reminder)
     */
    record Step(long position, String step, String agency, UUID submissionId, String reason, Instant at) {
    }
}
