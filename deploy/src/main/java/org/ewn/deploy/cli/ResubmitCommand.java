package org.ewn.deploy.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "resubmit", description = "Post an envelope signed before (see --out-envelope) again, for instance "
        + "when the first answer was lost: the hub answers a repeat of the same submission with the same receipt.")
final class ResubmitCommand implements Callable<Integer> {

    @Mixin
    HubOptions hub;

    @Parameters(paramLabel = "ENVELOPE.jws", description = "The signed envelope; - reads it from standard input.")
    Path envelope;

    private final KeyFiles files;

    ResubmitCommand(CliEnvironment environment) {
        this.files = new KeyFiles(environment);
    }

    @Override
    public Integer call() {
        return hub.submit(Submission.parse(files.readText(envelope), envelope.toString()));
    }
}
