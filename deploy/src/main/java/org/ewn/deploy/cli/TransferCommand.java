package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SubmissionTypes;
import org.ewn.seal.SealException;
import org.ewn.seal.SealedContent;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

@Command(name = "transfer", description = "Move responsibility for a case to another member's agency, or ask for one.",
        subcommands = {TransferCommand.Request.class, TransferCommand.Ask.class, TransferCommand.Accept.class,
                TransferCommand.Reject.class, TransferCommand.Grant.class, TransferCommand.Refuse.class,
                TransferCommand.Show.class})
final class TransferCommand {

    private TransferCommand() {
    }

    /** What opens a transfer: a file naming the other party and the case summary, which is sealed here. */
    abstract static class Opening implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "FILE.json", description = "{\"receiver\" (or \"holder\" for ask): "
                + "the other party's agency, \"summary\": the case summary}. The summary is sealed here for the two "
                + "agencies alone; the hub never reads it.")
        Path file;

        @Option(names = "--subject", paramLabel = "PERSON.json", description = "The person the case is about: a JSON "
                + "file of personal data, encrypted here under a new key of that person alone.")
        Path subject;

        @Option(names = "--user", required = true, paramLabel = "ACCOUNT", description = "An account to read the "
                + "parties' encryption keys from the directory with.")
        String user;

        @Option(names = "--user-password-env", paramLabel = "VARIABLE", defaultValue = "EWN_PASSWORD",
                description = "The environment variable with the --user account's password (default ${DEFAULT-VALUE}).")
        String userPasswordEnv;

        @Mixin
        SigningKeyOptions signer;

        @Mixin
        HubOptions hub;

        @Spec
        CommandSpec spec;

        private final CliEnvironment environment;

        Opening(CliEnvironment environment) {
            this.environment = environment;
        }

        abstract String type();

        /** The field of the file, and of the signed body, that names the other party. */
        abstract String otherParty();

        @Override
        public Integer call() {
            JsonNode file = read(this.file);
            String other = Json.text(file, otherParty());
            String summary = Json.text(file, "summary");
            if (other == null || summary == null || summary.isBlank()) {
                throw CliFailure.usage(this.file + " needs \"" + otherParty() + "\" (an agency such as KG-DEMO) and "
                        + "\"summary\"");
            }
            AgencyCode party;
            try {
                party = new AgencyCode(other);
            } catch (IllegalArgumentException e) {
                throw CliFailure.usage(otherParty() + ": " + e.getMessage());
            }
            HubClient directory = HubClient.asAccount(hub.hub, environment, user, userPasswordEnv);
            java.security.cert.X509Certificate root = hub.rootCertificate == null ? null
                    : new KeyFiles(environment).certificates(hub.rootCertificate).get(0);
            ObjectNode body = Json.object().put(otherParty(), party.value());
            body.set("sealedSummary", SealedText.sealForAgencies(directory, List.of(new AgencyCode(signer.agency()), party),
                    summary, root, spec.commandLine().getErr()));
            PersonalDataFiles.Encrypted personalData = PersonalDataFiles.encrypt(
                    subject == null ? List.of() : List.of(subject));
            if (!personalData.subjects().isEmpty()) {
                body.set("subject", personalData.subjects().get(0));
                personalData.ids().forEach(id -> spec.commandLine().getErr().println("subject " + id));
            }
            return hub.submit(signer.sign(type(), body), personalData.keys());
        }
    }

    @Command(name = "request", description = "Request that another member's agency take over a case ("
            + SubmissionTypes.TRANSFER_REQUEST + "); FILE.json names the \"receiver\".")
    static final class Request extends Opening {

        Request(CliEnvironment environment) {
            super(environment);
        }

        @Override
        String type() {
            return SubmissionTypes.TRANSFER_REQUEST;
        }

        @Override
        String otherParty() {
            return "receiver";
        }
    }

    @Command(name = "ask", description = "Ask the agency holding a case to transfer it to yours ("
            + SubmissionTypes.TRANSFER_ASK + "); FILE.json names the \"holder\".")
    static final class Ask extends Opening {

        Ask(CliEnvironment environment) {
            super(environment);
        }

        @Override
        String type() {
            return SubmissionTypes.TRANSFER_ASK;
        }

        @Override
        String otherParty() {
            return "holder";
        }
    }

    /** A step that answers an open transfer, signed by the party that answers. */
    abstract static class Answer implements Callable<Integer> {

        @Option(names = "--transfer", required = true, paramLabel = "ID", description = "The transfer's id.")
        UUID transfer;

        @Mixin
        SigningKeyOptions signer;

        @Mixin
        HubOptions hub;

        abstract String type();

        ObjectNode body() {
            return Json.object().put("transferId", transfer.toString());
        }

        @Override
        public Integer call() {
            return hub.submit(signer.sign(type(), body()));
        }
    }

    /** An answer that says no, with the reason the other party sees. */
    abstract static class Refusal extends Answer {

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
        String reason;

        @Override
        ObjectNode body() {
            return super.body().put("reason", reason);
        }
    }

    @Command(name = "accept", description = "Accept a transfer requested of your agency ("
            + SubmissionTypes.TRANSFER_ACCEPT + "); responsibility then moves to it.")
    static final class Accept extends Answer {
        @Override
        String type() {
            return SubmissionTypes.TRANSFER_ACCEPT;
        }
    }

    @Command(name = "reject", description = "Reject a transfer requested of your agency ("
            + SubmissionTypes.TRANSFER_REJECT + ").")
    static final class Reject extends Refusal {
        @Override
        String type() {
            return SubmissionTypes.TRANSFER_REJECT;
        }
    }

    @Command(name = "grant", description = "Grant a transfer your agency was asked for ("
            + SubmissionTypes.TRANSFER_GRANT + "); responsibility then moves to the asking agency.")
    static final class Grant extends Answer {
        @Override
        String type() {
            return SubmissionTypes.TRANSFER_GRANT;
        }
    }

    @Command(name = "refuse", description = "Refuse a transfer your agency was asked for ("
            + SubmissionTypes.TRANSFER_REFUSE + ").")
    static final class Refuse extends Refusal {
        @Override
        String type() {
            return SubmissionTypes.TRANSFER_REFUSE;
        }
    }

    @Command(name = "show", description = "Print a transfer with its history; with --key, open its sealed summary too.")
    static final class Show implements Callable<Integer> {

        @Option(names = "--hub", required = true, paramLabel = "URL", description = "The hub's base URL.")
        String hub;

        @Option(names = "--transfer", required = true, paramLabel = "ID", description = "The transfer's id.")
        UUID transfer;

        @Option(names = "--user", required = true, paramLabel = "ACCOUNT",
                description = "An account of a party's member, to read the transfer with.")
        String user;

        @Option(names = "--user-password-env", paramLabel = "VARIABLE", defaultValue = "EWN_PASSWORD",
                description = "The environment variable with the account's password (default ${DEFAULT-VALUE}).")
        String userPasswordEnv;

        @Option(names = "--key", paramLabel = "FILE.p12", description = "The agency's key store, to open the summary.")
        Path key;

        @Option(names = "--alias", paramLabel = "ALIAS", defaultValue = KeyFiles.ENCRYPTION,
                description = "The encryption key's alias (default: ${DEFAULT-VALUE}).")
        String alias;

        @Option(names = "--password-env", paramLabel = "VARIABLE", defaultValue = KeyFiles.DEFAULT_PASSWORD_VARIABLE,
                description = "The environment variable with the key store's password (default: ${DEFAULT-VALUE}).")
        String passwordEnv;

        @Spec
        CommandSpec spec;

        private final CliEnvironment environment;

        Show(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            HubClient client = HubClient.asAccount(hub, environment, user, userPasswordEnv);
            String answer = client.get("/api/v1/transfers/" + transfer);
            JsonNode detail;
            try {
                detail = Json.MAPPER.readTree(answer);
            } catch (IOException e) {
                throw new CliFailure("the hub's answer is not JSON", e);
            }
            spec.commandLine().getOut().println(detail.toPrettyString());
            if (key != null) {
                IssuedKey encryption = new KeyFiles(environment).open(key, alias, passwordEnv);
                String kid = KeyIds.of(encryption.certificate().getPublicKey());
                try {
                    byte[] text = SealedContent.of(detail.get("sealedSummary")).open(kid, encryption.privateKey());
                    spec.commandLine().getOut().println("summary: " + new String(text, StandardCharsets.UTF_8));
                } catch (SealException e) {
                    throw new CliFailure("the key " + kid + " does not open this transfer's summary: "
                            + e.getMessage());
                }
            }
            return 0;
        }
    }

    private static JsonNode read(Path file) {
        try {
            return Json.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + " as JSON: " + e.getMessage());
        }
    }
}
