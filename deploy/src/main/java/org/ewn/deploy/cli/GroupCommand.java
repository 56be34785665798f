package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.api.member.GroupCode;
import org.ewn.api.member.MemberCode;
import org.ewn.api.submission.SubmissionTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "group", description = "Define or dissolve a named address group; signed by a network administrator.",
        subcommands = {GroupCommand.Define.class, GroupCommand.Dissolve.class})
final class GroupCommand {

    @Command(name = "define", description = "Define an address group, or define an existing one anew with these "
            + "members (" + SubmissionTypes.GROUP_DEFINE + ").")
    static final class Define implements Callable<Integer> {

        @Option(names = "--group", required = true, paramLabel = "GROUP",
                description = "The group's code: upper-case parts joined by hyphens, such as CENTRAL-ASIA.")
        GroupCode group;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The group's name.")
        String name;

        @Option(names = "--members", required = true, split = ",", paramLabel = "MEMBER",
                description = "Its members, such as KZ,KG,TJ.")
        List<MemberCode> members;

        @Mixin
        SigningKeyOptions signer;

        @Mixin
        HubOptions hub;

        @Override
        public Integer call() {
            ObjectNode body = Json.object().put("group", group.value()).put("name", name.strip());
            ArrayNode list = body.putArray("members");
            members.forEach(member -> list.add(member.value()));
            return hub.submit(signer.sign(SubmissionTypes.GROUP_DEFINE, body));
        }
    }

    @Command(name = "dissolve", description = "Dissolve an address group (" + SubmissionTypes.GROUP_DISSOLVE + ").")
    static final class Dissolve implements Callable<Integer> {

        @Option(names = "--group", required = true, paramLabel = "GROUP", description = "The group's code.")
        GroupCode group;

        @Mixin
        SigningKeyOptions signer;

        @Mixin
        HubOptions hub;

        @Override
        public Integer call() {
            return hub.submit(signer.sign(SubmissionTypes.GROUP_DISSOLVE, Json.object().put("group", group.value())));
        }
    }
}
