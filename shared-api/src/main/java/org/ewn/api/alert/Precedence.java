package org.ewn.api.alert;

/** How urgently addressees must act on an alert, from the most to the least urgent. */
public enum Precedence {
    FLASH, IMMEDIATE, PRIORITY, ROUTINE
}
