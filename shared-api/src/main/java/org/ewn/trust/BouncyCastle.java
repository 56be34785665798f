package org.ewn.trust;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;

/**
 * The one Bouncy Castle provider instance of the process. It is passed explicitly to every JCA call
 * rather than installed globally, so the JDK's own providers stay untouched for everything else.
 */
public final class BouncyCastle {

    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
