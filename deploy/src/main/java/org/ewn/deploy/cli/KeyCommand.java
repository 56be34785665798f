package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.NetworkPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;

@Command(name = "key", description = "Enrol or revoke an agency's keys; signed by an administrator.",
        subcommands = {KeyCommand.Enrol.class, KeyCommand.Revoke.class})
final class KeyCommand {

    @Command(name = "enrol", description = "Enrol an agency's signing or encryption certificate ("
            + SubmissionTypes.KEY_ENROL + ").")
    static final class Enrol implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--key", required = true, paramLabel = "ADMIN.p12",
                description = "The administrator's key store, which signs.")
        Path key;

        @Option(names = "--key-alias", paramLabel = "ALIAS", defaultValue = KeyFiles.SIGNING,
                description = "The administrator's signing key alias (default: ${DEFAULT-VALUE}).")
        String keyAlias;

        @Option(names = "--password-env", paramLabel = "VARIABLE", defaultValue = KeyFiles.DEFAULT_PASSWORD_VARIABLE,
                description = "Environment variable with the administrator key store's password (default: "
                        + "${DEFAULT-VALUE}).")
        String passwordEnv;

        @Option(names = "--network", paramLabel = "CODE",
                description = "The network (default: the network named in the administrator's certificate).")
        String network;

        @Option(names = "--certificate-from", required = true, paramLabel = "AGENCY.p12",
                description = "The agency's key store (only the certificate is read), or a PEM certificate.")
        Path certificateFrom;

        @Option(names = "--alias", paramLabel = "ALIAS", defaultValue = KeyFiles.SIGNING,
                description = "Which certificate of --certificate-from: " + KeyFiles.SIGNING + " or "
                        + KeyFiles.ENCRYPTION + " (default: ${DEFAULT-VALUE}).")
        String alias;

        @Option(names = "--certificate-password-env", paramLabel = "VARIABLE",
                description = "Environment variable with the password of --certificate-from (default: as "
                        + "--password-env).")
        String certificatePasswordEnv;

        @Option(names = "--agency", paramLabel = "CODE",
                description = "The agency the key is for (default: the certificate's holder).")
        AgencyCode agency;

        @Mixin
        HubOptions hub;

        private final KeyFiles files;

        Enrol(CliEnvironment environment) {
            this.files = new KeyFiles(environment);
        }

        @Override
        public Integer call() {
            X509Certificate certificate = files.certificate(certificateFrom, alias,
                    certificatePasswordEnv == null ? passwordEnv : certificatePasswordEnv);
            String holder = NetworkPki.holder(certificate);
            if (agency != null && !agency.value().equals(holder)) {
                throw new CliFailure("the certificate in " + certificateFrom + " is for " + holder + ", not " + agency);
            }
            ObjectNode body = Json.object()
                    .put("agency", agency != null ? agency.value() : holder)
                    .put("certificate", Certificates.base64(certificate));
            IssuedKey signer = SigningKeyOptions.signingKey(files, key, keyAlias, passwordEnv);
            spec.commandLine().getOut().println("enrolling key " + KeyIds.of(certificate.getPublicKey()) + " of "
                    + Certificates.subject(certificate));
            return hub.submit(Submission.sign(signer, SubmissionTypes.KEY_ENROL,
                    SigningKeyOptions.networkOf(signer, network), UUID.randomUUID(), body, Instant.now()));
        }
    }

    @Command(name = "revoke", description = "Revoke an agency's key (" + SubmissionTypes.KEY_REVOKE + "); its "
            + "signatures are refused from --effective-at, by default at once.")
    static final class Revoke implements Callable<Integer> {

        @Option(names = "--agency", required = true, paramLabel = "CODE", description = "The key's agency.")
        AgencyCode agency;

        @Option(names = "--key-id", required = true, paramLabel = "KID",
                description = "The key's id, as 'ewn pki show' prints it.")
        String keyId;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for the record.")
        String reason;

        @Option(names = "--effective-at", paramLabel = "TIME",
                description = "An earlier time of compromise, such as 2026-11-26T09:30:00Z (default: now).")
        Instant effectiveAt;

        @Mixin
        SigningKeyOptions signer;

        @Mixin
        HubOptions hub;

        @Override
        public Integer call() {
            ObjectNode body = Json.object()
                    .put("agency", agency.value())
                    .put("keyId", keyId)
                    .put("reason", reason);
            if (effectiveAt != null) {
                body.put("effectiveAt", effectiveAt.toString());
            }
            return hub.submit(signer.sign(SubmissionTypes.KEY_REVOKE, body));
        }
    }
}
