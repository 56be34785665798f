package org.ewn.query.session;

import org.ewn.access.NetworkUser;
import org.ewn.access.Role;

import java.util.List;

/**
 * Who is signed in, as the console shows it.
 *
 * @param memberName     the member's name from the directory; the member's code if the directory does not know it yet
 * @param roles          the account's roles, sorted
 * @param timeoutSeconds after how many seconds without a request the session ends; null for an HTTP Basic caller,
 *                       which has no session
 */
record SignedIn(String username, String agency, String member, String memberName, List<String> roles,
                Integer timeoutSeconds) {

    static SignedIn of(NetworkUser user, String memberName, Integer timeoutSeconds) {
        List<String> roles = java.util.Arrays.stream(Role.values()).filter(user::hasRole).map(Role::name).toList();
        return new SignedIn(user.getUsername(), user.agency().value(), user.member().value(), memberName, roles,
                            timeoutSeconds);
    }
}
