package org.ewn.seal;

import org.bouncycastle.crypto.agreement.kdf.ConcatenationKDFGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.KDFParameters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The Concat KDF (NIST SP 800-56A) with SHA-256 as JWA fixes its OtherInfo (RFC 7518 §4.6.2): AlgorithmID,
 * PartyUInfo and PartyVInfo, each after its length as a 32-bit big-endian number, then the key length in bits.
 */
final class ConcatKdf {

    private ConcatKdf() {
    }

    static byte[] derive(byte[] z, String algorithmId, byte[] partyUInfo, byte[] partyVInfo, int keyBits) {
        if (keyBits <= 0 || keyBits % 8 != 0) {
            throw new IllegalArgumentException("a key of whole bytes, not " + keyBits + " bits");
        }
        byte[] algorithm = algorithmId.getBytes(StandardCharsets.US_ASCII);
        byte[] otherInfo = ByteBuffer.allocate(16 + algorithm.length + partyUInfo.length + partyVInfo.length)
                .putInt(algorithm.length).put(algorithm)
                .putInt(partyUInfo.length).put(partyUInfo)
                .putInt(partyVInfo.length).put(partyVInfo)
                .putInt(keyBits)
                .array();
        ConcatenationKDFGenerator kdf = new ConcatenationKDFGenerator(new SHA256Digest());
        kdf.init(new KDFParameters(z, otherInfo));
        byte[] key = new byte[keyBits / 8];
        kdf.generateBytes(key, 0, key.length);
        return key;
    }
}
