package org.ewn.deploy.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where a certificate issued by an existing CA goes, and the passwords of the two key stores. */
final class IssuingOptions {

    @Option(names = "--out", required = true, paramLabel = "FILE.p12",
            description = "The new key store; an existing file is never overwritten.")
    Path out;

    @Option(names = "--password-env", paramLabel = "VARIABLE", defaultValue = KeyFiles.DEFAULT_PASSWORD_VARIABLE,
            description = "Environment variable with the issuer's key store password (default: ${DEFAULT-VALUE}).")
    String passwordEnv;

    @Option(names = "--out-password-env", paramLabel = "VARIABLE",
            description = "Environment variable with the new key store's password (default: the same as "
                    + "--password-env).")
    String outPasswordEnv;

    String outPasswordVariable() {
        return outPasswordEnv == null ? passwordEnv : outPasswordEnv;
    }
}
