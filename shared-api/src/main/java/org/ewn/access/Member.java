package org.ewn.access;

import org.ewn.api.member.MemberCode;

import java.util.Objects;

/**
 * A member of the network as the directory knows it.
 *
 * @param demo true for members of the demo network that the all-in-one application sets up
 */
public record Member(MemberCode code, String name, Kind kind, boolean demo) {

    public enum Kind { STATE, PARTNER_ORGANISATION }

    public Member {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
