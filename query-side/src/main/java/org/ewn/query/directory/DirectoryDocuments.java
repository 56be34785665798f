package org.ewn.query.directory;

import org.bson.Document;
import org.ewn.api.membership.KeyPurpose;
import org.ewn.api.membership.MemberKind;
import org.ewn.query.directory.DirectoryViews.AgencySummary;
import org.ewn.query.directory.DirectoryViews.AgencyView;
import org.ewn.query.directory.DirectoryViews.CertificateView;
import org.ewn.query.directory.DirectoryViews.KeyStatus;
import org.ewn.query.directory.DirectoryViews.KeyView;
import org.ewn.query.directory.DirectoryViews.GroupView;
import org.ewn.query.directory.DirectoryViews.MemberSummary;
import org.ewn.query.directory.DirectoryViews.MemberView;
import org.ewn.query.directory.DirectoryViews.NetworkView;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

/** Reads the directory's documents, as {@link DirectoryProjection} writes them, into views. */
final class DirectoryDocuments {

    private DirectoryDocuments() {
    }

    static NetworkView network(Document d) {
        return new NetworkView(d.getString("_id"), d.getString("name"), certificate(d.get("root", Document.class)),
                instant(d, "foundedAt"));
    }

    static MemberSummary memberSummary(Document d, List<String> agencies) {
        return new MemberSummary(d.getString("_id"), d.getString("name"), MemberKind.valueOf(d.getString("kind")),
                d.getBoolean("suspended", false), instant(d, "admittedAt"), agencies);
    }

    static MemberView member(Document d, List<AgencySummary> agencies) {
        return new MemberView(d.getString("_id"), d.getString("name"), MemberKind.valueOf(d.getString("kind")),
                d.getBoolean("suspended", false), instant(d, "suspendedAt"), d.getString("suspensionReason"),
                instant(d, "admittedAt"), certificate(d.get("ca", Document.class)), agencies);
    }

    static GroupView group(Document d) {
        return new GroupView(d.getString("_id"), d.getString("name"), d.getList("members", String.class, List.of()),
                instant(d, "definedAt"));
    }

    static AgencySummary agencySummary(Document d) {
        return new AgencySummary(d.getString("_id"), d.getString("member"), d.getString("name"),
                d.getBoolean("administrator", false), instant(d, "registeredAt"));
    }

    static AgencyView agency(Document d, Instant now) {
        List<KeyView> keys = d.getList("keys", Document.class, List.of()).stream()
                .map(key -> key(key, now))
                .sorted(Comparator.comparing(KeyView::enrolledAt).reversed())
                .toList();
        return new AgencyView(d.getString("_id"), d.getString("member"), d.getString("name"),
                d.getBoolean("administrator", false), instant(d, "registeredAt"), keys);
    }

    private static KeyView key(Document k, Instant now) {
        CertificateView c = certificate(k);
        Instant revokedFrom = instant(k, "revokedFrom");
        return new KeyView(k.getString("keyId"), KeyPurpose.valueOf(k.getString("purpose")),
                KeyStatus.at(now, c.notBefore(), c.notAfter(), revokedFrom), c.certificate(), c.subject(), c.issuer(),
                c.serial(), c.fingerprint(), c.notBefore(), c.notAfter(), instant(k, "enrolledAt"), revokedFrom,
                instant(k, "revokedAt"), k.getString("revocationReason"));
    }

    /** The fields {@link CertificateDetails} wrote, in a document of their own or among a key's. */
    private static CertificateView certificate(Document d) {
        return new CertificateView(d.getString("certificate"), d.getString("subject"), d.getString("issuer"),
                d.getString("serial"), d.getString("fingerprint"), instant(d, "notBefore"), instant(d, "notAfter"));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
