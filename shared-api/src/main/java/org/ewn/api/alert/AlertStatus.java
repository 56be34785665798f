package org.ewn.api.alert;

/** Whether an alert is real or a drill; exercises and tests never mix with actual alerts. */
public enum AlertStatus { ACTUAL, EXERCISE, TEST }
