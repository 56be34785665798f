package org.ewn.access;

import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** The authenticated caller: an account of an agency, and so of a member, with its roles. */
public final class NetworkUser implements UserDetails, CredentialsContainer {

    private final Account account;
    /** Asked for every frame live push sends, so derived from the agency's code once. */
    private final MemberCode member;
    private String passwordHash;

    public NetworkUser(Account account) {
        this.account = account;
        this.member = account.member();
        this.passwordHash = account.passwordHash();
    }

    public AgencyCode agency() {
        return account.agency();
    }

    public MemberCode member() {
        return member;
    }

    public boolean hasRole(Role role) {
        return account.roles().contains(role);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = account.roles().stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority())).toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "NetworkUser[" + account.username() + " of " + account.agency() + "]";
    }
}
