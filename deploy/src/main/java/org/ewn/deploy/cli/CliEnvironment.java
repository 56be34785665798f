package org.ewn.deploy.cli;

import org.ewn.trust.KeyStores;

import java.io.Console;
import java.io.InputStream;
import java.util.function.Function;

/**
 * What the client takes from the process around it: environment variables (key store passwords), a way to
 * ask for a password, and standard input. Tests pass their own, so that no password ever goes through the
 * real environment.
 *
 * @param prompt             null when there is no terminal to ask
 * @param keystoreIterations the PBKDF2 work factor of the key stores it writes
 */
record CliEnvironment(Function<String, String> variables, PasswordPrompt prompt, InputStream stdin,
                      int keystoreIterations) {

    CliEnvironment(Function<String, String> variables, PasswordPrompt prompt, InputStream stdin) {
        this(variables, prompt, stdin, KeyStores.ITERATIONS);
    }

    /** Asks the person at the terminal; null if they gave nothing (end of input). */
    @FunctionalInterface
    interface PasswordPrompt {
        char[] ask(String question);
    }

    static CliEnvironment system() {
        Console console = System.console();
        PasswordPrompt prompt = console == null ? null : question -> console.readPassword("%s", question);
        return new CliEnvironment(System::getenv, prompt, System.in);
    }

    String variable(String name) {
        return variables.apply(name);
    }
}
