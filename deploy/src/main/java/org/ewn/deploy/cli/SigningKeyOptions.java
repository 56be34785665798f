package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyKind;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/** The key a submission is signed with, and the network it is for. */
final class SigningKeyOptions {

    @Option(names = "--key", required = true, paramLabel = "FILE.p12",
            description = "The signing agency's key store.")
    Path key;

    @Option(names = "--alias", paramLabel = "ALIAS", defaultValue = KeyFiles.SIGNING,
            description = "The signing key's alias in the key store (default: ${DEFAULT-VALUE}).")
    String alias;

    @Option(names = "--password-env", paramLabel = "VARIABLE", defaultValue = KeyFiles.DEFAULT_PASSWORD_VARIABLE,
            description = "Environment variable with the key store's password (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

    @Option(names = "--network", paramLabel = "CODE",
            description = "The network the submission is for (default: the network named in the key's certificate).")
    String network;

    private final KeyFiles files;

    SigningKeyOptions(CliEnvironment environment) {
        this.files = new KeyFiles(environment);
    }

    /** The agency the key signs for, as its certificate names it. */
    String agency() {
        return Submission.agencyOf(signingKey(files, key, alias, passwordEnv));
    }

    Submission sign(String type, ObjectNode body) {
        return sign(type, body, UUID.randomUUID());
    }

    Submission sign(String type, ObjectNode body, UUID submissionId) {
        IssuedKey signingKey = signingKey(files, key, alias, passwordEnv);
        return Submission.sign(signingKey, type, networkOf(signingKey, network), submissionId, body, Instant.now());
    }

    static IssuedKey signingKey(KeyFiles files, Path file, String alias, String passwordVariable) {
        IssuedKey signingKey = files.open(file, alias, passwordVariable);
        KeyKind kind = KeyKind.of(signingKey.certificate().getPublicKey());
        if (!kind.signs()) {
            throw new CliFailure("alias \"" + alias + "\" of " + file + " holds an " + kind + " key, which does not "
                    + "sign; use the alias of a signing key, such as " + KeyFiles.SIGNING);
        }
        return signingKey;
    }

    static String networkOf(IssuedKey signingKey, String explicit) {
        return explicit != null ? explicit : Certificates.network(signingKey.certificate());
    }
}
