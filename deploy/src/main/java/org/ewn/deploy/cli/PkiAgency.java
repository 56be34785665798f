package org.ewn.deploy.cli;

import org.ewn.api.member.AgencyCode;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyKind;
import org.ewn.trust.NetworkPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "agency", description = "Issue an agency's keys from its member's CA: a signing key (alias "
        + KeyFiles.SIGNING + ") and an X25519 encryption key (alias " + KeyFiles.ENCRYPTION + ").")
final class PkiAgency implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--ca", required = true, paramLabel = "CA.p12", description = "The member CA's key store.")
    Path ca;

    @Option(names = "--agency", required = true, paramLabel = "CODE",
            description = "The agency's code: its member's code, a hyphen and its own, such as KZ-MVD.")
    AgencyCode agency;

    @Option(names = "--signing", paramLabel = "KIND", defaultValue = "ED25519",
            description = "The signing key's kind: ed25519 (EdDSA) or p256 (ES256) (default: ${DEFAULT-VALUE}).")
    KeyKind signing;

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "730",
            description = "How long the keys are valid, at most as long as the CA (default: ${DEFAULT-VALUE}).")
    int days;

    @Mixin
    IssuingOptions issuing;

    private final KeyFiles files;

    PkiAgency(CliEnvironment environment) {
        this.files = new KeyFiles(environment);
    }

    @Override
    public Integer call() {
        requireSigningKind(signing);
        KeyFiles.requireAbsent(issuing.out);
        IssuedKey caKey = files.open(ca, KeyFiles.CA, issuing.passwordEnv);
        Validity validity = Validity.days(days, caKey.certificate());
        Map<String, IssuedKey> keys = new LinkedHashMap<>();
        keys.put(KeyFiles.SIGNING, NetworkPki.signingKey(caKey, agency.value(), signing, validity.notBefore(),
                validity.notAfter()));
        keys.put(KeyFiles.ENCRYPTION, NetworkPki.encryptionKey(caKey, agency.value(), validity.notBefore(),
                validity.notAfter()));
        files.create(issuing.out, issuing.outPasswordVariable(), keys);

        IssuedKey signingKey = keys.get(KeyFiles.SIGNING);
        PrintWriter out = spec.commandLine().getOut();
        out.println("created " + issuing.out + ": keys of " + agency + " ("
                + Certificates.subject(signingKey.certificate()) + "), issued by "
                + Certificates.issuer(signingKey.certificate()) + ", " + Validity.describe(signingKey.certificate())
                + (validity.capped() ? " (cut to the end of the CA)" : ""));
        keys.forEach((alias, key) -> Issued.printKey(out, alias, key));
        out.println("enrol both with 'ewn key enrol --certificate-from " + issuing.out + " --alias ...' once "
                + agency + " is registered");
        return 0;
    }

    static void requireSigningKind(KeyKind kind) {
        if (!kind.signs()) {
            throw CliFailure.usage("--signing must be ed25519 or p256; " + kind + " keys do not sign");
        }
    }
}
