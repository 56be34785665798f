package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "submit", description = "Sign a submission, post it to the hub's endpoint for its type, print the "
        + "hub's answer and verify its receipt: the hub's signature, the submission id, and the hash of what was "
        + "signed.",
        footer = "%nExit code 0: accepted with a receipt that verifies; 1: refused, or the receipt does not verify.")
final class SubmitCommand implements Callable<Integer> {

    @Mixin
    SigningKeyOptions signer;

    @Mixin
    HubOptions hub;

    @Option(names = "--type", required = true, paramLabel = "TYPE", completionCandidates = SubmissionTypeNames.class,
            description = "The submission's type: ${COMPLETION-CANDIDATES}.")
    String type;

    @Parameters(paramLabel = "BODY.json", description = "The body, a JSON object; - reads it from standard input.")
    Path body;

    private final KeyFiles files;

    SubmitCommand(CliEnvironment environment) {
        this.files = new KeyFiles(environment);
    }

    @Override
    public Integer call() {
        Endpoints.requireKnown(type);
        ObjectNode content = Json.parseObject(files.readText(body), body.toString());
        Endpoints.path(type, content);
        return hub.submit(signer.sign(type, content));
    }
}
