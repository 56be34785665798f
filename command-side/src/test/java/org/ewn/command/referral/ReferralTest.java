package org.ewn.command.referral;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.referral.AcceptReferral;
import org.ewn.api.referral.CloseReferral;
import org.ewn.api.referral.Consent;
import org.ewn.api.referral.ConsentGiver;
import org.ewn.api.referral.DeclineReferral;
import org.ewn.api.referral.MarkReferralInProgress;
import org.ewn.api.referral.RecipientKind;
import org.ewn.api.referral.ReferralAccepted;
import org.ewn.api.referral.ReferralClosed;
import org.ewn.api.referral.ReferralDeclined;
import org.ewn.api.referral.ReferralId;
import org.ewn.api.referral.ReferralMarkedInProgress;
import org.ewn.api.referral.ReferralOutcome;
import org.ewn.api.referral.ReferralOverdue;
import org.ewn.api.referral.ReferralRevoked;
import org.ewn.api.referral.ReferralSubmitted;
import org.ewn.api.referral.RemindOfReferral;
import org.ewn.api.referral.RevocationCause;
import org.ewn.api.referral.RevokeReferral;
import org.ewn.api.referral.Service;
import org.ewn.api.referral.SubmitReferral;
import org.ewn.api.referral.Urgency;
import org.ewn.api.referral.WithdrawConsent;
import org.ewn.api.subject.ProtectedData;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.trust.TrustException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.axonframework.test.matchers.Matchers.predicate;

class ReferralTest {

    private static final AgencyCode KZ = new AgencyCode("KZ-SOC");
    private static final AgencyCode KZ_OTHER = new AgencyCode("KZ-MVD");
    private static final AgencyCode UZ = new AgencyCode("UZ-MED");
    private static final AgencyCode UZ_OTHER = new AgencyCode("UZ-MVD");
    private static final AgencyCode TJ = new AgencyCode("TJ-SOC");
    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
    private static final Instant ACCEPT_BY = NOW.plus(Duration.ofHours(72));
    private static final ProtectedData PERSON = new ProtectedData(UUID.randomUUID(), "k".repeat(22),
            "i".repeat(16), "c".repeat(40));
    private static final Consent CHILD = new Consent(ConsentGiver.GUARDIAN, "rehabilitation and reintegration",
            List.of(RecipientKind.HEALTH_PROVIDER, RecipientKind.SOCIAL_SERVICE), NOW.plus(Duration.ofDays(180)), true,
            true, "Returned with her mother; needs trauma care close to her family");

