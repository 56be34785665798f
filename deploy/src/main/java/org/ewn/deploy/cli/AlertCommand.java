package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.Precedence;
import org.ewn.api.member.GroupCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SubmissionTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "alert", description = "Raise an alert, signed by the raising agency.",
        subcommands = {AlertCommand.Raise.class, AlertCommand.Open.class})
final class AlertCommand {

    @Command(name = "raise", description = "Raise an alert (" + SubmissionTypes.ALERT_RAISE + ") to all members, or to "
            + "named members and address groups; the signature covers who it is for.")
    static final class Raise implements Callable<Integer> {

        @Option(names = "--all", description = "Address every member.")
        boolean allMembers;

        @Option(names = "--to", split = ",", paramLabel = "MEMBER", description = "The addressees, such as KG,TJ.")
        List<MemberCode> addressees;

        @Option(names = "--group", split = ",", paramLabel = "GROUP",
                description = "Address groups, such as CENTRAL-ASIA: their members when the alert is raised.")
        List<GroupCode> groups;

        @Option(names = "--precedence", required = true, paramLabel = "PRECEDENCE",
                description = "${COMPLETION-CANDIDATES}.")
        Precedence precedence;

        @Option(names = "--category", required = true, paramLabel = "CATEGORY",
                description = "${COMPLETION-CANDIDATES}.")
        AlertCategory category;

        @Option(names = "--title", required = true, paramLabel = "TEXT", description = "A short title.")
        String title;

        @Option(names = "--text", paramLabel = "TEXT", description = "The alert's text.")
        String text;

        @Option(names = "--marking", paramLabel = "TLP", description = "The TLP marking: ${COMPLETION-CANDIDATES} "
                + "(default: AMBER).")
        org.ewn.api.alert.HandlingMarking marking;

        @Option(names = "--seal", negatable = true, description = "Seal the text for the addressees' agencies, so "
                + "that only they (and the sender's own member) can open it, not the hub. On by default for RED. "
                + "Reads their encryption keys from the directory with --user.")
        Boolean seal;

        @Option(names = "--user", paramLabel = "ACCOUNT", description = "An account to read the directory with, "
                + "for --seal; its password comes from --password-env.")
        String user;

        @Option(names = "--user-password-env", paramLabel = "VARIABLE", defaultValue = "EWN_PASSWORD",
                description = "The environment variable with the --user account's password (default ${DEFAULT-VALUE}).")
        String userPasswordEnv;

        private final CliEnvironment environment;

        Raise(CliEnvironment environment) {
            this.environment = environment;
        }

        @Option(names = "--subject", paramLabel = "PERSON.json", description = "A person the alert is about: a JSON "
                + "file of personal data (name, otherNames, dateOfBirth, sex, nationalities, documents, description, "
                + "photos) and optionally \"subject\", the person's id to reuse. It is encrypted here under a new key "
                + "of that person alone; the key goes to the hub beside the signature. Repeat for several people.")
        List<java.nio.file.Path> subjects;

        @Mixin
        SigningKeyOptions signer;

        @Mixin
        HubOptions hub;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private com.fasterxml.jackson.databind.JsonNode sealedText() {
            if (user == null) {
                throw CliFailure.usage("sealing needs --user ACCOUNT to read the addressees' encryption keys "
                        + "(RED alerts are sealed unless --no-seal)");
            }
            HubClient directory = HubClient.asAccount(hub.hub, environment, user, userPasswordEnv);
            java.util.Set<String> members = SealedText.addressees(directory, allMembers,
                    addressees == null ? List.of() : addressees.stream().map(MemberCode::value).toList(),
                    groups == null ? List.of() : groups.stream().map(GroupCode::value).toList());
            members.add(new org.ewn.api.member.AgencyCode(signer.agency()).member().value());
            java.security.cert.X509Certificate root = hub.rootCertificate == null ? null
                    : new KeyFiles(environment).certificates(hub.rootCertificate).get(0);
            return SealedText.seal(directory, members, text, root, spec.commandLine().getErr());
        }

