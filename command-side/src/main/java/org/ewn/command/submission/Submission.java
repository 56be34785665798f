package org.ewn.command.submission;

import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;

import java.time.Instant;
import java.util.UUID;

/**
 * A submission that passed the gate: who submitted it, when the hub received it, and the SHA-256 (hex)
 * of its canonical content, which tells a replay of the same submission from a reuse of its id.
 */
public record Submission(UUID submissionId, AgencyCode agency, Instant receivedAt, String contentHash) {

    public MemberCode member() {
        return agency.member();
    }
}
