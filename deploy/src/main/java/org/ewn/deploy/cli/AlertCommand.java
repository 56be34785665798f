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
        subcommands = AlertCommand.Raise.class)
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
            if (text != null) {
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
}
