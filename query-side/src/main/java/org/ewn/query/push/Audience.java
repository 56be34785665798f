package org.ewn.query.push;

import org.ewn.api.alert.AlertAcknowledged;
import org.ewn.api.alert.AlertEscalated;
import org.ewn.api.alert.AlertEvent;
import org.ewn.api.alert.AlertFollowedUp;
import org.ewn.api.alert.AlertRaised;
import org.ewn.api.alert.AlertWithdrawn;
import org.ewn.api.alert.OnwardSharingDecided;
import org.ewn.api.alert.OnwardSharingRequested;
import org.ewn.api.alert.Precedence;
import org.ewn.api.member.MemberCode;

import java.util.Set;

/**
 * Who an alert concerns, as its {@link AlertRaised} says, and so which members' officers may receive each of its
 * events. What passes between the originator and one addressee (an acknowledgement, a request to share onward and
 * its answer, an escalation because that addressee let the deadline pass) stays between those two members. The
 * alert's precedence and title come along for the notices to supervisors, which name the alert they are about.
 */
record Audience(Set<MemberCode> addressees, MemberCode originator, Precedence precedence, String title) {

    Audience {
        addressees = Set.copyOf(addressees);
    }

    static Audience of(AlertRaised raised) {
        return new Audience(Set.copyOf(raised.addressees()), raised.originator().member(), raised.precedence(),
                            raised.title());
    }

    /** An escalation is for the supervisors of the addressee that let the deadline pass. */
    boolean concernsSupervisorsOf(AlertEscalated escalated, MemberCode member) {
        return escalated.member().equals(member) && addressees.contains(member);
    }

    boolean mayReceive(AlertEvent event, MemberCode member) {
        return event.dispatch(new AlertEvent.Cases<Boolean>() {
            @Override
            public Boolean raised(AlertRaised raised) {
                return addresseeOrOriginator(member);
            }

            @Override
            public Boolean acknowledged(AlertAcknowledged acknowledged) {
                return originatorOr(acknowledged.member(), member);
            }

            @Override
            public Boolean withdrawn(AlertWithdrawn withdrawn) {
                return addresseeOrOriginator(member);
            }

            @Override
            public Boolean followedUp(AlertFollowedUp followedUp) {
                return addresseeOrOriginator(member);
            }

            @Override
            public Boolean sharingRequested(OnwardSharingRequested requested) {
                return originatorOr(requested.member(), member);
            }

            @Override
            public Boolean sharingDecided(OnwardSharingDecided decided) {
                return originatorOr(decided.requester(), member);
            }

            @Override
            public Boolean escalated(AlertEscalated escalated) {
                return originatorOr(escalated.member(), member);
            }
        });
    }

    private boolean addresseeOrOriginator(MemberCode member) {
        return addressees.contains(member) || originator.equals(member);
    }

    /** The originator's member, or the one addressee the event is about (and only if it is an addressee). */
    private boolean originatorOr(MemberCode concerned, MemberCode member) {
        return originator.equals(member) || (concerned.equals(member) && addressees.contains(member));
    }
}
