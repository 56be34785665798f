package org.ewn.access;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordsTest {

    private final PasswordEncoder passwords = Passwords.encoder();

    @Test
    void hashesNewPasswordsWithArgon2id() {
        String hash = passwords.encode("correct horse battery staple");
        // PHC string: Argon2id, version 19, 16 MiB, 2 passes, 1 lane
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=16384,t=2,p=1$");
        assertThat(passwords.matches("correct horse battery staple", hash)).isTrue();
        assertThat(passwords.matches("correct horse battery stapler", hash)).isFalse();
        assertThat(passwords.upgradeEncoding(hash)).isFalse();
    }

    @Test
    void stillVerifiesBcryptHashesAndAsksToUpgradeThem() {
        String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode("s3cret-from-before");
        assertThat(passwords.matches("s3cret-from-before", bcrypt)).isTrue();
        assertThat(passwords.matches("s3cret-from-after", bcrypt)).isFalse();
        assertThat(passwords.upgradeEncoding(bcrypt)).isTrue();
    }

    /** Not a benchmark: prints what one check costs here, so the figure in the README can be checked. */
    @Test
    void reportsTheCostOfOneCheck() {
        String argon2 = passwords.encode("measured password");
        String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode("measured password");
        for (int i = 0; i < 3; i++) {
            passwords.matches("measured password", argon2);
            passwords.matches("measured password", bcrypt);
        }
        int rounds = 10;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            assertThat(passwords.matches("measured password", argon2)).isTrue();
        }
        long argon2Micros = (System.nanoTime() - start) / 1000 / rounds;
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            assertThat(passwords.matches("measured password", bcrypt)).isTrue();
        }
        long bcryptMicros = (System.nanoTime() - start) / 1000 / rounds;
        System.out.printf("Password check: Argon2id %.1f ms, bcrypt(10) %.1f ms%n", argon2Micros / 1000.0,
                          bcryptMicros / 1000.0);
        assertThat(argon2Micros).isPositive();
    }
}
