package org.ewn.access;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentlyVerifiedTest {

    private final AtomicInteger checks = new AtomicInteger();
    private final MutableClock clock = new MutableClock();
    private final RecentlyVerified provider = new RecentlyVerified(new Verifier(), Duration.ofSeconds(60), clock);

    @Test
    void verifiesAPasswordOncePerPeriod() {
        Authentication first = provider.authenticate(login("kz-agency", "right"));
        Authentication second = provider.authenticate(login("kz-agency", "right"));

        assertThat(first.isAuthenticated()).isTrue();
        assertThat(second).isSameAs(first);
        assertThat(checks).hasValue(1);
    }

    @Test
    void verifiesAgainAfterThePeriod() {
        provider.authenticate(login("kz-agency", "right"));
        clock.advance(Duration.ofSeconds(61));
        provider.authenticate(login("kz-agency", "right"));

        assertThat(checks).hasValue(2);
    }

    @Test
    void neverRemembersAFailure() {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> provider.authenticate(login("kz-agency", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(3);
    }

    @Test
    void aRememberedPasswordDoesNotOpenOtherAccountsOrOtherPasswords() {
        provider.authenticate(login("kz-agency", "right"));

        assertThatThrownBy(() -> provider.authenticate(login("kz-agency", "right2")))
                .isInstanceOf(BadCredentialsException.class);
        provider.authenticate(login("uz-agency", "right"));
        assertThat(checks).hasValue(3);
    }

    private static UsernamePasswordAuthenticationToken login(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    /** Stands in for the bcrypt check: the password "right" is right for every account. */
    private final class Verifier implements AuthenticationProvider {

        @Override
        public Authentication authenticate(Authentication authentication) throws AuthenticationException {
            checks.incrementAndGet();
            if (!"right".equals(authentication.getCredentials())) {
                throw new BadCredentialsException("bad");
            }
            return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null, List.of());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return true;
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-26T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
