package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SubmissionTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "agency", description = "Register an agency of an admitted member; signed by an administrator.",
        subcommands = AgencyCommand.Register.class)
final class AgencyCommand {

    @Command(name = "register", description = "Register an agency (" + SubmissionTypes.AGENCY_REGISTER + "); its keys "
            + "are enrolled next with 'ewn key enrol'.")
    static final class Register implements Callable<Integer> {

        @Option(names = "--agency", required = true, paramLabel = "CODE",
                description = "The agency's code, such as KZ-MVD.")
        AgencyCode agency;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The agency's name.")
        String name;

        @Option(names = "--administrator", description = "The agency administers its member (or, for an agency of "
                + "the network's own code, the network).")
        boolean administrator;

        @Mixin
        SigningKeyOptions signer;

        @Mixin
        HubOptions hub;

        @Override
        public Integer call() {
            ObjectNode body = Json.object()
                    .put("agency", agency.value())
                    .put("name", name.strip())
                    .put("administrator", administrator);
            return hub.submit(signer.sign(SubmissionTypes.AGENCY_REGISTER, body));
        }
    }
}
