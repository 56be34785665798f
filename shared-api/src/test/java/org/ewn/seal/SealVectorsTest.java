package org.ewn.seal;

import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The primitives of sealing against the standards' own examples. */
class SealVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void concatKdfDerivesRfc7518AppendixCKey() {
        byte[] z = bytes(158, 86, 217, 29, 129, 113, 53, 211, 114, 131, 66, 131, 191, 132, 38, 156, 251, 49, 110, 163,
                218, 128, 106, 72, 246, 218, 167, 121, 140, 254, 144, 196);

        byte[] key = ConcatKdf.derive(z, "A128GCM", "Alice".getBytes(StandardCharsets.US_ASCII),
                "Bob".getBytes(StandardCharsets.US_ASCII), 128);

        assertThat(key).isEqualTo(bytes(86, 170, 141, 234, 248, 35, 109, 32, 92, 34, 40, 205, 113, 167, 16, 26));
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(key)).isEqualTo("VqqN6vgjbSBcIijNcacQGg");
    }

    @Test
    void x25519AgreesOnRfc8037AppendixA6Secret() {
        byte[] bobPublic = Base64.getUrlDecoder().decode("3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08");
        X25519PrivateKeyParameters ephemeral = new X25519PrivateKeyParameters(
                HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));

        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(ephemeral.generatePublicKey().getEncoded()))
                .isEqualTo("hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo");
        assertThat(EcdhEs.sharedSecret(ephemeral, bobPublic))
                .isEqualTo(HEX.parseHex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"));
    }

    @Test
    void x25519RefusesASmallOrderPeerKey() {
        X25519PrivateKeyParameters own = new X25519PrivateKeyParameters(
                HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));

        assertThatThrownBy(() -> EcdhEs.sharedSecret(own, new byte[32])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aesKeyWrapMatchesRfc3394Section46() throws Exception {
        byte[] kek = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] key = HEX.parseHex("00112233445566778899aabbccddeeff000102030405060708090a0b0c0d0e0f");
        byte[] wrapped = HEX.parseHex("28c9f404c4b810f4cbccb35cfb87f8263f5786e2d80ed326cbc7f0e71a99f43bfb988b9b7a02dd21");

        assertThat(EcdhEs.aesWrap(kek, key)).isEqualTo(wrapped);
        assertThat(EcdhEs.aesUnwrap(kek, wrapped)).isEqualTo(key);
        wrapped[0] ^= 1;
        assertThatThrownBy(() -> EcdhEs.aesUnwrap(kek, wrapped)).isInstanceOf(GeneralSecurityException.class);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