    private AggregateTestFixture<Referral> fixture;
    private ReferralId referralId;
    private SignedSubmission submitted;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
        referralId = new ReferralId(UUID.randomUUID());
        submitted = signed(referralId.value(), "referral.submit", KZ, NOW);
    }

    @Test
    void canReferAChildWithTheGuardiansConsentAndABestInterestsNote() {
        fixture.givenNoPriorActivity()
                .when(submit(CHILD, "Needs psychosocial support", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(submittedEvent());
    }

    @Test
    void cannotReferOnConsentThatHasEnded() {
        Consent ended = new Consent(ConsentGiver.SUBJECT, "rehabilitation", List.of(RecipientKind.HEALTH_PROVIDER),
                NOW.minusSeconds(1), false, false, null);
        fixture.givenNoPriorActivity()
                .when(submit(ended, "x", null))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.CONSENT_EXPIRED));
    }

    @Test
    void cannotReferAChildWithoutTheGuardiansConsent() {
        Consent noGuardian = new Consent(ConsentGiver.SUBJECT, "rehabilitation", List.of(RecipientKind.HEALTH_PROVIDER),
                NOW.plus(Duration.ofDays(1)), true, false, "in her interests");
        fixture.givenNoPriorActivity()
                .when(submit(noGuardian, "x", null))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.INVALID_CONSENT));
    }

    @Test
    void cannotReferAChildWithoutABestInterestsNote() {
        Consent noNote = new Consent(ConsentGiver.GUARDIAN, "rehabilitation", List.of(RecipientKind.HEALTH_PROVIDER),
                NOW.plus(Duration.ofDays(1)), true, true, " ");
        fixture.givenNoPriorActivity()
                .when(submit(noNote, "x", null))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.INVALID_CONSENT));
    }

    @Test
    void cannotReferOnConsentThatNamesNoKindOfRecipient() {
        Consent noRecipients = new Consent(ConsentGiver.SUBJECT, "rehabilitation", List.of(),
                NOW.plus(Duration.ofDays(1)), false, false, null);
        fixture.givenNoPriorActivity()
                .when(submit(noRecipients, "x", null))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.INVALID_CONSENT));
    }

    @Test
    void cannotReferWithoutAService() {
        fixture.givenNoPriorActivity()
                .when(new SubmitReferral(referralId, KZ, UZ, List.of(), Urgency.ROUTINE, CHILD, "x", null, PERSON,
                                         ACCEPT_BY, submitted))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.INVALID_REQUEST));
    }

    @Test
    void cannotReferToItself() {
        fixture.givenNoPriorActivity()
                .when(new SubmitReferral(referralId, KZ, KZ, List.of(Service.MEDICAL), Urgency.ROUTINE, CHILD, "x",
                                         null, PERSON, ACCEPT_BY, submitted))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.INVALID_REQUEST));
    }

    @Test
    void cannotGiveTheSummaryBothInTheClearAndSealed() {
        fixture.givenNoPriorActivity()
                .when(submit(CHILD, "clear", "{\"ciphertext\":\"x\"}"))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.INVALID_REQUEST));
    }

    @Test
    void canAcceptAReferralMadeToUs() {
        SignedSubmission accept = step("referral.accept", UZ);
        fixture.given(submittedEvent())
                .when(new AcceptReferral(referralId, accept))
                .expectEvents(new ReferralAccepted(referralId, KZ, UZ, accept))
                .expectResultMessagePayload(1L);
    }

    @Test
    void cannotAcceptAReferralWeMade() {
        fixture.given(submittedEvent())
                .when(new AcceptReferral(referralId, step("referral.accept", KZ)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.NOT_THE_RECEIVING_AGENCY));
    }

    @Test
    void cannotAcceptAsAnotherAgencyOfTheReceivingMember() {
        fixture.given(submittedEvent())
                .when(new AcceptReferral(referralId, step("referral.accept", UZ_OTHER)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.NOT_THE_RECEIVING_AGENCY));
    }

    @Test
    void aThirdMemberLearnsNothingOfTheReferral() {
        fixture.given(submittedEvent())
                .when(new AcceptReferral(referralId, step("referral.accept", TJ)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.NOT_FOUND));
    }

    @Test
    void cannotAcceptOnceTheConsentHasEnded() {
        SignedSubmission late = signed(UUID.randomUUID(), "referral.accept", UZ, CHILD.validUntil());
        fixture.given(submittedEvent())
                .when(new AcceptReferral(referralId, late))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.CONSENT_EXPIRED));
    }

    @Test
    void canDeclineWithAReason() {
        SignedSubmission decline = step("referral.decline", UZ);
        fixture.given(submittedEvent())
                .when(new DeclineReferral(referralId, "No capacity this month", decline))
                .expectEvents(new ReferralDeclined(referralId, KZ, UZ, "No capacity this month", decline));
    }

    @Test
    void aDeclinedReferralIsFinal() {
        fixture.given(submittedEvent(), new ReferralDeclined(referralId, KZ, UZ, "No", step("referral.decline", UZ)))
                .when(new AcceptReferral(referralId, step("referral.accept", UZ)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.INVALID_STATE));
    }

    @Test
    void cannotDeclineAnAcceptedReferral() {
        fixture.given(submittedEvent(), accepted())
                .when(new DeclineReferral(referralId, "changed our mind", step("referral.decline", UZ)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.INVALID_STATE));
    }

    @Test
    void canMarkAnAcceptedReferralInProgress() {
        SignedSubmission progress = step("referral.progress", UZ);
        fixture.given(submittedEvent(), accepted())
                .when(new MarkReferralInProgress(referralId, progress))
                .expectEvents(new ReferralMarkedInProgress(referralId, KZ, UZ, progress));
    }

    @Test
    void cannotMarkInProgressBeforeAccepting() {
        fixture.given(submittedEvent())
                .when(new MarkReferralInProgress(referralId, step("referral.progress", UZ)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.INVALID_STATE));
    }

    @Test
    void canCloseWithAnOutcome() {
        SignedSubmission close = step("referral.close", UZ);
        fixture.given(submittedEvent(), accepted(),
                      new ReferralMarkedInProgress(referralId, KZ, UZ, step("referral.progress", UZ)))
                .when(new CloseReferral(referralId, ReferralOutcome.SERVICE_DELIVERED, "Twelve sessions held", close))
                .expectEvents(new ReferralClosed(referralId, KZ, UZ, ReferralOutcome.SERVICE_DELIVERED,
                                                 "Twelve sessions held", close));
    }

    @Test
    void aClosedReferralIsFinal() {
        fixture.given(submittedEvent(), accepted(), new ReferralClosed(referralId, KZ, UZ,
                        ReferralOutcome.NOT_DELIVERED, "Moved away", step("referral.close", UZ)))
                .when(new RevokeReferral(referralId, "too late", step("referral.revoke", KZ)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.INVALID_STATE));
    }

    @Test
    void theReferringAgencyCanRevokeAnOpenReferral() {
        SignedSubmission revoke = step("referral.revoke", KZ);
        fixture.given(submittedEvent(), accepted())
                .when(new RevokeReferral(referralId, "Case moved", revoke))
                .expectEvents(new ReferralRevoked(referralId, KZ, UZ, RevocationCause.REVOKED_BY_REFERRER,
                                                  "Case moved", revoke));
    }

    @Test
    void onlyTheReferringAgencyRevokes() {
        fixture.given(submittedEvent())
                .when(new RevokeReferral(referralId, "not ours", step("referral.revoke", UZ)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.NOT_THE_REFERRING_AGENCY));
        fixture.given(submittedEvent())
                .when(new RevokeReferral(referralId, "same member", step("referral.revoke", KZ_OTHER)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.NOT_THE_REFERRING_AGENCY));
    }

    @Test
    void withdrawingConsentRevokesTheReferral() {
        SignedSubmission withdrawal = step("referral.consent-withdrawal", KZ);
        fixture.given(submittedEvent(), accepted())
                .when(new WithdrawConsent(referralId, "The mother withdrew consent", withdrawal))
                .expectEvents(new ReferralRevoked(referralId, KZ, UZ, RevocationCause.CONSENT_WITHDRAWN,
                                                  "The mother withdrew consent", withdrawal));
    }

    @Test
    void nothingMoreHappensToARevokedReferral() {
        fixture.given(submittedEvent(), revoked())
                .when(new MarkReferralInProgress(referralId, step("referral.progress", UZ)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.REFERRAL_REVOKED));
        fixture.given(submittedEvent(), revoked())
                .when(new WithdrawConsent(referralId, "again", step("referral.consent-withdrawal", KZ)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.REFERRAL_REVOKED));
    }

    @Test
    void theSameSubmissionAgainGetsTheSameAnswerAndNoEvent() {
        ReferralAccepted accepted = accepted();
        fixture.given(submittedEvent(), accepted)
                .when(new AcceptReferral(referralId, accepted.submission()))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void aSubmissionIdCannotBeReusedForOtherContent() {
        ReferralAccepted accepted = accepted();
        SignedSubmission reused = new SignedSubmission(accepted.submission().submissionId(), "referral.decline", UZ,
                "key-id", NOW, NOW, "other-hash", "h.p.s");
        fixture.given(submittedEvent(), accepted)
                .when(new DeclineReferral(referralId, "reused", reused))
                .expectNoEvents()
                .expectException(TrustException.class);
    }

    @Test
    void remindsOnceWhenTheDeadlineToAnswerHasPassed() {
        fixture.given(submittedEvent())
                .when(new RemindOfReferral(referralId, ACCEPT_BY))
                .expectEvents(new ReferralOverdue(referralId, KZ, UZ, ACCEPT_BY, ACCEPT_BY));
        fixture.given(submittedEvent(), new ReferralOverdue(referralId, KZ, UZ, ACCEPT_BY, ACCEPT_BY))
                .when(new RemindOfReferral(referralId, ACCEPT_BY.plusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    void noReminderBeforeTheDeadlineOrOnceAnswered() {
        fixture.given(submittedEvent())
                .when(new RemindOfReferral(referralId, ACCEPT_BY.minusSeconds(1)))
                .expectNoEvents();
        fixture.given(submittedEvent(), accepted())
                .when(new RemindOfReferral(referralId, ACCEPT_BY.plusSeconds(1)))
                .expectNoEvents();
    }

    private SubmitReferral submit(Consent consent, String summary, String sealed) {
        return new SubmitReferral(referralId, KZ, UZ, List.of(Service.PSYCHOSOCIAL, Service.EDUCATION), Urgency.ROUTINE,
                                  consent, summary, sealed, PERSON, ACCEPT_BY, submitted);
    }

    private ReferralSubmitted submittedEvent() {
        return new ReferralSubmitted(referralId, KZ, UZ, List.of(Service.PSYCHOSOCIAL, Service.EDUCATION),
                                     Urgency.ROUTINE, CHILD, "Needs psychosocial support", null, PERSON, ACCEPT_BY,
                                     submitted);
    }

    private ReferralAccepted accepted() {
        return new ReferralAccepted(referralId, KZ, UZ, step("referral.accept", UZ));
    }

    private ReferralRevoked revoked() {
        return new ReferralRevoked(referralId, KZ, UZ, RevocationCause.REVOKED_BY_REFERRER, "moved",
                                   step("referral.revoke", KZ));
    }

    private static SignedSubmission step(String type, AgencyCode agency) {
        return signed(UUID.randomUUID(), type, agency, NOW.plusSeconds(60));
    }

    private static SignedSubmission signed(UUID id, String type, AgencyCode agency, Instant at) {
        return new SignedSubmission(id, type, agency, "key-id", at, at, "hash-" + id, "header.payload.signature");
    }

    private static org.hamcrest.Matcher<Throwable> problem(URI type) {
        return predicate(e -> e instanceof ProblemException problem && problem.type().equals(type));
    }
}
