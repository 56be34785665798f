package org.ewn.command.submission;

import org.ewn.api.ProblemTypes;
import org.ewn.api.RetryLaterException;
import org.ewn.api.member.AgencyCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void takesTheBurstAtOnceThenRefillsAtTheRate() {
        TokenBucket bucket = new TokenBucket(20, 40, 0);

        for (int i = 0; i < 40; i++) {
            assertThat(bucket.take(0)).as("token " + i).isZero();
        }
        assertThat(bucket.take(0)).isEqualTo(Duration.ofMillis(50));
        assertThat(bucket.take(SECOND / 20)).as("one more after 1/20 s").isZero();
        assertThat(bucket.take(SECOND / 20)).isPositive();
    }

    @Test
    void neverHoldsMoreThanTheBurst() {
        TokenBucket bucket = new TokenBucket(1, 3, 0);
        long later = 3600 * SECOND;

        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take(later)).isZero();
        }
        assertThat(bucket.take(later)).isEqualTo(Duration.ofSeconds(1));
        assertThat(bucket.full(later)).isFalse();
        assertThat(bucket.full(later + 3 * SECOND)).isTrue();
    }

    @Test
    void eachAgencyHasItsOwnBucketAndARefusalSaysWhenToRetry() {
        AtomicLong now = new AtomicLong();
        RateLimits limits = new RateLimits(new RateLimitProperties(true, 0.5, 2), now::get);
        AgencyCode kz = new AgencyCode("KZ-DEMO");
        limits.take(kz);
        limits.take(kz);

        assertThatThrownBy(() -> limits.take(kz)).isInstanceOfSatisfying(RetryLaterException.class, refusal -> {
            assertThat(refusal.status()).isEqualTo(429);
            assertThat(refusal.type()).isEqualTo(ProblemTypes.TOO_MANY_REQUESTS);
            assertThat(refusal.retryAfterSeconds()).isEqualTo(2);
        });
        limits.take(new AgencyCode("UZ-DEMO"));
        now.set(2 * SECOND);
        limits.take(kz);
    }
}
