package org.ewn.command.transfer;

import org.axonframework.test.saga.SagaTestFixture;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.api.transfer.CompleteHandover;
import org.ewn.api.transfer.ResponsibilityHandedOver;
import org.ewn.api.transfer.TransferAccepted;
import org.ewn.api.transfer.TransferGranted;
import org.ewn.api.transfer.TransferId;
import org.ewn.api.transfer.TransferRejected;
import org.ewn.api.transfer.TransferRequested;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

class HandoverSagaTest {

    private static final AgencyCode KZ = new AgencyCode("KZ-DEMO");
    private static final AgencyCode KG = new AgencyCode("KG-DEMO");
    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");

    private SagaTestFixture<HandoverSaga> fixture;
    private TransferId transferId;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(HandoverSaga.class);
        fixture.setCallbackBehavior((command, metaData) -> null);
        fixture.givenCurrentTime(NOW);
        transferId = new TransferId(UUID.randomUUID());
    }

    private SignedSubmission step(String type, AgencyCode agency) {
        return new SignedSubmission(UUID.randomUUID(), type, agency, "key", NOW, NOW, "hash", "a.b.c");
    }

    @Test
    void acceptedTransferIsHandedOver() {
        fixture.givenAggregate(transferId.toString()).published()
                .whenAggregate(transferId.toString()).publishes(new TransferAccepted(transferId, KZ, KG,
                        step("transfer.accept", KG)))
                .expectActiveSagas(1)
                .expectAssociationWith("transferId", transferId.toString())
                .expectDispatchedCommands(new CompleteHandover(transferId, NOW));
    }

    @Test
    void grantedAskingIsHandedOver() {
        fixture.givenNoPriorActivity()
                .whenAggregate(transferId.toString()).publishes(new TransferGranted(transferId, KZ, KG,
                        step("transfer.grant", KZ)))
                .expectActiveSagas(1)
                .expectDispatchedCommands(new CompleteHandover(transferId, NOW));
    }

    @Test
    void sagaEndsOnceResponsibilityMoved() {
        fixture.givenAggregate(transferId.toString()).published(new TransferAccepted(transferId, KZ, KG,
                        step("transfer.accept", KG)))
                .whenAggregate(transferId.toString()).publishes(new ResponsibilityHandedOver(transferId, KZ, KG, NOW))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void aRequestOrARejectionStartsNoHandover() {
        fixture.givenAggregate(transferId.toString()).published(new TransferRequested(transferId, KZ, KG, "{}",
                        List.of(), NOW.plusSeconds(3600), step("transfer.request", KZ)))
                .whenAggregate(transferId.toString()).publishes(new TransferRejected(transferId, KZ, KG, "No",
                        step("transfer.reject", KG)))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void handoversOfOtherTransfersAreNotConfused() {
        TransferId other = new TransferId(UUID.randomUUID());
        fixture.givenAggregate(transferId.toString()).published(new TransferAccepted(transferId, KZ, KG,
                        step("transfer.accept", KG)))
                .whenAggregate(other.toString()).publishes(new ResponsibilityHandedOver(other, KZ, KG, NOW))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }
}
