package org.ewn.command.submission;

import org.axonframework.modelling.command.ConcurrencyException;

import java.util.function.Supplier;

/**
 * Commands that met another writer's event for the same aggregate. Any command node takes any command, so two may
 * decide on the same aggregate at once; the store lets one through and the other is simply decided again.
 */
public final class Conflicts {

    private static final int ATTEMPTS = 5;

    private Conflicts() {
    }

    public static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    /** Runs the command again while it conflicts, a few times, each time on the aggregate as it now is. */
    public static <T> T retried(Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (RuntimeException e) {
                if (!isConflict(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(attempt * 10L);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
