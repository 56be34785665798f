package org.ewn.deploy.cli;

import org.ewn.api.member.MemberCode;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.NetworkPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "member-ca", description = "Issue a member's CA from the root (alias " + KeyFiles.CA
        + ", with its chain); the member CA certifies that member's agencies.")
final class PkiMemberCa implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--root", required = true, paramLabel = "ROOT.p12", description = "The root's key store.")
    Path root;

    @Option(names = "--member", required = true, paramLabel = "CODE", description = "The member's code, such as KZ.")
    MemberCode member;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "The member's name, such as Kazakhstan.")
    String name;

    @Option(names = "--days", paramLabel = "DAYS", defaultValue = "1825",
            description = "How long the CA is valid, at most as long as the root (default: ${DEFAULT-VALUE}).")
    int days;

    @Mixin
    IssuingOptions issuing;

    private final KeyFiles files;

    PkiMemberCa(CliEnvironment environment) {
        this.files = new KeyFiles(environment);
    }

    @Override
    public Integer call() {
        if (name.isBlank()) {
            throw CliFailure.usage("--name must not be blank");
        }
        KeyFiles.requireAbsent(issuing.out);
        IssuedKey rootKey = files.open(root, KeyFiles.ROOT, issuing.passwordEnv);
        Validity validity = Validity.days(days, rootKey.certificate());
        IssuedKey ca = NetworkPki.memberCa(rootKey, member.value(), name.strip(), validity.notBefore(),
                validity.notAfter());
        files.create(issuing.out, issuing.outPasswordVariable(), Map.of(KeyFiles.CA, ca));
        Issued.print(spec, issuing.out, KeyFiles.CA, ca, validity);
        return 0;
    }
}
