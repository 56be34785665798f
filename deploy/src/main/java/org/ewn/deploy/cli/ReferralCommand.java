package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.api.referral.ReferralOutcome;
import org.ewn.api.submission.SubmissionTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

@Command(name = "referral", description = "Refer a person to another agency for services, answer a referral, and "
        + "follow where it stands.",
        subcommands = {ReferralCommand.Submit.class, ReferralCommand.Accept.class, ReferralCommand.Decline.class,
                ReferralCommand.Progress.class, ReferralCommand.Close.class, ReferralCommand.Revoke.class,
                ReferralCommand.WithdrawConsent.class, ReferralCommand.Show.class})
final class ReferralCommand {

    @Command(name = "submit", description = "Submit a referral (" + SubmissionTypes.REFERRAL_SUBMIT + ") from a JSON "
            + "file: receivingAgency, services, urgency, consent {consentedBy, purpose, recipientKinds, validUntil, "
            + "child, guardianConsent, bestInterestsNote}, summary, and \"person\": the person's personal data (name, "
            + "dateOfBirth, …, and optionally \"subject\", the person's id to reuse), which is encrypted here under a "
            + "new key of that person alone and sent as \"subject\"; the key goes to the hub beside the signature.")
    static final class Submit implements Callable<Integer> {

        @Parameters(paramLabel = "FILE.json", description = "The referral.")
        Path file;

        @Mixin
        SigningKeyOptions signer;

        @Mixin
        HubOptions hub;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ObjectNode body;
            try {
                body = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            } catch (IOException e) {
                throw new CliFailure("cannot read " + file + ": " + e.getMessage(), e);
            }
            Map<String, String> keys = Map.of();
            JsonNode person = body.remove("person");
            if (person != null) {
                if (!person.isObject()) {
                    throw new CliFailure(file + ": \"person\" must be an object of personal data");
                }
                PersonalDataFiles.Person encrypted = PersonalDataFiles.person((ObjectNode) person, file + ": person");
                body.set("subject", encrypted.subject());
                keys = Map.of(encrypted.keyId(), encrypted.key());
                spec.commandLine().getErr().println("subject " + encrypted.id());
            }
            return hub.submit(signer.sign(SubmissionTypes.REFERRAL_SUBMIT, body), keys);
        }
    }

    /** A later step of a referral: signed, naming the referral, posted to its path. */
    abstract static class Step implements Callable<Integer> {

        @Option(names = "--referral", required = true, paramLabel = "ID", description = "The referral's id.")
        UUID referral;

        @Mixin
        SigningKeyOptions signer;

        @Mixin
        HubOptions hub;

        abstract String type();

        ObjectNode body() {
            return Json.object().put("referralId", referral.toString());
        }

        @Override
        public Integer call() {
            return hub.submit(signer.sign(type(), body()));
        }
    }

    /** A step with a reason. */
    abstract static class WithReason extends Step {

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; no personal data.")
        String reason;

        @Override
        ObjectNode body() {
            return super.body().put("reason", reason);
        }
    }

    @Command(name = "accept", description = "Accept a referral made to your agency (" + SubmissionTypes.REFERRAL_ACCEPT
            + ").")
    static final class Accept extends Step {
        @Override
        String type() {
            return SubmissionTypes.REFERRAL_ACCEPT;
        }
    }

    @Command(name = "decline", description = "Decline a referral made to your agency ("
            + SubmissionTypes.REFERRAL_DECLINE + ").")
    static final class Decline extends WithReason {
        @Override
        String type() {
            return SubmissionTypes.REFERRAL_DECLINE;
        }
    }

    @Command(name = "progress", description = "Mark an accepted referral in progress ("
            + SubmissionTypes.REFERRAL_PROGRESS + ").")
    static final class Progress extends Step {
        @Override
        String type() {
            return SubmissionTypes.REFERRAL_PROGRESS;
        }
    }

    @Command(name = "close", description = "Close a referral with its outcome (" + SubmissionTypes.REFERRAL_CLOSE
            + ").")
    static final class Close extends WithReason {

        @Option(names = "--outcome", required = true, paramLabel = "OUTCOME",
                description = "${COMPLETION-CANDIDATES}.")
        ReferralOutcome outcome;

        @Override
        String type() {
            return SubmissionTypes.REFERRAL_CLOSE;
        }

        @Override
        ObjectNode body() {
            return super.body().put("outcome", outcome.name());
        }
    }

    @Command(name = "revoke", description = "Revoke a referral your agency made (" + SubmissionTypes.REFERRAL_REVOKE
            + "); the receiving agency's access ends at once.")
    static final class Revoke extends WithReason {
        @Override
        String type() {
            return SubmissionTypes.REFERRAL_REVOKE;
        }
    }

    @Command(name = "withdraw-consent", description = "Record that the consent a referral your agency made rests on "
            + "was withdrawn (" + SubmissionTypes.REFERRAL_CONSENT_WITHDRAWAL + "); this revokes the referral.")
    static final class WithdrawConsent extends WithReason {
        @Override
        String type() {
            return SubmissionTypes.REFERRAL_CONSENT_WITHDRAWAL;
        }
    }

    @Command(name = "show", description = "Print a referral as your member sees it: where it stands, its history and, "
            + "while shared with your member, the person and the summary.")
    static final class Show implements Callable<Integer> {

        @Option(names = "--hub", required = true, paramLabel = "URL", description = "The hub's base URL.")
        String hub;

        @Option(names = "--user", required = true, paramLabel = "ACCOUNT",
                description = "An account of a member party to the referral.")
        String user;

        @Option(names = "--user-password-env", paramLabel = "VARIABLE", defaultValue = "EWN_PASSWORD",
                description = "The environment variable with the account's password (default ${DEFAULT-VALUE}).")
        String userPasswordEnv;

        @Option(names = "--referral", required = true, paramLabel = "ID", description = "The referral's id.")
        UUID referral;

        @Spec
        CommandSpec spec;

        private final CliEnvironment environment;

        Show(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            HubClient client = HubClient.asAccount(hub, environment, user, userPasswordEnv);
            String answer = client.get("/api/v1/referrals/" + referral);
            try {
                spec.commandLine().getOut().println(Json.pretty(Json.MAPPER.readTree(answer)));
            } catch (IOException e) {
                throw new CliFailure("the hub's answer is not JSON", e);
            }
            return 0;
        }
    }
}
