package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;

@Command(name = "sign", description = "Sign a submission and print its envelope, a JWS in compact serialization over "
        + "the canonical JSON of type, network, submissionId, agency (the key's holder), issuedAt and the body.")
final class SignCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SigningKeyOptions signer;

    @Option(names = "--type", required = true, paramLabel = "TYPE", completionCandidates = SubmissionTypeNames.class,
            description = "The submission's type: ${COMPLETION-CANDIDATES}.")
    String type;

    @Option(names = "--submission-id", paramLabel = "UUID",
            description = "The submission's id (default: a new random UUID).")
    UUID submissionId;

    @Parameters(paramLabel = "BODY.json", description = "The body, a JSON object; - reads it from standard input.")
    Path body;

    private final KeyFiles files;

    SignCommand(CliEnvironment environment) {
        this.files = new KeyFiles(environment);
    }

    @Override
    public Integer call() {
        Endpoints.requireKnown(type);
        ObjectNode content = Json.parseObject(files.readText(body), body.toString());
        Submission submission = signer.sign(type, content, submissionId == null ? UUID.randomUUID() : submissionId);
        spec.commandLine().getOut().println(submission.envelope());
        return 0;
    }
}
