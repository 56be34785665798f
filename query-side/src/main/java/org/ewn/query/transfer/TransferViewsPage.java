package org.ewn.query.transfer;

import java.util.List;

/** A page of the caller's member's transfers, newest first; {@code total} counts every match over all pages. */
record TransferViewsPage(List<TransferSummary> items, int page, int size, long total) {
}
