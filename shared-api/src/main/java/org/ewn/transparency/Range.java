package org.ewn.transparency;

/** The leaves {@code [from, to)}: an element of a proof is the MTH of one such range. */
record Range(long from, long to) {
}
