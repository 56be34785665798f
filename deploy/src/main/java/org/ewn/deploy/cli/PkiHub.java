package org.ewn.deploy.cli;

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
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "hub", description = "Issue the hub's receipt-signing key from the root (alias " + KeyFiles.HUB
        + "): the key store the hub reads as ewn.trust.hub-keystore.")
final class PkiHub implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--root", required = true, paramLabel = "ROOT.p12", description = "The root's key store.")
    Path root;

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "730",
            description = "How long the key is valid, at most as long as the root (default: ${DEFAULT-VALUE}).")
    int days;

    @Mixin
    IssuingOptions issuing;

    private final KeyFiles files;

    PkiHub(CliEnvironment environment) {
        this.files = new KeyFiles(environment);
    }

    @Override
    public Integer call() {
        KeyFiles.requireAbsent(issuing.out);
        IssuedKey rootKey = files.open(root, KeyFiles.ROOT, issuing.passwordEnv);
        Validity validity = Validity.days(days, rootKey.certificate());
        IssuedKey hub = NetworkPki.signingKey(rootKey, KeyFiles.HUB, KeyKind.ED25519, validity.notBefore(),
                validity.notAfter());
        files.create(issuing.out, issuing.outPasswordVariable(), Map.of(KeyFiles.HUB, hub));
        Issued.print(spec, issuing.out, KeyFiles.HUB, hub, validity);
        PrintWriter out = spec.commandLine().getOut();
        out.println("the hub reads it as ewn.trust.hub-keystore (EWN_TRUST_HUB_KEYSTORE), with its password in "
                + "ewn.trust.hub-keystore-password or in the file " + issuing.out.getFileName()
                + ".password next to it");
        return 0;
    }
}
