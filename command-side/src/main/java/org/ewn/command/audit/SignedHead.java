package org.ewn.command.audit;

/**
 * A tree head as the hub signed it and answers with.
 *
 * @param rootHash  hex MTH of the first {@code treeSize} leaves
 * @param timestamp when the hub signed it (UTC)
 * @param treeHead  the JWS, typed {@value TreeHeads#TYPE}, over the RFC 8785 JSON
 *                  {@code {network, rootHash, timestamp, treeSize, type: "tree-head"}}: what a client verifies
 */
record SignedHead(long treeSize, String rootHash, String timestamp, String treeHead) {
}
