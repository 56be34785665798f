package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.trust.CanonicalJson;
import org.ewn.trust.KeyIds;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.SignedEnvelope;
import org.ewn.trust.TrustException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.Callable;

@Command(name = "verify", description = "Verify a signed envelope, a submission or a receipt, with the signer's "
        + "certificate: the signature, the key id, and that the payload is canonical JSON (RFC 8785); for a "
        + "submission, also that it names the certificate's agency. Prints the header and the payload.",
        footer = "%nExit code 0: it verifies; 1: it does not.")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--certificate", paramLabel = "CERT.pem",
            description = "The signer's certificate (PEM; the first one).")
    Path certificate;

    @Option(names = "--key", paramLabel = "FILE.p12", description = "A key store holding the signer's certificate.")
    Path key;

    @Option(names = "--alias", paramLabel = "ALIAS", defaultValue = KeyFiles.SIGNING,
            description = "The certificate's alias in --key (default: ${DEFAULT-VALUE}).")
    String alias;

    @Option(names = "--password-env", paramLabel = "VARIABLE", defaultValue = KeyFiles.DEFAULT_PASSWORD_VARIABLE,
            description = "Environment variable with the password of --key (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

    @Parameters(paramLabel = "ENVELOPE.jws", description = "The envelope; - reads it from standard input.")
    Path envelope;

    private final KeyFiles files;

    VerifyCommand(CliEnvironment environment) {
        this.files = new KeyFiles(environment);
    }

    @Override
    public Integer call() {
        if ((certificate == null) == (key == null)) {
            throw CliFailure.usage("give the signer's certificate with either --certificate or --key");
        }
        SignedEnvelope signed = parse(files.readText(envelope));
        X509Certificate signer = certificate != null ? files.certificate(certificate, alias, passwordEnv)
                : files.open(key, alias, passwordEnv).certificate();
        String signerKeyId = KeyIds.of(signer.getPublicKey());
        if (signed.keyId().isPresent() && !signed.keyId().get().equals(signerKeyId)) {
            throw fails("it was signed by key " + signed.keyId().get() + ", but the certificate "
                    + Certificates.subject(signer) + " is for key " + signerKeyId);
        }
        if (!signed.verify(signer.getPublicKey())) {
            throw fails("the signature does not verify with the key of " + Certificates.subject(signer));
        }
        requireCanonical(signed.payload());
        if (Submission.HEADER_TYPE.equals(signed.type().orElse(null))) {
            requireSignersAgency(signed.payload(), signer);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("header:  " + header(signed));
        out.println("payload: " + signed.payloadText());
        out.println("verified: signed by " + Certificates.subject(signer) + " (kid " + signerKeyId + ")");
        return 0;
    }

    private SignedEnvelope parse(String text) {
        try {
            return SignedEnvelope.parse(text.strip());
        } catch (TrustException e) {
            throw fails(envelope + " is not a JWS: " + e.getMessage());
        }
    }

    private static void requireCanonical(byte[] payload) {
        try {
            if (!CanonicalJson.isCanonical(payload)) {
                throw fails("the payload is JSON but not canonical (RFC 8785): the network signs only canonical JSON");
            }
        } catch (TrustException e) {
            throw fails("the payload is not JSON: " + e.getMessage());
        }
    }

    private static void requireSignersAgency(byte[] payload, X509Certificate signer) {
        ObjectNode content = Json.parseObject(payload, "the payload");
        String holder = NetworkPki.holder(signer);
        if (!Objects.equals(Json.text(content, "agency"), holder)) {
            throw fails("the submission names agency " + content.get("agency") + ", but it is signed with the key of "
                    + holder);
        }
    }

    private static String header(SignedEnvelope signed) {
        String compact = signed.compact();
        return new String(Base64.getUrlDecoder().decode(compact.substring(0, compact.indexOf('.'))),
                StandardCharsets.UTF_8);
    }

    private static CliFailure fails(String reason) {
        return new CliFailure("does not verify: " + reason);
    }
}
