package org.ewn.query.push;

import org.ewn.api.casework.CaseStatusChanged;

import java.time.Instant;
import java.util.UUID;

/**
 * What an officer's {@code /user/queue/cases} receives when a referral or case transfer of its member changes status:
 * where the case stands, never what it is about.
 *
 * @param kind     REFERRAL or TRANSFER
 * @param position the event's global index in the network's log
 */
record CaseMessage(String kind, UUID caseId, String status, long position, Instant at) {

    static CaseMessage of(CaseStatusChanged changed, long position) {
        return new CaseMessage(changed.caseKind().name(), changed.caseId(), changed.status(), position, changed.at());
    }
}
