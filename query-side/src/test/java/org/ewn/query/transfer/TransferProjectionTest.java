package org.ewn.query.transfer;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.api.transfer.ResponsibilityHandedOver;
import org.ewn.api.transfer.TransferAccepted;
import org.ewn.api.transfer.TransferAnswerOverdue;
import org.ewn.api.transfer.TransferEvent;
import org.ewn.api.transfer.TransferId;
import org.ewn.api.transfer.TransferRequested;
import org.ewn.api.transfer.TransferStatus;
import org.ewn.query.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TransferProjectionTest {

    private static final EmbeddedMongo MONGO = new EmbeddedMongo();
    private static final AgencyCode KZ = new AgencyCode("KZ-DEMO");
    private static final AgencyCode KG = new AgencyCode("KG-DEMO");
    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
    private static final String SEALED = "{\"protected\":\"eyJ9\",\"recipients\":[{\"header\":{\"kid\":\"k\"}}]}";

    private TransferProjection projection;
    private TransferViews views;
    private TransferId transferId;

    @BeforeEach
    void setUp() {
        MongoDatabase database = MONGO.freshDatabase();
        projection = new TransferProjection(database);
        views = new TransferViews(database);
        transferId = new TransferId(UUID.randomUUID());
    }

    @AfterAll
    static void stop() {
        MONGO.close();
    }

    private void project(long position, TransferEvent event) {
        projection.on(event, new GlobalSequenceTrackingToken(position));
    }

    private SignedSubmission submission(UUID id, String type, AgencyCode agency) {
        return new SignedSubmission(id, type, agency, "key", NOW, NOW, "hash", "a.b.c");
    }

    private List<TransferEvent> handover() {
        return List.of(
                new TransferRequested(transferId, KZ, KG, SEALED, List.of(), NOW.plusSeconds(3600),
                        submission(transferId.value(), "transfer.request", KZ)),
                new TransferAnswerOverdue(transferId, KZ, KG, KG, NOW.plusSeconds(3600), NOW.plusSeconds(3601)),
                new TransferAccepted(transferId, KZ, KG, submission(UUID.randomUUID(), "transfer.accept", KG)),
                new ResponsibilityHandedOver(transferId, KZ, KG, NOW.plusSeconds(3700)));
    }

    @Test
    void handedOverTransferShowsTheReceiverResponsibleAndTheSenderReadOnly() {
        List<TransferEvent> events = handover();
        for (int i = 0; i < events.size(); i++) {
            project(10 + i, events.get(i));
        }
        TransferViews.Found atKz = views.find(MemberCode.of("KZ"), transferId.value()).orElseThrow();
        assertThat(atKz.summary().status()).isEqualTo(TransferStatus.HANDED_OVER);
        assertThat(atKz.summary().responsible()).isEqualTo("KG-DEMO");
        assertThat(atKz.summary().readOnly()).isTrue();
        assertThat(atKz.summary().reminded()).isTrue();
        assertThat(atKz.history()).extracting(TransferDetail.Step::step)
                .containsExactly("REQUESTED", "REMINDED", "ACCEPTED", "HANDED_OVER");
        assertThat(atKz.sealedSummary()).containsKey("protected");
        assertThat(views.find(MemberCode.of("KG"), transferId.value()).orElseThrow().summary().readOnly()).isFalse();
        assertThat(views.find(MemberCode.of("TJ"), transferId.value())).isEmpty();
    }

    @Test
    void redeliveredOrOlderEventsChangeNothing() {
        List<TransferEvent> events = handover();
        for (int i = 0; i < events.size(); i++) {
            project(10 + i, events.get(i));
        }
        project(12, events.get(2));
        project(10, events.get(0));
        TransferViews.Found found = views.find(MemberCode.of("KG"), transferId.value()).orElseThrow();
        assertThat(found.summary().status()).isEqualTo(TransferStatus.HANDED_OVER);
        assertThat(found.history()).hasSize(4);
    }

    @Test
    void listHoldsOnlyTheMembersTransfersFilteredByStatus() {
        project(1, handover().get(0));
        assertThat(views.list(MemberCode.of("KG"), Set.of(), 0, 10).items())
                .extracting(TransferSummary::transferId).containsExactly(transferId.value());
        assertThat(views.list(MemberCode.of("KG"), Set.of(TransferStatus.HANDED_OVER), 0, 10).total()).isZero();
        assertThat(views.list(MemberCode.of("TJ"), Set.of(), 0, 10).total()).isZero();
    }
}
