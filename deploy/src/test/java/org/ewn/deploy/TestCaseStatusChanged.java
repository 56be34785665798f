package org.ewn.deploy;

import org.axonframework.serialization.Revision;
import org.ewn.api.casework.CaseKind;
import org.ewn.api.casework.CaseStatusChanged;
import org.ewn.api.member.AgencyCode;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A case status change of the tests' own, published through the network's event store like any referral's. */
@Revision("1")
record TestCaseStatusChanged(CaseKind caseKind, UUID caseId, String status, Set<AgencyCode> parties, Instant at)
        implements CaseStatusChanged {

    static TestCaseStatusChanged of(String status, String... parties) {
        return new TestCaseStatusChanged(CaseKind.REFERRAL, UUID.randomUUID(), status,
                java.util.Arrays.stream(parties).map(AgencyCode::new).collect(java.util.stream.Collectors.toSet()),
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
