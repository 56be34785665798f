package org.ewn.command.membership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.GroupCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.membership.MemberKind;

import java.time.Instant;
import java.util.List;

/** The signed bodies of membership submissions; certificates are base64 DER. */
final class MembershipBodies {

    private MembershipBodies() {
    }

    record FoundNetworkBody(@NotBlank @Size(max = 200) String name,
                            @NotBlank @Size(max = 20_000) String rootCertificate,
                            @NotBlank @Size(max = 20_000) String administratorCertificate) {
    }

    record AdmitMemberBody(@NotNull MemberCode member,
                           @NotBlank @Size(max = 200) String name,
                           @NotNull MemberKind kind,
                           @NotBlank @Size(max = 20_000) String caCertificate) {
    }

    record RegisterAgencyBody(@NotNull AgencyCode agency,
                              @NotBlank @Size(max = 200) String name,
                              Boolean administrator) {

        boolean isAdministrator() {
            return Boolean.TRUE.equals(administrator);
        }
    }

    record EnrolKeyBody(@NotNull AgencyCode agency, @NotBlank @Size(max = 20_000) String certificate) {
    }

    /** @param effectiveAt an earlier time of compromise, or null for now */
    record RevokeKeyBody(@NotNull AgencyCode agency,
                         @NotBlank @Size(max = 100) String keyId,
                         @NotBlank @Size(max = 1000) String reason,
                         Instant effectiveAt) {
    }

    record SuspendMemberBody(@NotNull MemberCode member, @NotBlank @Size(max = 1000) String reason) {
    }

    record ReinstateMemberBody(@NotNull MemberCode member) {
    }

    /** Defines the group anew if it exists: these become its members. */
    record DefineGroupBody(@NotNull GroupCode group,
                           @NotBlank @Size(max = 200) String name,
                           @NotNull @Size(min = 1, max = 100) List<@NotNull MemberCode> members) {
    }

    record DissolveGroupBody(@NotNull GroupCode group) {
    }
}
