package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.membership.MemberKind;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.trust.NetworkPki;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.Callable;

@Command(name = "member", description = "Admit, suspend or reinstate a member; signed by an administrator.",
        subcommands = {MemberCommand.Admit.class, MemberCommand.Suspend.class, MemberCommand.Reinstate.class})
final class MemberCommand {

    @Command(name = "admit", description = "Admit a member with its CA (" + SubmissionTypes.MEMBER_ADMIT + ").")
    static final class Admit implements Callable<Integer> {

        @Option(names = "--member", required = true, paramLabel = "CODE",
                description = "The member's code, such as KZ.")
        MemberCode member;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The member's name.")
        String name;

        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "${COMPLETION-CANDIDATES}.")
        MemberKind kind;

        @Option(names = "--ca", required = true, paramLabel = "CA.p12",
                description = "The member CA's key store (only its certificate is read), or its PEM certificate.")
        Path ca;

        @Option(names = "--ca-password-env", paramLabel = "VARIABLE",
                description = "Environment variable with the CA key store's password (default: as --password-env).")
        String caPasswordEnv;

        @Mixin
        SigningKeyOptions signer;

        @Mixin
        HubOptions hub;

        private final KeyFiles files;

        Admit(CliEnvironment environment) {
            this.files = new KeyFiles(environment);
        }

        @Override
        public Integer call() {
            X509Certificate caCertificate = files.certificate(ca, KeyFiles.CA,
                    caPasswordEnv == null ? signer.passwordEnv : caPasswordEnv);
            if (caCertificate.getBasicConstraints() < 0 || !member.value().equals(NetworkPki.member(caCertificate))) {
                throw new CliFailure(ca + " holds " + Certificates.subject(caCertificate) + ", which is not the CA of "
                        + member);
            }
            ObjectNode body = Json.object()
                    .put("member", member.value())
                    .put("name", name.strip())
                    .put("kind", kind.name())
                    .put("caCertificate", Certificates.base64(caCertificate));
            return hub.submit(signer.sign(SubmissionTypes.MEMBER_ADMIT, body));
        }
    }

    @Command(name = "suspend", description = "Suspend a member: its agencies cannot submit until it is reinstated ("
            + SubmissionTypes.MEMBER_SUSPEND + ").")
    static final class Suspend implements Callable<Integer> {

        @Option(names = "--member", required = true, paramLabel = "CODE", description = "The member's code.")
        MemberCode member;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why, for the record.")
        String reason;

        @Mixin
        SigningKeyOptions signer;

        @Mixin
        HubOptions hub;

        @Override
        public Integer call() {
            ObjectNode body = Json.object().put("member", member.value()).put("reason", reason);
            return hub.submit(signer.sign(SubmissionTypes.MEMBER_SUSPEND, body));
        }
    }

    @Command(name = "reinstate",
            description = "Reinstate a suspended member (" + SubmissionTypes.MEMBER_REINSTATE + ").")
    static final class Reinstate implements Callable<Integer> {

        @Option(names = "--member", required = true, paramLabel = "CODE", description = "The member's code.")
        MemberCode member;

        @Mixin
        SigningKeyOptions signer;

        @Mixin
        HubOptions hub;

        @Override
        public Integer call() {
            ObjectNode body = Json.object().put("member", member.value());
            return hub.submit(signer.sign(SubmissionTypes.MEMBER_REINSTATE, body));
        }
    }
}
