package org.ewn.command.alert;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.ewn.api.alert.AcknowledgeAlert;
import org.ewn.api.alert.AlertAcknowledged;
import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.AlertDetails;
import org.ewn.api.alert.AlertStatus;
import org.ewn.api.alert.HandlingMarking;
import org.ewn.api.alert.OriginatorRestrictions;
import org.ewn.api.alert.SourceReliability;
import org.ewn.api.alert.AlertEscalated;
import org.ewn.api.alert.AlertFollowedUp;
import org.ewn.api.alert.EscalateAlert;
import org.ewn.api.alert.AlertWithdrawn;
import org.ewn.api.alert.DecideOnwardSharing;
import org.ewn.api.alert.FollowUpAlert;
import org.ewn.api.alert.OnwardSharingDecided;
import org.ewn.api.alert.OnwardSharingRequested;
import org.ewn.api.alert.RequestOnwardSharing;
import org.ewn.api.alert.WithdrawAlert;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.Precedence;
import org.ewn.api.alert.RaiseAlert;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.trust.TrustException;
import org.ewn.trust.TrustFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

class AlertTest {

    private static final AgencyCode KZ_AGENCY = new AgencyCode("KZ-MVD");
    private static final AgencyCode UZ_AGENCY = new AgencyCode("UZ-MVD");
    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
    private static final AlertDetails DETAILS = new AlertDetails(HandlingMarking.AMBER_STRICT,
            new OriginatorRestrictions("counter-terrorism investigations", true), SourceReliability.B, 2,
            AlertStatus.ACTUAL, NOW, NOW.plusSeconds(86_400), List.of());
    private static final Instant DEADLINE = NOW.plusSeconds(900);
    private static final SignedSubmission SUBMISSION = new SignedSubmission(UUID.randomUUID(), "alert.raise",
            KZ_AGENCY, "key-id", NOW, NOW, "hash", "header.payload.signature");

