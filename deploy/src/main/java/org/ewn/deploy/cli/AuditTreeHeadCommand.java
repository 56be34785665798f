package org.ewn.deploy.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "tree-head", description = "Fetch the hub's current tree head and verify its signature; with --state, "
        + "also that it extends the last head seen (by a consistency proof), then remember it.",
        footer = "%nExit code 0: it verifies; 1: it does not (a WARNING names an inconsistent log).")
final class AuditTreeHeadCommand implements Callable<Integer> {

    @Mixin
    AuditOptions audit;

    @Override
    public Integer call() {
        TreeHeads.Head head = audit.verifiedHead();
        PrintWriter out = audit.command.commandLine().getOut();
        out.println("tree head verified: " + head.treeSize() + " entries, root " + head.rootHex() + ", signed "
                + head.timestamp());
        return 0;
    }
}
