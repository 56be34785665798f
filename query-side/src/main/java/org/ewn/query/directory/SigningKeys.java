package org.ewn.query.directory;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.membership.KeyPurpose;
import org.ewn.trust.NetworkMembership;
import org.springframework.stereotype.Component;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An agency's key as the directory holds it, with what its certificate is checked against: the agency's member's CA
 * (none for the network's own agencies, which the root certifies) and the network's root. Read by {@code _id} on every
 * call, so a revocation shows at once; the certificates, which never change for a fingerprint, are decoded once.
 */
@Component
public class SigningKeys {

    private static final int MAX_CERTIFICATES = 10_000;

    private final MongoCollection<Document> network;
    private final MongoCollection<Document> members;
    private final MongoCollection<Document> agencies;
    private final Map<String, X509Certificate> decoded = new ConcurrentHashMap<>();

    public SigningKeys(MongoDatabase database) {
        this.network = database.getCollection(DirectoryProjection.NETWORK);
        this.members = database.getCollection(DirectoryProjection.MEMBERS);
        this.agencies = database.getCollection(DirectoryProjection.AGENCIES);
    }

    /**
     * @param issuers     the CAs between the key's certificate and the root, the direct issuer first
     * @param revokedFrom from when the key's signatures are refused, or null
     */
    public record Key(String keyId, AgencyCode agency, KeyPurpose purpose, X509Certificate certificate,
                      Instant revokedFrom, List<X509Certificate> issuers, X509Certificate root) {
    }

    /** Empty if the directory does not (or not yet) list this key for this agency, or the agency's member. */
    public Optional<Key> of(AgencyCode agency, String keyId) {
        Document holder = agencies.find(Filters.eq("_id", agency.value())).first();
        Document founded = network.find().first();
        if (holder == null || founded == null) {
            return Optional.empty();
        }
        Optional<Document> key = holder.getList("keys", Document.class, List.of()).stream()
                .filter(k -> keyId.equals(k.getString("keyId"))).findFirst();
        if (key.isEmpty()) {
            return Optional.empty();
        }
        List<X509Certificate> issuers;
        if (agency.member().value().equals(founded.getString("_id"))) {
            issuers = List.of();
        } else {
            Document member = members.find(Filters.eq("_id", agency.member().value())).first();
            if (member == null) {
                return Optional.empty();
            }
            issuers = List.of(certificate(member.get("ca", Document.class)));
        }
        Date revokedFrom = key.get().getDate("revokedFrom");
        return Optional.of(new Key(keyId, agency, KeyPurpose.valueOf(key.get().getString("purpose")),
                certificate(key.get()), revokedFrom == null ? null : revokedFrom.toInstant(), issuers,
                certificate(founded.get("root", Document.class))));
    }

    /** From the fields {@link CertificateDetails} wrote. */
    private X509Certificate certificate(Document details) {
        if (decoded.size() >= MAX_CERTIFICATES) {
            decoded.clear();
        }
        return decoded.computeIfAbsent(details.getString("fingerprint"),
                fingerprint -> NetworkMembership.certificate(details.getString("certificate")));
    }
}
