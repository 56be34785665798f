package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.submission.SubmissionTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "agency", description = "Register an agency of an admitted member, or set where the hub calls an "
        + "agency back.", subcommands = {AgencyCommand.Register.class, AgencyCommand.Callback.class})
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

    @Command(name = "callback", description = "Register the URL the hub posts the agency's signed notifications to, "
            + "or remove it (" + SubmissionTypes.AGENCY_CALLBACK + "); signed by the agency or an administrator of its "
            + "member.")
    static final class Callback implements Callable<Integer> {

        @Option(names = "--agency", required = true, paramLabel = "CODE", description = "The agency called back.")
        AgencyCode agency;

        @Option(names = "--url", paramLabel = "URL", description = "An https URL, such as "
                + "https://agency.example/ewn/notifications.")
        String url;

        @Option(names = "--remove", description = "Stop the callbacks; the agency polls instead.")
        boolean remove;

        @Mixin
        SigningKeyOptions signer;

        @Mixin
        HubOptions hub;

        @Override
        public Integer call() {
            if (remove == (url != null)) {
                throw CliFailure.usage("give either --url or --remove");
            }
            ObjectNode body = Json.object().put("agency", agency.value());
            if (remove) {
                body.put("remove", true);
            } else {
                body.put("url", url.strip());
            }
            return hub.submit(signer.sign(SubmissionTypes.AGENCY_CALLBACK, body));
        }
    }
}
