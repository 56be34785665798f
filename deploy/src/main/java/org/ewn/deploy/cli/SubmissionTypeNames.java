package org.ewn.deploy.cli;

import java.util.Iterator;

/** The submission types, for help texts and shell completion. */
final class SubmissionTypeNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return Endpoints.types().iterator();
    }
}
