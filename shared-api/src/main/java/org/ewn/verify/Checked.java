package org.ewn.verify;

/**
 * What a verification covered, check by check.
 *
 * @param events            lines read
 * @param chainLinks        events whose hash was recomputed and compared
 * @param signatures        envelopes whose signature was checked (all of them: every event born of a submission)
 * @param unsigned          events that carry no submission (the hub's own, such as escalations)
 * @param membershipFolded  membership events folded into the membership the later signatures are judged by
 * @param treeHeads         signed tree heads compared with the root of the verified leaves
 * @param lastIndex         the highest global index seen, -1 if none
 */
public record Checked(long events, long chainLinks, long signatures, long unsigned, long membershipFolded,
                      long treeHeads, long lastIndex) {
}
