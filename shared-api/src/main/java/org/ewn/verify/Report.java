package org.ewn.verify;

import java.util.List;

/** The outcome of a verification: what was checked and every failure, by global index. */
public record Report(Checked checked, List<Failure> failures) {

    public Report {
        failures = List.copyOf(failures);
    }

    public boolean clean() {
        return failures.isEmpty();
    }

    /** A few lines for a person; the JSON form of this record is for machines. */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append(clean() ? "VERIFIED" : "FAILED").append(": ").append(checked.events()).append(" events read, up to ")
            .append("global index ").append(checked.lastIndex()).append('\n')
            .append("  hash chain:  ").append(checked.chainLinks()).append(" links recomputed\n")
            .append("  signatures:  ").append(checked.signatures()).append(" envelopes checked against the membership ")
            .append("as of each event (").append(checked.membershipFolded()).append(" membership events folded), ")
            .append(checked.unsigned()).append(" events carry no submission\n")
            .append("  tree heads:  ").append(checked.treeHeads()).append(" compared with the root of the leaves\n");
        if (!clean()) {
            text.append(failures.size()).append(" failure(s):\n");
            for (Failure failure : failures) {
                text.append("  ").append(failure.globalIndex()).append("  ").append(failure.reason()).append("  ")
                    .append(failure.detail()).append('\n');
            }
        }
        return text.toString();
    }
}
