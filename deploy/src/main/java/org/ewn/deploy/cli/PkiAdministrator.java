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

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "administrator", description = "Issue a network administrator's signing key from the root (alias "
        + KeyFiles.SIGNING + "). An administrator is an agency of the network's own code, such as EWN-ADMIN.")
final class PkiAdministrator implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--root", required = true, paramLabel = "ROOT.p12", description = "The root's key store.")
    Path root;

    @Option(names = "--agency", required = true, paramLabel = "CODE",
            description = "The administrator's agency code: the network's code, a hyphen and its own, such as "
                    + "EWN-ADMIN.")
    AgencyCode agency;

    @Option(names = "--signing", paramLabel = "KIND", defaultValue = "ED25519",
            description = "The key's kind: ed25519 (EdDSA) or p256 (ES256) (default: ${DEFAULT-VALUE}).")
    KeyKind signing;

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "730",
            description = "How long the key is valid, at most as long as the root (default: ${DEFAULT-VALUE}).")
    int days;

    @Mixin
    IssuingOptions issuing;

    private final KeyFiles files;

    PkiAdministrator(CliEnvironment environment) {
        this.files = new KeyFiles(environment);
    }

    @Override
    public Integer call() {
        PkiAgency.requireSigningKind(signing);
        KeyFiles.requireAbsent(issuing.out);
        IssuedKey rootKey = files.open(root, KeyFiles.ROOT, issuing.passwordEnv);
        String network = Certificates.network(rootKey.certificate());
        if (!agency.member().value().equals(network)) {
            throw CliFailure.usage("an administrator's code starts with the network's code: " + network + "-..., not "
                    + agency + "; a member's agencies get their keys from the member's CA ('ewn pki agency')");
        }
        Validity validity = Validity.days(days, rootKey.certificate());
        IssuedKey administrator = NetworkPki.signingKey(rootKey, agency.value(), signing, validity.notBefore(),
                validity.notAfter());
        files.create(issuing.out, issuing.outPasswordVariable(), Map.of(KeyFiles.SIGNING, administrator));
        Issued.print(spec, issuing.out, KeyFiles.SIGNING, administrator, validity);
        return 0;
    }
}
