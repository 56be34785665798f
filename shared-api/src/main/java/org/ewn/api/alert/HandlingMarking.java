package org.ewn.api.alert;

/**
 * The Traffic Light Protocol 2.0 marking that says how far an alert may travel: RED for the named recipients only,
 * AMBER+STRICT for their organisation only, AMBER for their organisation and its clients on a need-to-know basis,
 * GREEN for their community, CLEAR without limit.
 */
public enum HandlingMarking { RED, AMBER_STRICT, AMBER, GREEN, CLEAR }
