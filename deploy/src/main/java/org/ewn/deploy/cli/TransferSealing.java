package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.api.member.AgencyCode;
import org.ewn.seal.SealRecipient;
import org.ewn.seal.SealedContent;
import org.ewn.trust.CertificatePath;
import org.ewn.trust.NetworkMembership;
import org.ewn.trust.TrustException;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Seals a transfer's case summary for the two parties' agencies alone, with the active encryption keys the directory
 * lists for each. With the network's root certificate, each key is checked to chain through its member's CA to it,
 * so that a hub that lied about a key could not read the summary.
 */
final class TransferSealing {

    private TransferSealing() {
    }

    static JsonNode seal(HubClient directory, Collection<AgencyCode> parties, String summary, X509Certificate root,
                         PrintWriter err) {
        List<SealRecipient> recipients = new ArrayList<>();
        for (AgencyCode agency : new TreeSet<>(parties)) {
            JsonNode member = read(directory, "/api/v1/members/" + agency.member());
            X509Certificate ca = NetworkMembership.certificate(member.path("ca").path("certificate").asText());
            int before = recipients.size();
            for (JsonNode key : read(directory, "/api/v1/agencies/" + agency).path("keys")) {
                if (!"ENCRYPTION".equals(key.path("purpose").asText()) || !"ACTIVE".equals(key.path("status").asText())) {
                    continue;
                }
                X509Certificate certificate = NetworkMembership.certificate(key.path("certificate").asText());
                if (root != null) {
                    try {
                        CertificatePath.check(certificate, List.of(ca), root, Instant.now(),
                                CertificatePath.Purpose.ENCRYPTION);
                    } catch (TrustException e) {
                        throw new CliFailure("the encryption key " + key.path("keyId").asText() + " of " + agency
                                + " does not chain to the network's root: " + e.getMessage());
                    }
                }
                recipients.add(SealRecipient.of(certificate));
            }
            if (recipients.size() == before) {
                throw new CliFailure(agency + " has no active encryption key; the summary cannot be sealed for it");
            }
        }
        if (root == null) {
            err.println("note: the encryption keys came from the hub's directory unchecked; pass --root-certificate "
                    + "to check that the network's root certified them");
        }
        return SealedContent.seal(summary.getBytes(StandardCharsets.UTF_8), recipients).toJsonNode();
    }

    private static JsonNode read(HubClient directory, String path) {
        try {
            return Json.MAPPER.readTree(directory.get(path));
        } catch (java.io.IOException e) {
            throw new CliFailure("the hub's answer to " + path + " is not JSON", e);
        }
    }
}