    private AggregateTestFixture<Alert> fixture;
    private AlertId alertId;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Alert.class);
        alertId = new AlertId(UUID.randomUUID());
    }

    @Test
    void canRaiseAlertAddressedToNamedMembers() {
        fixture.givenNoPriorActivity()
                .when(raise(Set.of(MemberCode.of("UZ"), MemberCode.of("KG")), "Border crossing planned"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AlertRaised(alertId, KZ_AGENCY, List.of(MemberCode.of("KG"), MemberCode.of("UZ")),
                        Precedence.FLASH, AlertCategory.FOREIGN_TERRORIST_FIGHTER_TRAVEL, "Border crossing planned",
                        "Details follow", null, DETAILS, List.of(), DEADLINE, SUBMISSION));
    }

    @Test
    void cannotRaiseAlertWithoutAddressees() {
        fixture.givenNoPriorActivity()
                .when(raise(Set.of(), "Nobody to tell"))
                .expectNoEvents()
                .expectException(ProblemException.class)
                .expectExceptionMessage("An alert needs at least one addressee");
    }

    @Test
    void cannotRaiseAlertWithoutTitle() {
        fixture.givenNoPriorActivity()
                .when(raise(Set.of(MemberCode.of("TJ")), "  "))
                .expectNoEvents()
                .expectException(ProblemException.class);
    }

    @Test
    void raisedAlertRecordsAddresseesInSortedOrder() {
        fixture.givenNoPriorActivity()
                .when(raise(Set.of(MemberCode.of("UZ"), MemberCode.of("KG"), MemberCode.of("TM")), "Sorted"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(predicate((Object payload) ->
                        ((AlertRaised) payload).addressees().equals(
                                List.of(MemberCode.of("KG"), MemberCode.of("TM"), MemberCode.of("UZ")))))));
    }

    @Test
    void problemTypeOfMissingAddresseesIsInvalidRequest() {
        fixture.givenNoPriorActivity()
                .when(raise(Set.of(), "x"))
                .expectException(predicate((Object e) -> e instanceof ProblemException problem
                        && problem.type().equals(ProblemTypes.INVALID_REQUEST)));
    }

    private RaiseAlert raise(Set<MemberCode> addressees, String title) {
        return new RaiseAlert(alertId, KZ_AGENCY, new TreeSet<>(addressees), Precedence.FLASH,
                AlertCategory.FOREIGN_TERRORIST_FIGHTER_TRAVEL, title, "Details follow", null, DETAILS, List.of(), DEADLINE, SUBMISSION);
    }

    @Test
    void canAcknowledgeAlertAddressedToUs() {
        SignedSubmission acknowledgement = signedBy(UZ_AGENCY);
        fixture.given(raised())
                .when(new AcknowledgeAlert(alertId, acknowledgement))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1L)
                .expectEvents(new AlertAcknowledged(alertId, MemberCode.of("UZ"), UZ_AGENCY, acknowledgement));
    }

    @Test
    void cannotAcknowledgeTwiceForOneMember() {
        fixture.given(raised(), new AlertAcknowledged(alertId, MemberCode.of("UZ"), UZ_AGENCY, signedBy(UZ_AGENCY)))
                .when(new AcknowledgeAlert(alertId, signedBy(new AgencyCode("UZ-SNB"))))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.ALREADY_ACKNOWLEDGED));
    }

    @Test
    void theOriginatorsMemberIsToldItIsNotAnAddressee() {
        fixture.given(raised())
                .when(new AcknowledgeAlert(alertId, signedBy(new AgencyCode("KZ-KNB"))))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.NOT_AN_ADDRESSEE));
    }

    @Test
    void forOtherMembersTheAlertDoesNotExist() {
        fixture.given(raised())
                .when(new AcknowledgeAlert(alertId, signedBy(new AgencyCode("TM-MVD"))))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.NOT_FOUND));
    }

    @Test
    void theSameAcknowledgementAgainGetsTheFirstAnswer() {
        SignedSubmission acknowledgement = signedBy(UZ_AGENCY);
        fixture.given(raised(), new AlertAcknowledged(alertId, MemberCode.of("UZ"), UZ_AGENCY, acknowledgement))
                .when(new AcknowledgeAlert(alertId, acknowledgement))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1L)
                .expectNoEvents();
    }

    @Test
    void anAcknowledgementsIdWithOtherContentIsRefused() {
        SignedSubmission acknowledgement = signedBy(UZ_AGENCY);
        SignedSubmission replayed = new SignedSubmission(acknowledgement.submissionId(), "alert.acknowledge",
                UZ_AGENCY, "key-id", NOW, NOW, "other-hash", "h.p.s");
        fixture.given(raised(), new AlertAcknowledged(alertId, MemberCode.of("UZ"), UZ_AGENCY, acknowledgement))
                .when(new AcknowledgeAlert(alertId, replayed))
                .expectNoEvents()
                .expectException(predicate((Object e) -> e instanceof TrustException t
                        && t.failure() == TrustFailure.REPLAYED_SUBMISSION));
    }

    @Test
    void theOriginatorCanWithdrawItsAlert() {
        SignedSubmission withdrawal = signedBy(KZ_AGENCY);
        fixture.given(raised())
                .when(new WithdrawAlert(alertId, "Found safe", withdrawal))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1L)
                .expectEvents(new AlertWithdrawn(alertId, KZ_AGENCY, "Found safe", withdrawal));
    }

    @Test
    void anotherAgencyCannotWithdrawTheAlert() {
        fixture.given(raised())
                .when(new WithdrawAlert(alertId, "Not mine", signedBy(new AgencyCode("KZ-KNB"))))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.NOT_THE_ORIGINATOR));
        fixture.given(raised())
                .when(new WithdrawAlert(alertId, "Not mine", signedBy(UZ_AGENCY)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.NOT_THE_ORIGINATOR));
        fixture.given(raised())
                .when(new WithdrawAlert(alertId, "Not mine", signedBy(new AgencyCode("TM-MVD"))))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.NOT_FOUND));
    }

    @Test
    void cannotAcknowledgeOrWithdrawAWithdrawnAlert() {
        AlertWithdrawn withdrawn = new AlertWithdrawn(alertId, KZ_AGENCY, "Found safe", signedBy(KZ_AGENCY));
        fixture.given(raised(), withdrawn)
                .when(new AcknowledgeAlert(alertId, signedBy(UZ_AGENCY)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.WITHDRAWN));
        fixture.given(raised(), withdrawn)
                .when(new WithdrawAlert(alertId, "Again", signedBy(KZ_AGENCY)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.WITHDRAWN));
    }

    @Test
    void theSameWithdrawalAgainGetsTheFirstAnswer() {
        SignedSubmission withdrawal = signedBy(KZ_AGENCY);
        fixture.given(raised(), new AlertWithdrawn(alertId, KZ_AGENCY, "Found safe", withdrawal))
                .when(new WithdrawAlert(alertId, "Found safe", withdrawal))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1L)
                .expectNoEvents();
    }

    @Test
    void theOriginatorFollowsUpWithNumberedFollowUps() {
        SignedSubmission second = signedBy(KZ_AGENCY);
        fixture.given(raised(), new AlertFollowedUp(alertId, 1, KZ_AGENCY, "First update", null, signedBy(KZ_AGENCY)))
                .when(new FollowUpAlert(alertId, "Second update", null, second))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AlertFollowedUp(alertId, 2, KZ_AGENCY, "Second update", null, second));
        fixture.given(raised())
                .when(new FollowUpAlert(alertId, "Not mine", null, signedBy(UZ_AGENCY)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.NOT_THE_ORIGINATOR));
    }

    @Test
    void aSealedAlertTakesOnlySealedFollowUps() {
        AlertRaised sealed = new AlertRaised(alertId, KZ_AGENCY, List.of(MemberCode.of("UZ")), Precedence.FLASH,
                AlertCategory.TERRORIST_THREAT, "Sealed", null, "{\"sealed\":\"for UZ\"}", DETAILS, List.of(), DEADLINE,
                SUBMISSION);
        fixture.given(sealed)
                .when(new FollowUpAlert(alertId, "In the clear", null, signedBy(KZ_AGENCY)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.SEALED_FOR_OTHERS));
        SignedSubmission followUp = signedBy(KZ_AGENCY);
        fixture.given(sealed)
                .when(new FollowUpAlert(alertId, null, "{\"sealed\":\"update\"}", followUp))
                .expectEvents(new AlertFollowedUp(alertId, 1, KZ_AGENCY, null, "{\"sealed\":\"update\"}", followUp));
    }

    @Test
    void cannotAcknowledgeOrFollowUpAnExpiredAlert() {
        AlertDetails shortLived = new AlertDetails(HandlingMarking.GREEN, OriginatorRestrictions.NONE,
                SourceReliability.X, 4, AlertStatus.ACTUAL, NOW.minusSeconds(7200), NOW.minusSeconds(60), List.of());
        AlertRaised expired = new AlertRaised(alertId, KZ_AGENCY, List.of(MemberCode.of("UZ")), Precedence.ROUTINE,
                AlertCategory.OTHER, "Old", "Old", null, shortLived, List.of(), NOW, SUBMISSION);
        fixture.given(expired)
                .when(new AcknowledgeAlert(alertId, signedBy(UZ_AGENCY)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.EXPIRED));
        fixture.given(expired)
                .when(new FollowUpAlert(alertId, "Too late", null, signedBy(KZ_AGENCY)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.EXPIRED));
    }

    @Test
    void anAddresseeAsksToShareOnwardAndTheOriginatorDecidesOnce() {
        SignedSubmission request = signedBy(UZ_AGENCY);
        OnwardSharingRequested requested = new OnwardSharingRequested(alertId, request.submissionId(),
                MemberCode.of("UZ"), UZ_AGENCY, "the regional police", "search", request);
        fixture.given(raised())
                .when(new RequestOnwardSharing(alertId, "the regional police", "search", request))
                .expectEvents(requested);
        SignedSubmission decision = signedBy(KZ_AGENCY);
        fixture.given(raised(), requested)
                .when(new DecideOnwardSharing(alertId, request.submissionId(), true, "for the search only", decision))
                .expectEvents(new OnwardSharingDecided(alertId, request.submissionId(), MemberCode.of("UZ"), true,
                        "for the search only", KZ_AGENCY, decision));
        fixture.given(raised(), requested, new OnwardSharingDecided(alertId, request.submissionId(),
                        MemberCode.of("UZ"), true, "yes", KZ_AGENCY, decision))
                .when(new DecideOnwardSharing(alertId, request.submissionId(), false, "changed my mind",
                        signedBy(KZ_AGENCY)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.INVALID_STATE));
    }

    @Test
    void onlyAddresseesAskAndOnlyTheOriginatorDecides() {
        fixture.given(raised())
                .when(new RequestOnwardSharing(alertId, "press", "publicity", signedBy(new AgencyCode("TM-MVD"))))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.NOT_FOUND));
        SignedSubmission request = signedBy(UZ_AGENCY);
        fixture.given(raised(), new OnwardSharingRequested(alertId, request.submissionId(), MemberCode.of("UZ"),
                        UZ_AGENCY, "police", "search", request))
                .when(new DecideOnwardSharing(alertId, request.submissionId(), true, "self-granted", signedBy(UZ_AGENCY)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.NOT_THE_ORIGINATOR));
        fixture.given(raised())
                .when(new DecideOnwardSharing(alertId, UUID.randomUUID(), true, "unknown", signedBy(KZ_AGENCY)))
                .expectNoEvents()
                .expectException(problem(ProblemTypes.NOT_FOUND));
    }

    @Test
    void anAddresseeThatLetsTheDeadlinePassIsEscalatedOnce() {
        Instant late = DEADLINE.plusSeconds(1);
        fixture.given(raised())
                .when(new EscalateAlert(alertId, MemberCode.of("KG"), late))
                .expectEvents(new AlertEscalated(alertId, MemberCode.of("KG"), DEADLINE, late));
        fixture.given(raised(), new AlertEscalated(alertId, MemberCode.of("KG"), DEADLINE, late))
                .when(new EscalateAlert(alertId, MemberCode.of("KG"), late.plusSeconds(5)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void noEscalationBeforeTheDeadlineAfterAnAcknowledgementOrAWithdrawal() {
        fixture.given(raised())
                .when(new EscalateAlert(alertId, MemberCode.of("KG"), DEADLINE.minusSeconds(1)))
                .expectNoEvents();
        fixture.given(raised(), new AlertAcknowledged(alertId, MemberCode.of("KG"), new AgencyCode("KG-MVD"),
                        signedBy(new AgencyCode("KG-MVD"))))
                .when(new EscalateAlert(alertId, MemberCode.of("KG"), DEADLINE.plusSeconds(1)))
                .expectNoEvents();
        fixture.given(raised(), new AlertWithdrawn(alertId, KZ_AGENCY, "Found", signedBy(KZ_AGENCY)))
                .when(new EscalateAlert(alertId, MemberCode.of("KG"), DEADLINE.plusSeconds(1)))
                .expectNoEvents();
        fixture.given(raised())
                .when(new EscalateAlert(alertId, MemberCode.of("TM"), DEADLINE.plusSeconds(1)))
                .expectNoEvents();
    }

    /** The aggregate's snapshot is its fields as Axon's Jackson serializer writes them; the rules hold after one. */
    @Test
    void theRulesHoldAfterASnapshot() {
        Alert alert = new Alert();
        SignedSubmission acknowledgement = signedBy(UZ_AGENCY);
        alert.on(raisedEvent());
        alert.on(new AlertAcknowledged(alertId, MemberCode.of("UZ"), UZ_AGENCY, acknowledgement), 1);
        Alert withdrawnAlert = new Alert();
        withdrawnAlert.on(raisedEvent());
        withdrawnAlert.on(new AlertWithdrawn(alertId, KZ_AGENCY, "Found safe", signedBy(KZ_AGENCY)), 1);
        Serializer serializer = JacksonSerializer.defaultSerializer();
        SerializedObject<byte[]> snapshot = serializer.serialize(alert, byte[].class);
        Alert restored = serializer.deserialize(snapshot);

        assertThat(restored.handle(new AcknowledgeAlert(alertId, acknowledgement))).isEqualTo(1L);
        assertThatThrownBy(() -> restored.handle(new AcknowledgeAlert(alertId, signedBy(new AgencyCode("UZ-SNB")))))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemTypes.ALREADY_ACKNOWLEDGED));
        assertThatThrownBy(() -> restored.handle(new AcknowledgeAlert(alertId, signedBy(new AgencyCode("TM-MVD")))))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemTypes.NOT_FOUND));
        Alert restoredWithdrawn = serializer.deserialize(serializer.serialize(withdrawnAlert, byte[].class));
        assertThatThrownBy(() -> restoredWithdrawn.handle(new AcknowledgeAlert(alertId, signedBy(UZ_AGENCY))))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemTypes.WITHDRAWN));
        assertThatThrownBy(() -> restoredWithdrawn.handle(new WithdrawAlert(alertId, "x", signedBy(UZ_AGENCY))))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(ProblemTypes.NOT_THE_ORIGINATOR));
    }

    private AlertRaised raisedEvent() {
        return new AlertRaised(alertId, KZ_AGENCY, List.of(MemberCode.of("KG"), MemberCode.of("UZ")),
                Precedence.FLASH, AlertCategory.FOREIGN_TERRORIST_FIGHTER_TRAVEL, "Raised", "Details", null, DETAILS, List.of(), DEADLINE, SUBMISSION);
    }

    private AlertRaised raised() {
        return raisedEvent();
    }

    private static SignedSubmission signedBy(AgencyCode agency) {
        UUID id = UUID.randomUUID();
        return new SignedSubmission(id, "alert.acknowledge", agency, "key-id", NOW, NOW, "hash-" + id, "h.p.s");
    }

    private static org.hamcrest.Matcher<Object> problem(java.net.URI type) {
        return predicate((Object e) -> e instanceof ProblemException p && p.type().equals(type));
    }
}