        @Override
        public Integer call() {
            boolean toMembers = addressees != null && !addressees.isEmpty();
            boolean toGroups = groups != null && !groups.isEmpty();
            if (allMembers == (toMembers || toGroups)) {
                throw CliFailure.usage("address the alert with either --all, or --to MEMBER,... and/or --group GROUP,...");
            }
            ObjectNode body = Json.object();
            if (allMembers) {
                body.put("allMembers", true);
            }
            if (toMembers) {
                ArrayNode to = body.putArray("addressees");
                addressees.forEach(member -> to.add(member.value()));
            }
            if (toGroups) {
                ArrayNode to = body.putArray("groups");
                groups.forEach(group -> to.add(group.value()));
            }
            body.put("precedence", precedence.name()).put("category", category.name()).put("title", title);
            if (marking != null) {
                body.put("marking", marking.name());
            }
            boolean sealing = seal != null ? seal : marking == org.ewn.api.alert.HandlingMarking.RED;
            if (sealing) {
                if (text == null || text.isEmpty()) {
                    throw CliFailure.usage("--seal seals the --text; give one, or --no-seal");
                }
                body.set("sealed", sealedText());
            } else if (text != null) {
                body.put("text", text);
            }
            PersonalDataFiles.Encrypted personalData = PersonalDataFiles.encrypt(subjects);
            if (!personalData.subjects().isEmpty()) {
                body.set("subjects", personalData.subjects());
                personalData.ids().forEach(id -> spec.commandLine().getErr().println("subject " + id));
            }
            return hub.submit(signer.sign(SubmissionTypes.ALERT_RAISE, body), personalData.keys());
        }
    }

    @Command(name = "open", description = "Open an alert's sealed text with the agency's encryption key, and print it.")
    static final class Open implements Callable<Integer> {

        @Option(names = "--hub", required = true, paramLabel = "URL", description = "The hub's base URL.")
        String hub;

        @Option(names = "--user", required = true, paramLabel = "ACCOUNT",
                description = "An officer account of the agency's member, to read the alert with.")
        String user;

        @Option(names = "--user-password-env", paramLabel = "VARIABLE", defaultValue = "EWN_PASSWORD",
                description = "The environment variable with the account's password (default ${DEFAULT-VALUE}).")
        String userPasswordEnv;

        @Option(names = "--alert", required = true, paramLabel = "ID", description = "The alert's id.")
        java.util.UUID alert;

        @Option(names = "--key", required = true, paramLabel = "FILE.p12", description = "The agency's key store.")
        java.nio.file.Path key;

        @Option(names = "--alias", paramLabel = "ALIAS", defaultValue = KeyFiles.ENCRYPTION,
                description = "The encryption key's alias (default: ${DEFAULT-VALUE}).")
        String alias;

        @Option(names = "--password-env", paramLabel = "VARIABLE", defaultValue = KeyFiles.DEFAULT_PASSWORD_VARIABLE,
                description = "The environment variable with the key store's password (default: ${DEFAULT-VALUE}).")
        String passwordEnv;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private final CliEnvironment environment;

        Open(CliEnvironment environment) {
            this.environment = environment;
        }

        @Override
        public Integer call() {
            HubClient client = HubClient.asAccount(hub, environment, user, userPasswordEnv);
            com.fasterxml.jackson.databind.JsonNode detail;
            try {
                detail = Json.MAPPER.readTree(client.get("/api/v1/inbox/alerts/" + alert));
            } catch (java.io.IOException e) {
                throw new CliFailure("the hub's answer is not JSON", e);
            }
            com.fasterxml.jackson.databind.JsonNode sealed = detail.get("sealedText");
            if (sealed == null || sealed.isNull()) {
                throw new CliFailure("alert " + alert + " is not sealed; its text is in the clear");
            }
            org.ewn.trust.IssuedKey encryption = new KeyFiles(environment).open(key, alias, passwordEnv);
            String kid = org.ewn.trust.KeyIds.of(encryption.certificate().getPublicKey());
            try {
                byte[] text = org.ewn.seal.SealedContent.of(sealed).open(kid, encryption.privateKey());
                spec.commandLine().getOut().println(new String(text, java.nio.charset.StandardCharsets.UTF_8));
                return 0;
            } catch (org.ewn.seal.SealException e) {
                throw new CliFailure("the key " + kid + " does not open this alert's sealed text: " + e.getMessage());
            }
        }
    }
}
