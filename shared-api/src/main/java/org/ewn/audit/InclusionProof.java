package org.ewn.audit;

import java.util.List;

/**
 * @param eventHash the leaf's data: the event's chain hash
 * @param path      RFC 9162 audit path, nearest the leaf first
 */
public record InclusionProof(long index, long treeSize, byte[] eventHash, byte[] leafHash, List<byte[]> path) {
}
