package org.ewn.deploy.cli;

import org.ewn.api.member.MemberCode;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.NetworkPki;
import org.ewn.trust.Pem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "root", description = "Create the network's root CA: an Ed25519 key with its self-signed certificate "
        + "(alias " + KeyFiles.ROOT + "), and the certificate as PEM for everyone to install.")
final class PkiRoot implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--network", paramLabel = "CODE", defaultValue = "EWN",
            description = "The network's code, the O of all its certificates (default: ${DEFAULT-VALUE}).")
    MemberCode network;

    @Option(names = "--out", required = true, paramLabel = "FILE.p12",
            description = "The new key store; an existing file is never overwritten.")
    Path out;

    @Option(names = "--cert-out", paramLabel = "FILE.crt",
            description = "Where to write the root certificate as PEM (default: next to --out, ending in .crt).")
    Path certificateOut;

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "3650",
            description = "How long the root is valid (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--password-env", paramLabel = "VARIABLE", defaultValue = KeyFiles.DEFAULT_PASSWORD_VARIABLE,
            description = "Environment variable with the new key store's password (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

    private final KeyFiles files;

    PkiRoot(CliEnvironment environment) {
        this.files = new KeyFiles(environment);
    }

    @Override
    public Integer call() {
        Path certificateFile = certificateOut != null ? certificateOut : withExtension(out, ".crt");
        KeyFiles.requireAbsent(out);
        KeyFiles.requireAbsent(certificateFile);
        Validity validity = Validity.days(days, null);
        IssuedKey root = NetworkPki.root(network.value(), validity.notBefore(), validity.notAfter());
        files.create(out, passwordEnv, Map.of(KeyFiles.ROOT, root));
        KeyFiles.writeText(certificateFile, Pem.writeCertificates(List.of(root.certificate())));

        String fingerprint = Certificates.fingerprint(root.certificate());
        PrintWriter printed = spec.commandLine().getOut();
        printed.println("created " + out + " (alias " + KeyFiles.ROOT + "): " + Certificates.subject(root.certificate())
                + ", " + Validity.describe(root.certificate()));
        printed.println("wrote " + certificateFile);
        printed.println("root fingerprint (SHA-256): " + fingerprint);
        printed.println("configure the hub with it (ewn.trust.root-fingerprint, environment EWN_TRUST_ROOT_FINGERPRINT)"
                + " so that it accepts 'ewn network found' with this root");
        return 0;
    }

    static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }
}
