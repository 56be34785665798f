package org.ewn.api.inbox;

import org.ewn.api.alert.AlertCategory;
import org.ewn.api.alert.AlertDetails;
import org.ewn.api.alert.AlertId;
import org.ewn.api.alert.Precedence;
import org.ewn.api.member.AgencyCode;
import org.ewn.api.member.MemberCode;

import java.time.Instant;
import java.util.List;

/**
 * An alert as a member's inbox and live push show it.
 *
 * @param position         the global index of the event that raised it, which orders the inbox and lets a
 *                         client tell what it has already seen
 * @param sealed           whether the text is sealed for the addressees: the detail holds it, for their agencies' keys
 * @param acknowledgeBy    when each addressee must have acknowledged it
 * @param acknowledgements the originator's member sees every addressee's; an addressee sees its own
 * @param board            for the originator's member, where the alert stands with each addressee; else empty
 * @param withdrawal       null unless the originator withdrew it
 */
public record InboxAlert(AlertId alertId,
                         long position,
                         AgencyCode originator,
                         List<MemberCode> addressees,
                         Precedence precedence,
                         AlertCategory category,
                         String title,
                         String text,
                         boolean sealed,
                         Instant submittedAt,
                         Instant raisedAt,
                         AlertDetails details,
                         Instant acknowledgeBy,
                         List<InboxAcknowledgement> acknowledgements,
                         List<AddresseeState> board,
                         InboxWithdrawal withdrawal) {

    public InboxAlert {
        acknowledgements = List.copyOf(acknowledgements);
        board = List.copyOf(board);
    }
}
