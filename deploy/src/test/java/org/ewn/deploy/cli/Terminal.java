package org.ewn.deploy.cli;

import org.ewn.trust.KeyStores;

import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the client in-process, as a user at a terminal would, with an environment of the test's own. Public for the
 * tests of other packages that drive the network with the client as well as over HTTP.
 */
public final class Terminal {

    private final Map<String, String> variables = new HashMap<>();
    private CliEnvironment.PasswordPrompt prompt;
    private String stdin = "";

    public static Terminal withPassword(String password) {
        return new Terminal().variable(KeyFiles.DEFAULT_PASSWORD_VARIABLE, password);
    }

    public Terminal variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    Terminal prompt(CliEnvironment.PasswordPrompt prompt) {
        this.prompt = prompt;
        return this;
    }

    Terminal stdin(String text) {
        this.stdin = text;
        return this;
    }

    public Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // a light work factor: the tests' key stores protect nothing, and the real one costs 0.4 s per entry
        CliEnvironment environment = new CliEnvironment(variables::get, prompt,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), KeyStores.DEMO_ITERATIONS);
        CommandLine cli = Ewn.commandLine(environment);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exitCode = cli.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    public record Result(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
