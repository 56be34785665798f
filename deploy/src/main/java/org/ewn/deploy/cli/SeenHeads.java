package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The tree heads a client has seen, in a JSON file ({@code {"heads": [{treeSize, rootHash, timestamp, treeHead}]}},
 * oldest first), so that each new head can be checked against the last: a hub that rewrote or cut its log cannot
 * show one client a history that does not extend what it showed before. Only heads that verified are added; the
 * file is replaced whole, so an interrupted write leaves the old one.
 */
final class SeenHeads {

    private final Path file;
    private final ObjectNode state;

    private SeenHeads(Path file, ObjectNode state) {
        this.file = file;
        this.state = state;
    }

    static SeenHeads open(Path file, List<java.security.cert.X509Certificate> hubChain,
                          java.security.cert.X509Certificate root) {
        if (!Files.exists(file)) {
            ObjectNode empty = Json.object();
            empty.putArray("heads");
            return new SeenHeads(file, empty);
        }
        ObjectNode state;
        try {
            state = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!(state.get("heads") instanceof ArrayNode)) {
            throw new CliFailure(file + " holds no \"heads\"");
        }
        SeenHeads seen = new SeenHeads(file, state);
        // the file is only as good as its signatures: check the last head again rather than trust it
        seen.last(hubChain, root);
        return seen;
    }

    /** The last head seen, verified again. */
    Optional<TreeHeads.Head> last(List<java.security.cert.X509Certificate> hubChain,
                                  java.security.cert.X509Certificate root) {
        ArrayNode heads = (ArrayNode) state.get("heads");
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        JsonNode last = heads.get(heads.size() - 1);
        String jws = Json.text(last, "treeHead");
        if (jws == null) {
            throw new CliFailure(file + ": the last head has no \"treeHead\"");
        }
        return Optional.of(TreeHeads.verify(jws, hubChain, root));
    }

    void add(TreeHeads.Head head) {
        ArrayNode heads = (ArrayNode) state.get("heads");
        JsonNode last = heads.isEmpty() ? null : heads.get(heads.size() - 1);
        if (last != null && head.jws().equals(Json.text(last, "treeHead"))) {
            return;
        }
        heads.addObject().put("treeSize", head.treeSize()).put("rootHash", head.rootHex())
             .put("timestamp", head.timestamp().toString()).put("treeHead", head.jws());
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, Json.pretty(state) + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
