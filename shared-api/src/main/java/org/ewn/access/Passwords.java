package org.ewn.access;

import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;

/** How account passwords are hashed: Argon2id for new ones; bcrypt ones, from before, still verify. */
public final class Passwords {

    static final String ARGON2 = "argon2";
    static final String BCRYPT = "bcrypt";

    private Passwords() {
    }

    /** Encodes as {@code {argon2}…}; verifies {@code {argon2}} and {@code {bcrypt}} hashes. */
    public static PasswordEncoder encoder() {
        return new DelegatingPasswordEncoder(ARGON2, Map.of(
                ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                BCRYPT, new BCryptPasswordEncoder()));
    }

    /** Stores the new hash that a successful sign-in with an older one produced; the account is otherwise unchanged. */
    public static UserDetailsPasswordService upgrading(Accounts accounts) {
        return (user, newHash) -> {
            accounts.account(user.getUsername()).ifPresent(account -> accounts.save(new Account(account.username(),
                    newHash, account.agency(), account.roles(), account.demo())));
            return user;
        };
    }
}
