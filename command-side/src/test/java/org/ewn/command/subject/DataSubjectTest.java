package org.ewn.command.subject;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.ewn.api.ProblemException;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.subject.DataKind;
import org.ewn.api.subject.EraseSubject;
import org.ewn.api.subject.SubjectErased;
import org.ewn.api.subject.SubjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

class DataSubjectTest {

    private static final SubjectId SUBJECT = new SubjectId(UUID.randomUUID());
    private static final AgencyCode ADMIN = new AgencyCode("EWN-ADMIN");
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private AggregateTestFixture<DataSubject> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DataSubject.class);
    }

    @Test
    void aRequestErasesTheSubjectWhole() {
        fixture.givenNoPriorActivity()
               .when(new EraseSubject(SUBJECT, ADMIN, "court order 17", true, null, List.of("k1", "k2"), NOW, null))
               .expectEvents(new SubjectErased(SUBJECT, ADMIN, "court order 17", true, null, List.of("k1", "k2"), NOW,
                       null));
    }

    @Test
    void aSubjectErasedWholeCannotBeErasedAgain() {
        fixture.given(new SubjectErased(SUBJECT, ADMIN, "court order 17", true, null, List.of("k1"), NOW, null))
               .when(new EraseSubject(SUBJECT, ADMIN, "again", true, null, List.of(), NOW.plusSeconds(5), null))
               .expectNoEvents()
               .expectException(ProblemException.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("was erased at " + NOW));
    }

    @Test
    void retentionDestroysOnlyKeysNotDestroyedBefore() {
        fixture.given(new SubjectErased(SUBJECT, null, "retention", false, DataKind.ALERT, List.of("k1"), NOW, null))
               .when(new EraseSubject(SUBJECT, null, "retention", false, DataKind.ALERT, List.of("k1", "k2"),
                       NOW.plusSeconds(60), null))
               .expectEvents(new SubjectErased(SUBJECT, null, "retention", false, DataKind.ALERT, List.of("k2"),
                       NOW.plusSeconds(60), null));
    }

    @Test
    void retentionAskingAgainForTheSameKeysRecordsNothing() {
        fixture.given(new SubjectErased(SUBJECT, null, "retention", false, DataKind.ALERT, List.of("k1"), NOW, null))
               .when(new EraseSubject(SUBJECT, null, "retention", false, DataKind.ALERT, List.of("k1"),
                       NOW.plusSeconds(60), null))
               .expectNoEvents()
               .expectSuccessfulHandlerExecution();
    }
}
