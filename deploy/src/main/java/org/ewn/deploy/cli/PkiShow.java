package org.ewn.deploy.cli;

import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "show", description = "Show the certificates of a key store (per alias) or of a PEM file: subject, "
        + "issuer, key kind, kid, validity, SHA-256 fingerprint, and the base64 DER that submission bodies carry. "
        + "Private keys are never shown.")
final class PkiShow implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A PKCS#12 key store, or a PEM certificate file.")
    Path file;

    @Option(names = "--password-env", paramLabel = "VARIABLE", defaultValue = KeyFiles.DEFAULT_PASSWORD_VARIABLE,
            description = "Environment variable with the key store's password (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

    private final KeyFiles files;

    PkiShow(CliEnvironment environment) {
        this.files = new KeyFiles(environment);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (KeyFiles.isPem(file)) {
            List<X509Certificate> certificates = files.certificates(file);
            for (int i = 0; i < certificates.size(); i++) {
                out.println("certificate " + (i + 1) + " of " + certificates.size());
                print(out, certificates.get(i), List.of());
            }
            return 0;
        }
        for (Map.Entry<String, IssuedKey> entry : files.open(file, passwordEnv).entrySet()) {
            out.println("alias " + entry.getKey());
            print(out, entry.getValue().certificate(), entry.getValue().chain());
        }
        return 0;
    }

    private static void print(PrintWriter out, X509Certificate certificate, List<X509Certificate> chain) {
        out.println("  subject:     " + Certificates.subject(certificate));
        out.println("  issuer:      " + Certificates.issuer(certificate));
        out.println("  key:         " + kind(certificate));
        out.println("  kid:         " + KeyIds.of(certificate.getPublicKey()));
        out.println("  valid:       " + certificate.getNotBefore().toInstant() + " to "
                + certificate.getNotAfter().toInstant());
        out.println("  SHA-256:     " + Certificates.fingerprint(certificate));
        if (!chain.isEmpty()) {
            out.println("  chain:       "
                    + chain.stream().map(Certificates::subject).collect(Collectors.joining(" <- ")));
        }
        out.println("  certificate: " + Certificates.base64(certificate));
    }

    private static String kind(X509Certificate certificate) {
        try {
            return KeyKind.of(certificate.getPublicKey()).toString();
        } catch (IllegalArgumentException e) {
            return certificate.getPublicKey().getAlgorithm();
        }
    }
}
