package org.ewn.seal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.trust.IssuedKey;
import org.ewn.trust.KeyIds;
import org.ewn.trust.KeyKind;
import org.ewn.trust.NetworkPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedContentTest {

    static final byte[] PLAINTEXT = "Ребёнок пропал у пограничного перехода — last seen 09:30 UTC"
            .getBytes(StandardCharsets.UTF_8);
    static final KeyPair UZ = KeyKind.X25519.generate();
    static final KeyPair TJ = KeyKind.X25519.generate();
    static final KeyPair KG = jdkKeyPair();
    static final KeyPair OUTSIDER = KeyKind.X25519.generate();

    static SealRecipient recipient(KeyPair keys) {
        return new SealRecipient(KeyIds.of(keys.getPublic()), keys.getPublic());
    }

    static String kid(KeyPair keys) {
        return KeyIds.of(keys.getPublic());
    }

    static SealedContent sealedForThree() {
        return SealedContent.seal(PLAINTEXT, List.of(recipient(UZ), recipient(TJ), recipient(KG)));
    }

    @Test
    void eachOfThreeRecipientsOpensIt() {
        SealedContent sealed = sealedForThree();

        assertThat(sealed.recipientKeyIds()).containsExactly(kid(UZ), kid(TJ), kid(KG));
        assertThat(sealed.size()).isEqualTo(PLAINTEXT.length);
        for (KeyPair keys : List.of(UZ, TJ, KG)) {
            assertThat(sealed.open(kid(keys), keys.getPrivate())).isEqualTo(PLAINTEXT);
        }
    }

    @Test
    void opensAfterATripThroughJsonText() {
        SealedContent sealed = SealedContent.parse(sealedForThree().toJson());

        assertThat(sealed.open(kid(KG), KG.getPrivate())).isEqualTo(PLAINTEXT);
        assertThat(SealedContent.of(sealed.toJsonNode()).toJson()).isEqualTo(sealed.toJson());
    }

    @Test
    void writesTheNetworksJweForm() {
        JsonNode json = sealedForThree().toJsonNode();

        assertThat(new String(Base64.getUrlDecoder().decode(json.get("protected").textValue()), StandardCharsets.UTF_8))
                .isEqualTo("{\"enc\":\"A256GCM\",\"cty\":\"ewn-sealed\"}");
        JsonNode header = json.get("recipients").get(1).get("header");
        assertThat(header.get("alg").textValue()).isEqualTo("ECDH-ES+A256KW");
        assertThat(header.get("kid").textValue()).isEqualTo(kid(TJ));
        assertThat(header.get("epk").get("kty").textValue()).isEqualTo("OKP");
        assertThat(header.get("epk").get("crv").textValue()).isEqualTo("X25519");
        assertThat(json.fieldNames()).toIterable().containsExactly("protected", "recipients", "iv", "ciphertext", "tag");
    }

    @Test
    void sealsWithFreshKeysEveryTimeAndForEveryRecipient() {
        JsonNode first = sealedForThree().toJsonNode();
        JsonNode second = sealedForThree().toJsonNode();

        assertThat(first.get("iv")).isNotEqualTo(second.get("iv"));
        assertThat(first.get("ciphertext")).isNotEqualTo(second.get("ciphertext"));
        assertThat(first.get("recipients").findValues("x")).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(second.get("recipients").findValues("x"));
    }

    @Test
    void sealsForTheHolderOfAnEncryptionCertificate() {
        Instant now = Instant.now();
        IssuedKey root = NetworkPki.root("EWN", now, now.plusSeconds(3600));
        IssuedKey ca = NetworkPki.memberCa(root, "UZ", "Uzbekistan", now, now.plusSeconds(3600));
        IssuedKey agency = NetworkPki.encryptionKey(ca, "UZ-DEMO", now, now.plusSeconds(3600));

        SealedContent sealed = SealedContent.seal(PLAINTEXT, List.of(SealRecipient.of(agency.certificate())));

        assertThat(sealed.recipientKeyIds()).containsExactly(KeyIds.of(agency.certificate().getPublicKey()));
        assertThat(sealed.open(sealed.recipientKeyIds().get(0), agency.privateKey())).isEqualTo(PLAINTEXT);
    }

    @Test
    void sealsNothingToo() {
        SealedContent sealed = SealedContent.seal(new byte[0], List.of(recipient(UZ)));

        assertThat(SealedContent.parse(sealed.toJson()).open(kid(UZ), UZ.getPrivate())).isEmpty();
    }

    @Test
    void cannotBeOpenedWithoutARecipientsKey() {
        SealedContent sealed = sealedForThree();

        assertCannotOpen(sealed, kid(OUTSIDER), OUTSIDER.getPrivate());
        assertCannotOpen(sealed, kid(UZ), OUTSIDER.getPrivate());
        assertCannotOpen(sealed, kid(UZ), TJ.getPrivate());
        assertCannotOpen(sealed, kid(UZ), KeyKind.ED25519.generate().getPrivate());
        assertCannotOpen(sealed, null, UZ.getPrivate());
        assertCannotOpen(sealed, kid(UZ), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ciphertext", "tag", "iv", "encrypted_key", "epk"})
    void cannotBeOpenedOnceAnyByteIsChanged(String field) {
        JsonNode original = sealedForThree().toJsonNode();
        int length = Base64.getUrlDecoder().decode(value(original, field)).length;
        for (int at = 0; at < length; at++) {
            ObjectNode altered = original.deepCopy();
            set(altered, field, flip(value(original, field), at));

            assertCannotOpen(SealedContent.of(altered), kid(UZ), UZ.getPrivate());
        }
    }

    @Test
    void cannotBeOpenedWithAnotherProtectedHeader() {
        ObjectNode altered = sealedForThree().toJsonNode().deepCopy();
        // the same two members in another order: valid, but not the text the content was sealed under
        altered.put("protected", Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"cty\":\"ewn-sealed\",\"enc\":\"A256GCM\"}".getBytes(StandardCharsets.US_ASCII)));

        assertCannotOpen(SealedContent.of(altered), kid(UZ), UZ.getPrivate());
    }

    @Test
    void refusesAProtectedHeaderWithAnyByteChanged() {
        JsonNode original = sealedForThree().toJsonNode();
        int length = Base64.getUrlDecoder().decode(original.get("protected").textValue()).length;
        for (int at = 0; at < length; at++) {
            ObjectNode altered = original.deepCopy();
            altered.put("protected", flip(original.get("protected").textValue(), at));

            assertThatThrownBy(() -> SealedContent.of(altered).open(kid(UZ), UZ.getPrivate()))
                    .isInstanceOf(SealException.class);
        }
    }

    @Test
    void sealsOnlyForOneToTwoHundredDistinctX25519Recipients() {
        assertThatThrownBy(() -> SealedContent.seal(PLAINTEXT, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 200");
        assertThatThrownBy(() -> SealedContent.seal(PLAINTEXT, Collections.nCopies(201, recipient(UZ))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 200");
        assertThatThrownBy(() -> SealedContent.seal(PLAINTEXT, List.of(recipient(UZ), recipient(UZ))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("named twice");
        assertThatThrownBy(() -> new SealRecipient(kid(TJ), UZ.getPublic()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the network's id");
        KeyPair ed25519 = KeyKind.ED25519.generate();
        assertThatThrownBy(() -> new SealRecipient(KeyIds.of(ed25519.getPublic()), ed25519.getPublic()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X25519");
    }

    @Test
    void givesAFreshJsonNodeEachTime() {
        SealedContent sealed = sealedForThree();
        ((ObjectNode) sealed.toJsonNode()).put("iv", "AAAAAAAAAAAAAAAA");

        assertThat(sealed.open(kid(TJ), TJ.getPrivate())).isEqualTo(PLAINTEXT);
    }

    static void assertCannotOpen(SealedContent sealed, String kid, PrivateKey key) {
        assertThatThrownBy(() -> sealed.open(kid, key)).isInstanceOf(SealException.class)
                .hasMessage(SealException.CANNOT_OPEN).hasNoCause();
    }

    private static String value(JsonNode json, String field) {
        JsonNode recipient = json.get("recipients").get(0);
        return switch (field) {
            case "encrypted_key" -> recipient.get("encrypted_key").textValue();
            case "epk" -> recipient.get("header").get("epk").get("x").textValue();
            default -> json.get(field).textValue();
        };
    }

    private static void set(ObjectNode json, String field, String value) {
        ObjectNode recipient = (ObjectNode) json.get("recipients").get(0);
        switch (field) {
            case "encrypted_key" -> recipient.put("encrypted_key", value);
            case "epk" -> ((ObjectNode) recipient.get("header").get("epk")).put("x", value);
            default -> json.put(field, value);
        }
    }

    /** The base64url of the same bytes with the lowest bit of one flipped (X25519 ignores only the highest). */
    static String flip(String base64url, int at) {
        byte[] bytes = Base64.getUrlDecoder().decode(base64url);
        bytes[at] ^= 1;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair jdkKeyPair() {
        try {
            KeyPair keys = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            assertThat(keys.getPublic().getClass().getName()).startsWith("sun.");
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
