package org.ewn.command.callback;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.ewn.api.callback.CallbackId;
import org.ewn.api.callback.CallbackRegistered;
import org.ewn.api.callback.CallbackRemoved;
import org.ewn.api.callback.SetCallback;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SignedSubmission;
import org.ewn.trust.TrustException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AgencyCallbackTest {

    private static final AgencyCode KZ = new AgencyCode("KZ-DEMO");
    private static final CallbackId ID = new CallbackId(KZ);
    private static final Instant NOW = Instant.parse("2026-11-26T09:30:00Z");
    private static final String URL = "https://kz.example/ewn";

    private AggregateTestFixture<AgencyCallback> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AgencyCallback.class);
    }

    @Test
    void canRegisterACallback() {
        SignedSubmission submission = submission(UUID.randomUUID(), "a");
        fixture.givenNoPriorActivity()
               .when(new SetCallback(ID, URL, submission))
               .expectEvents(new CallbackRegistered(KZ, URL, submission))
               .expectResultMessagePayloadMatching(answer(true));
    }

    @Test
    void canRemoveItsCallback() {
        SignedSubmission removal = submission(UUID.randomUUID(), "b");
        fixture.given(new CallbackRegistered(KZ, URL, submission(UUID.randomUUID(), "a")))
               .when(new SetCallback(ID, null, removal))
               .expectEvents(new CallbackRemoved(KZ, removal));
    }

    @Test
    void aRepeatedSubmissionRecordsNothingAndGetsTheFirstAnswer() {
        SignedSubmission submission = submission(UUID.randomUUID(), "a");
        fixture.given(new CallbackRegistered(KZ, URL, submission))
               .when(new SetCallback(ID, URL, submission))
               .expectNoEvents()
               .expectResultMessagePayloadMatching(answer(false));
    }

    @Test
    void cannotReuseASubmissionIdForOtherContent() {
        UUID id = UUID.randomUUID();
        fixture.given(new CallbackRegistered(KZ, URL, submission(id, "a")))
               .when(new SetCallback(ID, "https://other.example/", submission(id, "other")))
               .expectException(TrustException.class)
               .expectNoEvents();
    }

    @Test
    void theAggregatesIdentifierCannotCollideWithOthers() {
        assertThat(ID.toString()).isEqualTo("callback-KZ-DEMO");
    }

    /** The first event's answer: sequence 0 with the URL, created or repeated. */
    private static org.hamcrest.Matcher<Object> answer(boolean created) {
        return new org.hamcrest.BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof AgencyCallback.Recorded recorded && recorded.created() == created
                       && recorded.sequence() == 0 && URL.equals(recorded.url());
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("the first answer, created " + created);
            }
        };
    }

    private static SignedSubmission submission(UUID id, String content) {
        return new SignedSubmission(id, "agency.callback", KZ, "kid", NOW, NOW, "hash-" + content, "h.p.s");
    }
}
