package org.ewn.seal;

/** One recipient's entry: its key id, the ephemeral X25519 public key (32 bytes) and the wrapped content key. */
record WrappedKey(String kid, byte[] epk, byte[] encryptedKey) {

    WrappedKey {
        epk = epk.clone();
        encryptedKey = encryptedKey.clone();
    }

    @Override
    public byte[] epk() {
        return epk.clone();
    }

    @Override
    public byte[] encryptedKey() {
        return encryptedKey.clone();
    }
}
