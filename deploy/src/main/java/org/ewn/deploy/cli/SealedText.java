package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.api.member.AgencyCode;
import org.ewn.seal.SealRecipient;
import org.ewn.seal.SealedContent;
import org.ewn.trust.CertificatePath;
import org.ewn.trust.NetworkMembership;
import org.ewn.trust.TrustException;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seals a text for the agencies of an alert's addressees (and of the sender's own member), or for named agencies such
 * as a transfer's two parties, with the encryption keys the directory lists. The hub serves the directory, so a hub that lied about a key could read what is sealed: with
 * the network's root certificate, every key's certificate is checked to chain through its member's CA to that root.
 */
final class SealedText {

    private SealedText() {
    }

    static JsonNode seal(HubClient directory, Collection<String> members, String text, X509Certificate root,
                         java.io.PrintWriter err) {
        List<SealRecipient> recipients = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (String member : new TreeSet<>(members)) {
            JsonNode view = read(directory, "/api/v1/members/" + member);
            X509Certificate ca = ca(view);
            int before = recipients.size();
            for (JsonNode agency : view.path("agencies")) {
                recipients.addAll(encryptionKeys(directory, agency.path("code").asText(), ca, root));
            }
            if (recipients.size() == before) {
                unreachable.add(member);
            }
        }
        if (!unreachable.isEmpty()) {
            throw new CliFailure("no agency of " + String.join(", ", unreachable) + " has an active encryption key; "
                    + "the text cannot be sealed for it");
        }
        return sealed(text, recipients, root, err);
    }

    /** Seals for the named agencies alone, such as the two parties of a case transfer. */
    static JsonNode sealForAgencies(HubClient directory, Collection<AgencyCode> agencies, String text,
                                    X509Certificate root, java.io.PrintWriter err) {
        List<SealRecipient> recipients = new ArrayList<>();
        for (AgencyCode agency : new TreeSet<>(agencies)) {
            X509Certificate ca = ca(read(directory, "/api/v1/members/" + agency.member()));
            List<SealRecipient> keys = encryptionKeys(directory, agency.value(), ca, root);
            if (keys.isEmpty()) {
                throw new CliFailure(agency + " has no active encryption key; the text cannot be sealed for it");
            }
            recipients.addAll(keys);
        }
        return sealed(text, recipients, root, err);
    }

    /** The agency's active encryption keys; with the root, each checked to chain through the member's CA to it. */
    private static List<SealRecipient> encryptionKeys(HubClient directory, String agency, X509Certificate ca,
                                                      X509Certificate root) {
        List<SealRecipient> keys = new ArrayList<>();
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
            keys.add(SealRecipient.of(certificate));
        }
        return keys;
    }

    private static X509Certificate ca(JsonNode member) {
        return NetworkMembership.certificate(member.path("ca").path("certificate").asText());
    }

    private static JsonNode sealed(String text, List<SealRecipient> recipients, X509Certificate root,
                                   java.io.PrintWriter err) {
        if (root == null) {
            err.println("note: the encryption keys came from the hub's directory unchecked; pass --root-certificate "
                    + "to check that the network's root certified them");
        }
        return SealedContent.seal(text.getBytes(StandardCharsets.UTF_8), recipients).toJsonNode();
    }

    /** The members an alert goes to, as the hub will resolve them: named members, groups' members, or all. */
    static Set<String> addressees(HubClient directory, boolean all, Collection<String> members,
                                  Collection<String> groups) {
        Set<String> resolved = new TreeSet<>(members);
        if (!all && groups.isEmpty()) {
            return resolved;
        }
        Set<String> active = new TreeSet<>();
        for (JsonNode member : read(directory, "/api/v1/members")) {
            if (!member.path("suspended").asBoolean()) {
                active.add(member.path("code").asText());
            }
        }
        if (all) {
            resolved.addAll(active);
        }
        for (JsonNode group : read(directory, "/api/v1/groups")) {
            if (groups.contains(group.path("code").asText())) {
                group.path("members").forEach(m -> {
                    if (active.contains(m.asText())) {
                        resolved.add(m.asText());
                    }
                });
            }
        }
        return resolved;
    }

    private static JsonNode read(HubClient directory, String path) {
        try {
            return Json.MAPPER.readTree(directory.get(path));
        } catch (java.io.IOException e) {
            throw new CliFailure("the hub's answer to " + path + " is not JSON", e);
        }
    }
}
