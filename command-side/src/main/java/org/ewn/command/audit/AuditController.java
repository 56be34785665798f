package org.ewn.command.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.ewn.api.ProblemException;
import org.ewn.api.ProblemTypes;
import org.ewn.audit.InclusionProof;
import org.ewn.audit.LogTree;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The transparency log: signed tree heads and the proofs that tie events and earlier heads to them. Any account may
 * read them, auditors and members alike, so that every member can check the hub: a proof holds only hashes, and
 * the leaves are chain hashes that reveal nothing of the events. Served by command nodes, which hold the hub's key.
 */
@RestController
@RequestMapping("/api/v1/audit")
@SecurityRequirement(name = "basic")
class AuditController {

    private final LogTree tree;
    private final TreeHeads heads;

    AuditController(LogTree tree, TreeHeads heads) {
        this.tree = tree;
        this.heads = heads;
    }

    @GetMapping("/tree-head")
    @Operation(summary = "A signed tree head: over the whole log now, or the one signed earlier for ?size=")
    SignedHead treeHead(@RequestParam(required = false) Long size) {
        if (size == null) {
            return heads.current();
        }
        return heads.at(size).orElseThrow(() -> new ProblemException(ProblemTypes.NOT_FOUND, 404,
                "The hub signed no tree head of size " + size));
    }

    /** @param path hex hashes, nearest the leaf first; {@code leafHash} is SHA-256(0x00 || eventHash) */
    record Inclusion(long index, long treeSize, String eventHash, String leafHash, List<String> path) {
    }

    @GetMapping("/proofs/inclusion")
    @Operation(summary = "RFC 9162 inclusion proof of the event at a global index in the tree of treeSize leaves")
    Inclusion inclusion(@RequestParam long index, @RequestParam long treeSize) {
        InclusionProof proof = checked(() -> tree.inclusion(index, treeSize));
        return new Inclusion(proof.index(), proof.treeSize(), hex(proof.eventHash()), hex(proof.leafHash()),
                             proof.path().stream().map(AuditController::hex).toList());
    }

    record Consistency(long from, long to, List<String> proof) {
    }

    @GetMapping("/proofs/consistency")
    @Operation(summary = "RFC 9162 consistency proof that the tree of `to` leaves extends the one of `from`")
    Consistency consistency(@RequestParam long from, @RequestParam long to) {
        List<byte[]> proof = checked(() -> tree.consistency(from, to));
        return new Consistency(from, to, proof.stream().map(AuditController::hex).toList());
    }

    private static <T> T checked(Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemTypes.INVALID_REQUEST, 400, e.getMessage());
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
