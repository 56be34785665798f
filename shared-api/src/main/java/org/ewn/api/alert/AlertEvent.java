package org.ewn.api.alert;

import org.ewn.api.submission.SignedSubmission;

/**
 * Everything that can happen to an alert. The family is sealed and every member dispatches to its own
 * method of {@link Cases}, so a projection that implements {@code Cases} fails to compile until it
 * handles a new kind of event (Java 17 has no exhaustive pattern switch).
 */
public sealed interface AlertEvent
        permits AlertRaised, AlertAcknowledged, AlertWithdrawn, AlertFollowedUp, OnwardSharingRequested,
                OnwardSharingDecided, AlertEscalated {

    AlertId alertId();

    /** The signed submission this event was born of; null for the hub's own escalations. */
    SignedSubmission submission();

    <R> R dispatch(Cases<R> cases);

    /** One method per kind of alert event. */
    interface Cases<R> {

        R raised(AlertRaised event);

        R acknowledged(AlertAcknowledged event);

        R withdrawn(AlertWithdrawn event);

        R followedUp(AlertFollowedUp event);

        R sharingRequested(OnwardSharingRequested event);

        R sharingDecided(OnwardSharingDecided event);

        R escalated(AlertEscalated event);
    }
}
