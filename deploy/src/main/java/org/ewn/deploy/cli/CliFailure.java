package org.ewn.deploy.cli;

/** Something the user must fix or know, said in one line; the command exits with 1, or 2 for a usage error. */
final class CliFailure extends RuntimeException {

    private final boolean usage;

    CliFailure(String message) {
        this(message, null, false);
    }

    CliFailure(String message, Throwable cause) {
        this(message, cause, false);
    }

    private CliFailure(String message, Throwable cause, boolean usage) {
        super(message, cause);
        this.usage = usage;
    }

    /** Arguments that picocli alone cannot check, such as options that go together. */
    static CliFailure usage(String message) {
        return new CliFailure(message, null, true);
    }

    boolean isUsage() {
        return usage;
    }
}
