package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.ewn.transparency.MerkleHashes;
import org.ewn.transparency.ProofVerifier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.Callable;

@Command(name = "prove", description = "Check that an event is in the hub's log: an inclusion proof from the hub "
        + "against its current tree head, verified (and, with --state, checked against the heads seen before).",
        footer = "%nExit code 0: the event is in the log; 1: it is not shown to be.")
final class AuditProveCommand implements Callable<Integer> {

    @Mixin
    AuditOptions audit;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {

        @Option(names = "--index", paramLabel = "N", description = "The event's global index.")
        Long index;

        @Option(names = "--receipt", paramLabel = "RECEIPT.jws",
                description = "A receipt of the hub: its event (global index and hash), once the receipt verifies.")
        Path receipt;
    }

    @Option(names = "--event-hash", paramLabel = "HEX", description = "The event's chain hash, as its receipt "
            + "states it (with --index; default: the hub's word, which then proves only that the hub logged it).")
    String eventHash;

    private final KeyFiles files;

    AuditProveCommand(CliEnvironment environment) {
        this.files = new KeyFiles(environment);
    }

    @Override
    public Integer call() {
        long index;
        byte[] expected = null;
        if (target.receipt != null) {
            Receipts.Receipt receipt = Receipts.verify(files.readText(target.receipt).strip(), audit.hubChain(),
                    audit.root(), null);
            index = receipt.globalIndex();
            expected = hex(receipt.eventHash(), "the receipt's eventHash");
        } else {
            index = target.index;
            expected = eventHash == null ? null : hex(eventHash, "--event-hash");
        }
        TreeHeads.Head head = audit.verifiedHead();
        if (index < 0 || index >= head.treeSize()) {
            throw new CliFailure("index " + index + " is not in the hub's log of " + head.treeSize() + " entries "
                    + "(signed " + head.timestamp() + ")");
        }
        String path = "/api/v1/audit/proofs/inclusion?index=" + index + "&treeSize=" + head.treeSize();
        JsonNode proof = AuditOptions.json(audit.client().get(path), path);
        byte[] hubsEventHash = hex(Json.text(proof, "eventHash"), "the hub's eventHash");
        byte[] leafData = expected != null ? expected : hubsEventHash;
        boolean included = ProofVerifier.verifyInclusion(index, head.treeSize(), MerkleHashes.leaf(leafData),
                AuditOptions.hashes(proof, "path"), head.rootHash());
        if (!included) {
            throw new CliFailure("the event " + HexFormat.of().formatHex(leafData) + " at index " + index
                    + " is not proven to be in the log of " + head.treeSize() + " entries: the inclusion proof does "
                    + "not verify against the signed root " + head.rootHex());
        }
        PrintWriter out = audit.command.commandLine().getOut();
        out.println("included: the event " + HexFormat.of().formatHex(leafData) + " is entry " + index
                + " of the log of " + head.treeSize() + " entries whose root the hub signed at " + head.timestamp()
                + (expected == null ? " (its hash is the hub's word: pass --event-hash or --receipt to check yours)"
                        : ""));
        return 0;
    }

    private static byte[] hex(String text, String what) {
        if (text == null) {
            throw new CliFailure(what + " is missing");
        }
        try {
            byte[] hash = HexFormat.of().parseHex(text);
            if (hash.length != 32) {
                throw new CliFailure(what + " is not a SHA-256 hash: " + text);
            }
            return hash;
        } catch (IllegalArgumentException e) {
            throw new CliFailure(what + " is not hex: " + text);
        }
    }
}
