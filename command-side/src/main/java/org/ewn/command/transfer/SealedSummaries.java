package org.ewn.command.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.membership.KeyPurpose;
import org.ewn.command.submission.TrustRegistry;
import org.ewn.seal.SealException;
import org.ewn.seal.SealedContent;
import org.ewn.trust.NetworkMembership;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks the parties of a transfer against the membership, and that its case summary is sealed to enrolled encryption
 * keys of the two parties' agencies, to at least one key of each and to no one else: not even another agency of
 * their members may open it.
 */
@Component
class SealedSummaries {

    private final TrustRegistry registry;

    SealedSummaries(TrustRegistry registry) {
        this.registry = registry;
    }

    /** The other party, named in the signed body: a registered agency of an admitted member that is not suspended. */
    AgencyCode party(String code, String field) {
        AgencyCode agency;
        try {
            agency = new AgencyCode(code);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "body." + field + ": " + e.getMessage());
        }
        NetworkMembership membership = registry.current();
        boolean active = membership.agency(agency).isPresent() && membership.member(agency.member())
                .filter(member -> !member.suspended()).isPresent();
        if (!active) {
            throw new ProblemException(ProblemTypes.UNKNOWN_ADDRESSEE, 422, "body." + field + " " + agency
                    + " is not a registered agency of an admitted member that is not suspended");
        }
        return agency;
    }

    String sealed(JsonNode summary, AgencyCode sender, AgencyCode receiver, Instant receivedAt) {
        SealedContent sealed;
        try {
            sealed = SealedContent.of(summary);
        } catch (SealException | IllegalArgumentException e) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "body.sealedSummary: " + e.getMessage());
        }
        NetworkMembership membership = registry.current();
        Set<AgencyCode> parties = Set.of(sender, receiver);
        Set<AgencyCode> reached = new HashSet<>();
        for (String kid : sealed.recipientKeyIds()) {
            NetworkMembership.Key key = membership.key(kid).orElse(null);
            if (key == null || key.purpose() != KeyPurpose.ENCRYPTION || key.revokedAt(receivedAt)) {
                throw new ProblemException(ProblemTypes.SEALED_FOR_OTHERS, 422, "body.sealedSummary names key " + kid
                        + ", which is not an enrolled, unrevoked encryption key; seal to the keys listed under "
                        + "GET /api/v1/agencies/{agency}");
            }
            if (!parties.contains(key.agency())) {
                throw new ProblemException(ProblemTypes.SEALED_FOR_OTHERS, 422, "body.sealedSummary is also sealed "
                        + "for " + key.agency() + ", which is not a party to the transfer; seal it for " + sender
                        + " and " + receiver + " only");
            }
            reached.add(key.agency());
        }
        List<String> unreached = Stream.of(sender, receiver).filter(a -> !reached.contains(a))
                .map(AgencyCode::value).toList();
        if (!unreached.isEmpty()) {
            throw new ProblemException(ProblemTypes.SEALED_FOR_OTHERS, 422, "body.sealedSummary is sealed for no "
                    + "encryption key of " + String.join(", ", unreached) + "; seal it to both parties");
        }
        return sealed.toJson();
    }
}
