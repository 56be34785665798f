package org.ewn.command.alert;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.MemberCode;
import org.ewn.api.membership.KeyPurpose;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.command.submission.TrustRegistry;
import org.ewn.seal.SealException;
import org.ewn.seal.SealedContent;
import org.ewn.trust.NetworkMembership;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks text sealed for an alert's addressees, when raised and in every follow-up; the hub never opens it. */
@Component
class SealedTexts {

    private final TrustRegistry registry;

    SealedTexts(TrustRegistry registry) {
        this.registry = registry;
    }

    /**
     * The sealed text as stored, or null when there is none. Sealed text must be sealed to enrolled encryption keys of the addressees' agencies (and, so that the originator
     * can read its own alert again, of its own member's), to at least one key of every addressee, and to no one else.
     */
    String check(JsonNode body, String text, Collection<MemberCode> addressees, SignedSubmission submission) {
        if (body == null || body.isNull()) {
            return null;
        }
        if (text != null && !text.isEmpty()) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "Give either text or sealed, not both: "
                    + "sealed text travels only sealed");
        }
        SealedContent sealed;
        try {
            sealed = SealedContent.of(body);
        } catch (SealException | IllegalArgumentException e) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, "body.sealed: " + e.getMessage());
        }
        NetworkMembership membership = registry.current();
        Set<MemberCode> reached = new HashSet<>();
        for (String kid : sealed.recipientKeyIds()) {
            NetworkMembership.Key key = membership.key(kid).orElse(null);
            MemberCode member = key == null ? null : key.agency().member();
            if (key == null || key.purpose() != KeyPurpose.ENCRYPTION || key.revokedAt(submission.receivedAt())) {
                throw new ProblemException(ProblemTypes.SEALED_FOR_OTHERS, 422, "body.sealed names key " + kid
                        + ", which is not an enrolled, unrevoked encryption key; seal to the keys listed under "
                        + "GET /api/v1/agencies/{agency}");
            }
            if (!addressees.contains(member) && !member.equals(submission.agency().member())) {
                throw new ProblemException(ProblemTypes.SEALED_FOR_OTHERS, 422, "body.sealed is also sealed for "
                        + key.agency() + ", whose member " + member + " is not an addressee");
            }
            reached.add(member);
        }
        List<String> unreached = addressees.stream().filter(m -> !reached.contains(m)).map(MemberCode::value).toList();
        if (!unreached.isEmpty()) {
            throw new ProblemException(ProblemTypes.SEALED_FOR_OTHERS, 422, "body.sealed is sealed for no agency of "
                    + String.join(", ", unreached) + "; seal it to an encryption key of every addressee");
        }
        return sealed.toJson();
    }

}
