package org.ewn.api.referral;

import java.time.Instant;
import java.util.List;

/**
 * The consent a referral rests on. The aggregate decides whether it holds; this record only carries it.
 *
 * @param consentedBy       who consented: the person, or for a child or an adult who cannot, a guardian or
 *                          representative
 * @param purpose           what the data may be used for
 * @param recipientKinds    which kinds of recipient may receive it
 * @param validUntil        when the consent ends
 * @param child             whether the person is a child
 * @param guardianConsent   for a child: whether a parent or guardian consented
 * @param bestInterestsNote for a child: why the referral is in the child's best interests
 */
public record Consent(ConsentGiver consentedBy,
                      String purpose,
                      List<RecipientKind> recipientKinds,
                      Instant validUntil,
                      boolean child,
                      boolean guardianConsent,
                      String bestInterestsNote) {

    public Consent {
        recipientKinds = recipientKinds == null ? List.of() : List.copyOf(recipientKinds);
    }

    public boolean validAt(Instant at) {
        return validUntil != null && at.isBefore(validUntil);
    }
}
