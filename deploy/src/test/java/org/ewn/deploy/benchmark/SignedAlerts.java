package org.ewn.deploy.benchmark;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.SubmissionSigner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Alerts as the demo agencies' systems raise them, each a new {@code alert.raise} submission signed with the
 * agency's demo key, together with what a bare signature check needs: the JWS signing input, the 64-byte signature
 * and the public key, decoded once per key as the hub's registry does.
 */
final class SignedAlerts {

    static final List<String> AGENCIES = List.of("KZ-DEMO", "KG-DEMO", "TJ-DEMO", "TM-DEMO", "UZ-DEMO", "UNOCT-DEMO");
    private static final List<String> MEMBERS = List.of("KZ", "KG", "TJ", "TM", "UZ", "UNOCT");
    private static final String[] PRECEDENCES = {"FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE"};
    private static final String[] CATEGORIES = {"TERRORIST_THREAT", "FOREIGN_TERRORIST_FIGHTER_TRAVEL",
                                                "CYBER_INCIDENT", "WANTED_PERSON", "MISSING_OR_AT_RISK_CHILD"};
    private static final String[] SENTENCES = {
            "A person of concern was seen near the border crossing at dawn, travelling east in a grey minivan.",
            "Two adults and one child, documents issued last month; the names match an earlier notice.",
            "Liaison officers at the crossing points are asked to check arrivals against the attached description.",
            "The source is assessed as usually reliable; the information has not been confirmed independently.",
            "Report any sighting to the duty desk of the issuing agency, quoting this alert."};

    private final List<SubmissionSigner> signers = new ArrayList<>();
    private final List<Ed25519PublicKeyParameters> publicKeys = new ArrayList<>();
    private final Random random = new Random(7);
    private long count;

    /** One submission, and the same bytes taken apart for a bare Ed25519 check. */
    record Signed(String compact, UUID submissionId, byte[] signingInput, byte[] signature,
                  Ed25519PublicKeyParameters publicKey) {
    }

    SignedAlerts(AllInOne application) throws IOException {
        for (String agency : AGENCIES) {
            IssuedKey key = application.signingKey(agency);
            signers.add(application.signer(agency));
            publicKeys.add((Ed25519PublicKeyParameters) PublicKeyFactory.createKey(
                    key.certificate().getPublicKey().getEncoded()));
        }
    }

    /** New submissions, issued now, taking the agencies in turn. */
    Signed[] sign(int how) {
        Signed[] signed = new Signed[how];
        Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < how; i++) {
            int agency = (int) (count % AGENCIES.size());
            UUID id = UUID.randomUUID();
            String compact = signers.get(agency).sign(SubmissionTypes.ALERT_RAISE, id, issuedAt, body(count++));
            int lastDot = compact.lastIndexOf('.');
            signed[i] = new Signed(compact, id, compact.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII),
                                   Base64.getUrlDecoder().decode(compact.substring(lastDot + 1)),
                                   publicKeys.get(agency));
        }
        return signed;
    }

    private Map<String, Object> body(long number) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (number % 10 == 0) {
            body.put("allMembers", true);
        } else {
            body.put("addressees", List.copyOf(MEMBERS.subList(0, 1 + random.nextInt(MEMBERS.size()))));
        }
        body.put("precedence", PRECEDENCES[random.nextInt(PRECEDENCES.length)]);
        body.put("category", CATEGORIES[random.nextInt(CATEGORIES.length)]);
        body.put("title", "Person of concern travelling towards the border, report " + number);
        StringBuilder text = new StringBuilder();
        for (int s = 0, sentences = 2 + random.nextInt(SENTENCES.length - 1); s < sentences; s++) {
            text.append(s == 0 ? "" : " ").append(SENTENCES[s]);
        }
        body.put("text", text.toString());
        return body;
    }
}
