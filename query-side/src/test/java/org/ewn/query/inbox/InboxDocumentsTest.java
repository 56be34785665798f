package org.ewn.query.inbox;

import org.bson.Document;
import org.ewn.api.alert.AlertAcknowledged;
import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.AlertDetails;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.AlertStatus;
import org.ewn.api.alert.AttachmentReference;
import org.ewn.api.alert.HandlingMarking;
import org.ewn.api.alert.OriginatorRestrictions;
import org.ewn.api.alert.Precedence;
import org.ewn.api.alert.SourceReliability;
import org.ewn.api.inbox.AddresseeState;
import org.ewn.api.inbox.InboxAlert;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InboxDocumentsTest {

    private static final Instant RAISED = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant DEADLINE = RAISED.plus(Duration.ofMinutes(15));
    private static final MemberCode KZ = MemberCode.of("KZ");
    private static final MemberCode KG = MemberCode.of("KG");
    private static final MemberCode UZ = MemberCode.of("UZ");

    private final InboxDocuments documents = new InboxDocuments();
    private final AlertId alertId = new AlertId(UUID.randomUUID());
    private final AlertDetails details = new AlertDetails(HandlingMarking.RED,
            new OriginatorRestrictions("child protection", true), SourceReliability.A, 1, AlertStatus.EXERCISE,
            RAISED, RAISED.plus(Duration.ofDays(2)),
            List.of(new AttachmentReference("ab".repeat(32), "photo.jpg", "image/jpeg", 1234)));

    @Test
    void theOriginatorsMemberSeesWhereTheAlertStandsWithEachAddressee() {
        Document stored = acknowledgedByUzbekistan();

        InboxAlert beforeDeadline = documents.toAlert(stored, KZ, DEADLINE.minusSeconds(1));
        assertThat(beforeDeadline.board()).extracting(AddresseeState::member, AddresseeState::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(KG, AddresseeState.State.DELIVERED),
                                 org.assertj.core.groups.Tuple.tuple(UZ, AddresseeState.State.ACKNOWLEDGED));
        InboxAlert afterDeadline = documents.toAlert(stored, KZ, DEADLINE.plusSeconds(1));
        assertThat(afterDeadline.board()).extracting(AddresseeState::state)
                .containsExactly(AddresseeState.State.OVERDUE, AddresseeState.State.ACKNOWLEDGED);
        assertThat(afterDeadline.acknowledgements()).hasSize(1);
    }

    @Test
    void anAddresseeSeesItsOwnAcknowledgementAndNoBoard() {
        Document stored = acknowledgedByUzbekistan();

        assertThat(documents.toAlert(stored, UZ, RAISED).acknowledgements()).hasSize(1);
        assertThat(documents.toAlert(stored, KG, RAISED).acknowledgements()).isEmpty();
        assertThat(documents.toAlert(stored, KG, DEADLINE.plusSeconds(1)).board()).isEmpty();
    }

    @Test
    void theDetailsComeBackAsTheyWereRaised() {
        InboxAlert alert = documents.toAlert(acknowledgedByUzbekistan(), KG, RAISED);
        assertThat(alert.details()).isEqualTo(details);
        assertThat(alert.acknowledgeBy()).isEqualTo(DEADLINE);
    }

    private Document acknowledgedByUzbekistan() {
        AlertRaised raised = new AlertRaised(alertId, new AgencyCode("KZ-MVD"), List.of(KG, UZ), Precedence.FLASH,
                AlertCategory.MISSING_OR_AT_RISK_CHILD, "Missing child", "Seen at the border", null, details, List.of(), DEADLINE,
                submission("alert.raise"));
        Document stored = documents.raisedFields(raised, 7, RAISED).append("_id", alertId.toString());
        AlertAcknowledged acknowledged = new AlertAcknowledged(alertId, UZ, new AgencyCode("UZ-SNB"),
                submission("alert.acknowledge"));
        stored.put(InboxDocuments.ACKNOWLEDGEMENTS,
                   new Document(UZ.value(), documents.acknowledgement(acknowledged, 8)));
        return stored;
    }

    private static SignedSubmission submission(String type) {
        return new SignedSubmission(UUID.randomUUID(), type, new AgencyCode("KZ-MVD"), "kid", RAISED,
                RAISED.plusSeconds(60), "hash", "h.p.s");
    }
}
