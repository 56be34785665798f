package org.ewn.command.callback;

import org.ewn.trust.CanonicalJson;
import org.ewn.trust.SignedEnvelope;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackExampleTest {

    /** The Ed25519 key of RFC 8037 Appendix A.1, as the README's worked example uses it. */
    private static final String PRIVATE = "302e020100300506032b657004220420"
            + "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String PUBLIC = "302a300506032b6570032100"
            + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    @Test
    void theApiExampleIsAnAgencyCallbackSignedWithTheRfc8037Key() throws Exception {
        KeyFactory ed25519 = KeyFactory.getInstance("Ed25519");
        PrivateKey key = ed25519.generatePrivate(new PKCS8EncodedKeySpec(HexFormat.of().parseHex(PRIVATE)));
        PublicKey verifying = ed25519.generatePublic(new X509EncodedKeySpec(HexFormat.of().parseHex(PUBLIC)));
        String content = "{\"type\":\"agency.callback\",\"network\":\"EWN\",\"submissionId\":"
                + "\"7c1e4b52-9a0d-4f3e-8b6a-2d5c9e0f1a23\",\"agency\":\"KZ-DEMO\",\"issuedAt\":"
                + "\"2026-11-26T09:30:00Z\",\"body\":{\"agency\":\"KZ-DEMO\",\"url\":"
                + "\"https://kz-demo.example/ewn/notifications\"}}";
        byte[] payload = CanonicalJson.canonicalize(content.getBytes(StandardCharsets.UTF_8));
        String signed = SignedEnvelope.sign(payload, "BuP9j9opu2CrWVV95h7bCuzbIxE0vjDnW0Vfjht5L6k",
                                            "ewn-submission+jws", key);

        assertThat(CallbackController.EXAMPLE).isEqualTo(signed);
        assertThat(SignedEnvelope.parse(CallbackController.EXAMPLE).verify(verifying)).isTrue();
    }
}
