package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.trust.CertificatePath;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.TrustException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

@Command(name = "network", description = "The network itself.", subcommands = NetworkCommand.Found.class)
final class NetworkCommand {

    @Command(name = "found", description = "Found the network on a hub (" + SubmissionTypes.NETWORK_FOUND + "): its "
            + "root certificate and its first administrator, who signs. The hub accepts it only if it is configured "
            + "with the root's SHA-256 fingerprint.")
    static final class Found implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--root", required = true, paramLabel = "ROOT.p12",
                description = "The root's key store (only its certificate is read), or its PEM certificate.")
        Path root;

        @Option(names = "--root-password-env", paramLabel = "VARIABLE",
                description = "Environment variable with the root key store's password (default: as --password-env).")
        String rootPasswordEnv;

        @Option(names = "--administrator", required = true, paramLabel = "ADMIN.p12",
                description = "The administrator's key store, as 'ewn pki administrator' wrote it.")
        Path administrator;

        @Option(names = "--alias", paramLabel = "ALIAS", defaultValue = KeyFiles.SIGNING,
                description = "The administrator's signing key alias (default: ${DEFAULT-VALUE}).")
        String alias;

        @Option(names = "--password-env", paramLabel = "VARIABLE", defaultValue = KeyFiles.DEFAULT_PASSWORD_VARIABLE,
                description = "Environment variable with the administrator key store's password (default: "
                        + "${DEFAULT-VALUE}).")
        String passwordEnv;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The network's name.")
        String name;

        @Mixin
        HubOptions hub;

        private final KeyFiles files;

        Found(CliEnvironment environment) {
            this.files = new KeyFiles(environment);
        }

        @Override
        public Integer call() {
            if (name.isBlank()) {
                throw CliFailure.usage("--name must not be blank");
            }
            X509Certificate rootCertificate = files.certificate(root, KeyFiles.ROOT,
                    rootPasswordEnv == null ? passwordEnv : rootPasswordEnv);
            IssuedKey signer = SigningKeyOptions.signingKey(files, administrator, alias, passwordEnv);
            try {
                CertificatePath.check(signer.certificate(), List.of(), rootCertificate, Instant.now(),
                        CertificatePath.Purpose.SIGNING);
            } catch (TrustException e) {
                throw new CliFailure("the administrator's key in " + administrator + " is not one this root certified "
                        + "for signing: " + e.getMessage(), e);
            }
            ObjectNode body = Json.object()
                    .put("name", name.strip())
                    .put("rootCertificate", Certificates.base64(rootCertificate))
                    .put("administratorCertificate", Certificates.base64(signer.certificate()));
            String network = Certificates.network(rootCertificate);
            spec.commandLine().getOut().println("founding " + network + " with the root of SHA-256 fingerprint "
                    + Certificates.fingerprint(rootCertificate));
            return hub.submit(Submission.sign(signer, SubmissionTypes.NETWORK_FOUND, network, UUID.randomUUID(), body,
                    Instant.now()));
        }
    }
}
