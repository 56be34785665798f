package org.ewn.command.transfer;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.casework.CaseKind;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.api.transfer.AcceptTransfer;
import org.ewn.api.transfer.AskForTransfer;
import org.ewn.api.transfer.CompleteHandover;
import org.ewn.api.transfer.GrantTransfer;
import org.ewn.api.transfer.RefuseTransfer;
import org.ewn.api.transfer.RejectTransfer;
import org.ewn.api.transfer.RemindOverdueTransfer;
import org.ewn.api.transfer.RequestTransfer;
import org.ewn.api.transfer.ResponsibilityHandedOver;
import org.ewn.api.transfer.TransferAccepted;
import org.ewn.api.transfer.TransferAnswerOverdue;
import org.ewn.api.transfer.TransferAsked;
import org.ewn.api.transfer.TransferGranted;
import org.ewn.api.transfer.TransferId;
import org.ewn.api.transfer.TransferRefused;
import org.ewn.api.transfer.TransferRejected;
import org.ewn.api.transfer.TransferRequested;
import org.ewn.trust.TrustException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CaseTransferTest {

    private static final AgencyCode KZ = new AgencyCode("KZ-DEMO");
    private static final AgencyCode KZ_OTHER = new AgencyCode("KZ-MVD");
    private static final AgencyCode KG = new AgencyCode("KG-DEMO");
    private static final AgencyCode TJ = new AgencyCode("TJ-DEMO");
    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
    private static final Instant DEADLINE = NOW.plusSeconds(72 * 3600);
    private static final String SEALED = "{\"protected\":\"x\"}";

    private AggregateTestFixture<CaseTransfer> fixture;
    private TransferId transferId;
    private SignedSubmission opening;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseTransfer.class);
        transferId = new TransferId(UUID.randomUUID());
        opening = new SignedSubmission(transferId.value(), "transfer.request", KZ, "key", NOW, NOW, "hash", "a.b.c");
    }

    private TransferRequested requested() {
        return new TransferRequested(transferId, KZ, KG, SEALED, List.of(), DEADLINE, opening);
    }

    private TransferAsked asked() {
        SignedSubmission ask = new SignedSubmission(transferId.value(), "transfer.ask", KG, "key", NOW, NOW, "hash",
                "a.b.c");
        return new TransferAsked(transferId, KZ, KG, SEALED, List.of(), DEADLINE, ask);
    }

    private static SignedSubmission step(String type, AgencyCode agency) {
        return step(type, agency, UUID.randomUUID(), "hash-" + type);
    }

    private static SignedSubmission step(String type, AgencyCode agency, UUID id, String hash) {
        return new SignedSubmission(id, type, agency, "key", NOW, NOW.plusSeconds(60), hash, "a.b.c");
    }

    @Test
    void canRequestTransferToAnAgencyOfAnotherMember() {
        fixture.givenNoPriorActivity()
                .when(new RequestTransfer(transferId, KG, SEALED, List.of(), DEADLINE, opening))
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested());
    }

    @Test
    void cannotRequestTransferWithinOneMember() {
        fixture.givenNoPriorActivity()
                .when(new RequestTransfer(transferId, KZ_OTHER, SEALED, List.of(), DEADLINE, opening))
                .expectException(ProblemException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("same member"))
                .expectNoEvents();
    }

    @Test
    void requestedTransferIsAStatusChangeOfBothParties() {
        TransferRequested event = requested();
        assertThat(event.caseKind()).isEqualTo(CaseKind.TRANSFER);
        assertThat(event.caseId()).isEqualTo(transferId.value());
        assertThat(event.status()).isEqualTo("REQUESTED");
        assertThat(event.parties()).containsExactlyInAnyOrder(KZ, KG);
        assertThat(event.at()).isEqualTo(NOW);
    }

    @Test
    void canAcceptTransferRequestedOfUs() {
        SignedSubmission accept = step("transfer.accept", KG);
        fixture.given(requested())
                .when(new AcceptTransfer(transferId, accept))
                .expectResultMessagePayload(1L)
                .expectEvents(new TransferAccepted(transferId, KZ, KG, accept));
    }

    @Test
    void canRejectTransferRequestedOfUsWithAReason() {
        SignedSubmission reject = step("transfer.reject", KG);
        fixture.given(requested())
                .when(new RejectTransfer(transferId, "No capacity", reject))
                .expectEvents(new TransferRejected(transferId, KZ, KG, "No capacity", reject));
    }

    @Test
    void senderCannotAcceptItsOwnRequest() {
        fixture.given(requested())
                .when(new AcceptTransfer(transferId, step("transfer.accept", KZ)))
                .expectException(problem(ProblemTypes.NOT_THE_PARTY))
                .expectNoEvents();
    }

    @Test
    void anotherAgencyOfTheReceiversMemberCannotAccept() {
        fixture.given(requested())
                .when(new AcceptTransfer(transferId, step("transfer.accept", new AgencyCode("KG-GKNB"))))
                .expectException(problem(ProblemTypes.NOT_THE_PARTY))
                .expectNoEvents();
    }

    @Test
    void aThirdMemberLearnsNothingOfTheTransfer() {
        fixture.given(requested())
                .when(new RejectTransfer(transferId, "Not ours", step("transfer.reject", TJ)))
                .expectException(problem(ProblemTypes.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void cannotAnswerATransferTwice() {
        fixture.given(requested(), new TransferRejected(transferId, KZ, KG, "No", step("transfer.reject", KG)))
                .when(new AcceptTransfer(transferId, step("transfer.accept", KG)))
                .expectException(problem(ProblemTypes.INVALID_STATE))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("final"))
                .expectNoEvents();
    }

    @Test
    void cannotRejectATransferHandedOver() {
        fixture.given(requested(), new TransferAccepted(transferId, KZ, KG, step("transfer.accept", KG)),
                        new ResponsibilityHandedOver(transferId, KZ, KG, NOW))
                .when(new RejectTransfer(transferId, "Changed our mind", step("transfer.reject", KG)))
                .expectException(problem(ProblemTypes.INVALID_STATE))
                .expectNoEvents();
    }

    @Test
    void sameAcceptanceAgainAnswersTheSameAndChangesNothing() {
        SignedSubmission accept = step("transfer.accept", KG);
        fixture.given(requested())
                .andGivenCommands(new AcceptTransfer(transferId, accept))
                .when(new AcceptTransfer(transferId, accept))
                .expectResultMessagePayload(1L)
                .expectNoEvents();
    }

    @Test
    void submissionIdReusedForOtherContentIsRefused() {
        SignedSubmission accept = step("transfer.accept", KG);
        fixture.given(requested(), new TransferAccepted(transferId, KZ, KG, accept))
                .when(new RejectTransfer(transferId, "No", step("transfer.reject", KG, accept.submissionId(), "other")))
                .expectException(TrustException.class)
                .expectNoEvents();
    }

    @Test
    void acceptedTransferHandsOverOnce() {
        fixture.given(requested(), new TransferAccepted(transferId, KZ, KG, step("transfer.accept", KG)))
                .when(new CompleteHandover(transferId, NOW.plusSeconds(61)))
                .expectEvents(new ResponsibilityHandedOver(transferId, KZ, KG, NOW.plusSeconds(61)));
        fixture.given(requested(), new TransferAccepted(transferId, KZ, KG, step("transfer.accept", KG)),
                        new ResponsibilityHandedOver(transferId, KZ, KG, NOW))
                .when(new CompleteHandover(transferId, NOW.plusSeconds(90)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectedOrOpenTransferIsNeverHandedOver() {
        fixture.given(requested())
                .when(new CompleteHandover(transferId, NOW))
                .expectNoEvents();
        fixture.given(requested(), new TransferRejected(transferId, KZ, KG, "No", step("transfer.reject", KG)))
                .when(new CompleteHandover(transferId, NOW))
                .expectNoEvents();
    }

    @Test
    void canAskTheHolderForACase() {
        SignedSubmission ask = asked().submission();
        fixture.givenNoPriorActivity()
                .when(new AskForTransfer(transferId, KZ, SEALED, List.of(), DEADLINE, ask))
                .expectEvents(asked());
    }

    @Test
    void holderCanGrantWhatItWasAskedFor() {
        SignedSubmission grant = step("transfer.grant", KZ);
        fixture.given(asked())
                .when(new GrantTransfer(transferId, grant))
                .expectEvents(new TransferGranted(transferId, KZ, KG, grant));
    }

    @Test
    void holderCanRefuseWithAReason() {
        SignedSubmission refuse = step("transfer.refuse", KZ);
        fixture.given(asked())
                .when(new RefuseTransfer(transferId, "Case still under investigation", refuse))
                .expectEvents(new TransferRefused(transferId, KZ, KG, "Case still under investigation", refuse));
    }

    @Test
    void askerCannotGrantItself() {
        fixture.given(asked())
                .when(new GrantTransfer(transferId, step("transfer.grant", KG)))
                .expectException(problem(ProblemTypes.NOT_THE_PARTY))
                .expectNoEvents();
    }

    @Test
    void anAskingIsGrantedOrRefusedNotAccepted() {
        fixture.given(asked())
                .when(new AcceptTransfer(transferId, step("transfer.accept", KZ)))
                .expectException(problem(ProblemTypes.INVALID_STATE))
                .expectNoEvents();
        fixture.given(requested())
                .when(new GrantTransfer(transferId, step("transfer.grant", KG)))
                .expectException(problem(ProblemTypes.INVALID_STATE))
                .expectNoEvents();
    }

    @Test
    void refusedAskingIsFinal() {
        fixture.given(asked(), new TransferRefused(transferId, KZ, KG, "No", step("transfer.refuse", KZ)))
                .when(new GrantTransfer(transferId, step("transfer.grant", KZ)))
                .expectException(problem(ProblemTypes.INVALID_STATE))
                .expectNoEvents();
    }

    @Test
    void grantedAskingHandsOverToTheAsker() {
        fixture.given(asked(), new TransferGranted(transferId, KZ, KG, step("transfer.grant", KZ)))
                .when(new CompleteHandover(transferId, NOW))
                .expectEvents(new ResponsibilityHandedOver(transferId, KZ, KG, NOW));
    }

    @Test
    void overdueAnswerIsRemindedOnceToTheAwaitedParty() {
        fixture.given(requested())
                .when(new RemindOverdueTransfer(transferId, DEADLINE))
                .expectEvents(new TransferAnswerOverdue(transferId, KZ, KG, KG, DEADLINE, DEADLINE));
        fixture.given(requested(), new TransferAnswerOverdue(transferId, KZ, KG, KG, DEADLINE, DEADLINE))
                .when(new RemindOverdueTransfer(transferId, DEADLINE.plusSeconds(5)))
                .expectNoEvents();
        fixture.given(asked())
                .when(new RemindOverdueTransfer(transferId, DEADLINE.plusSeconds(1)))
                .expectEvents(new TransferAnswerOverdue(transferId, KZ, KG, KZ, DEADLINE, DEADLINE.plusSeconds(1)));
    }

    @Test
    void noReminderBeforeTheDeadlineOrAfterTheAnswer() {
        fixture.given(requested())
                .when(new RemindOverdueTransfer(transferId, DEADLINE.minusSeconds(1)))
                .expectNoEvents();
        fixture.given(requested(), new TransferAccepted(transferId, KZ, KG, step("transfer.accept", KG)))
                .when(new RemindOverdueTransfer(transferId, DEADLINE.plusSeconds(1)))
                .expectNoEvents();
    }

    @Test
    void answerStaysPossibleAfterTheReminder() {
        SignedSubmission accept = step("transfer.accept", KG);
        fixture.given(requested(), new TransferAnswerOverdue(transferId, KZ, KG, KG, DEADLINE, DEADLINE))
                .when(new AcceptTransfer(transferId, accept))
                .expectEvents(new TransferAccepted(transferId, KZ, KG, accept));
    }

    @Test
    void handoverEventNamesBothPartiesAsTheCasesParties() {
        ResponsibilityHandedOver event = new ResponsibilityHandedOver(transferId, KZ, KG, NOW);
        assertThat(event.status()).isEqualTo("HANDED_OVER");
        assertThat(event.members()).isEqualTo(Set.of(KZ.member(), KG.member()));
        assertThat(event.at()).isEqualTo(NOW);
    }

    private static org.hamcrest.Matcher<Throwable> problem(java.net.URI type) {
        return org.hamcrest.Matchers.both(org.hamcrest.Matchers.<Throwable>instanceOf(ProblemException.class))
                .and(org.hamcrest.Matchers.hasProperty("message", org.hamcrest.Matchers.notNullValue()))
                .and(new org.hamcrest.TypeSafeMatcher<Throwable>() {
                    @Override
                    protected boolean matchesSafely(Throwable item) {
                        return item instanceof ProblemException p && p.type().equals(type);
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("a problem of type " + type);
                    }
                });
    }
}
