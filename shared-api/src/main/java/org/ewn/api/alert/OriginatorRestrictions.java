package org.ewn.api.alert;

/**
 * What the originator allows the addressees to do with an alert.
 *
 * @param purpose                      the only purpose it may be used for, or null for any lawful purpose
 * @param onwardSharingNeedsPermission true when addressees must ask before sharing it further
 */
public record OriginatorRestrictions(String purpose, boolean onwardSharingNeedsPermission) {

    public static final OriginatorRestrictions NONE = new OriginatorRestrictions(null, false);
}
