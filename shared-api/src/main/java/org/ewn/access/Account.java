package org.ewn.access;

import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;

import java.util.Objects;
import java.util.Set;

/**
 * An account that may call the network: an agency's system or one of its officers.
 *
 * @param passwordHash the password in Spring Security's encoded form ({@code {argon2}…}, or {@code {bcrypt}…} from before); never the password
 */
public record Account(String username, String passwordHash, AgencyCode agency, Set<Role> roles, boolean demo) {

    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(agency, "agency");
        roles = Set.copyOf(roles);
    }

    public MemberCode member() {
        return agency.member();
    }
}
