package org.ewn.command.alert;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.Precedence;
import org.ewn.api.alert.RaiseAlert;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SignedSubmission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;

class AlertTest {

    private static final AgencyCode KZ_AGENCY = new AgencyCode("KZ-MVD");
    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
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
                        "Details follow", SUBMISSION));
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
                AlertCategory.FOREIGN_TERRORIST_FIGHTER_TRAVEL, title, "Details follow", SUBMISSION);
    }
}
