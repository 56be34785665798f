package org.ewn.seal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Anything but the one form the network writes is refused, naming the field and never repeating its value. */
class SealedContentParseTest {

    /** Put into every refused value, so that a message that repeats a value shows. */
    private static final String MARK = "MARKmark";
    private static final ObjectNode VALID = (ObjectNode) SealedContentTest.sealedForThree().toJsonNode();

    @Test
    void readsWhatItWrites() {
        assertThat(SealedContent.parse(VALID.toString()).toJsonNode()).isEqualTo(VALID);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                text("not JSON", "{\"protected\": \"" + MARK, "the top level is not JSON"),
                text("trailing content", VALID + " \"" + MARK + "\"", "the top level is not JSON"),
                text("a member named twice", VALID.toString().replaceFirst("\\{", "{\"tag\":\"" + MARK + "\","),
                        "the top level is not JSON"),
                text("not an object", "[\"" + MARK + "\"]", "the top level is not a JSON object"),
                text("empty", "", "the top level is not a JSON object"),
                edit("an unknown member", json -> json.put("unprotected", MARK), "the top level has members other"),
                edit("no iv", json -> json.remove("iv"), "iv is missing"),
                edit("a number for the tag", json -> json.put("tag", 12), "tag is not a string"),
                edit("protected not base64url", json -> json.put("protected", MARK + "!"), "protected is not base64url"),
                edit("protected padded", json -> json.put("protected", json.get("protected").textValue() + "="),
                        "protected is not base64url"),
                edit("protected not JSON", json -> json.put("protected", encode("{" + MARK)), "protected is not JSON"),
                edit("another enc", json -> json.put("protected", encode("{\"enc\":\"A128GCM\",\"cty\":\"ewn-sealed\"}")),
                        "protected.enc must be A256GCM"),
                edit("another cty", json -> json.put("protected", encode("{\"enc\":\"A256GCM\",\"cty\":\"" + MARK + "\"}")),
                        "protected.cty must be ewn-sealed"),
                edit("a protected zip", json -> json.put("protected",
                        encode("{\"enc\":\"A256GCM\",\"cty\":\"ewn-sealed\",\"zip\":\"DEF\"}")),
                        "protected has members other"),
                edit("protected enc twice", json -> json.put("protected",
                        encode("{\"enc\":\"A256GCM\",\"cty\":\"ewn-sealed\",\"enc\":\"A256GCM\"}")),
                        "protected is not JSON"),
                edit("recipients not an array", json -> json.put("recipients", MARK), "recipients is not an array"),
                edit("no recipient", json -> json.putArray("recipients"),
                        "recipients must name 1 to 200 recipients, not 0"),
                edit("201 recipients", json -> {
                    ArrayNode list = (ArrayNode) json.get("recipients");
                    while (list.size() < 201) {
                        list.add(list.get(0).deepCopy());
                    }
                }, "recipients must name 1 to 200 recipients, not 201"),
                edit("a kid twice", json -> ((ArrayNode) json.get("recipients")).add(recipient(json, 0).deepCopy()),
                        "recipients[3].header.kid names a recipient named before"),
                edit("an unknown recipient member", json -> recipient(json, 1).put("iv", MARK),
                        "recipients[1] has members other than header, encrypted_key"),
                edit("an unknown header member", json -> header(json, 1).put("apu", MARK),
                        "recipients[1].header has members other than alg, kid, epk"),
                edit("another alg", json -> header(json, 2).put("alg", "ECDH-ES"),
                        "recipients[2].header.alg must be ECDH-ES+A256KW"),
                edit("no kid", json -> header(json, 0).remove("kid"), "recipients[0].header.kid is missing"),
                edit("a kid of another form", json -> header(json, 0).put("kid", MARK),
                        "recipients[0].header.kid is not a network key id"),
                edit("another kty", json -> epk(json).put("kty", "EC"), "recipients[0].header.epk.kty must be OKP"),
                edit("another crv", json -> epk(json).put("crv", "X448"), "recipients[0].header.epk.crv must be X25519"),
                edit("an epk with d", json -> epk(json).put("d", MARK), "recipients[0].header.epk has members other"),
                edit("a short epk", json -> epk(json).put("x", encode(MARK)), "recipients[0].header.epk.x is not 32 bytes"),
                edit("an epk with the top bit set", json -> epk(json).put("x", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(topBitSet())), "recipients[0].header.epk.x is not an X25519 public key"),
                edit("a short encrypted key", json -> recipient(json, 0).put("encrypted_key", encode(MARK)),
                        "recipients[0].encrypted_key is not 40 bytes"),
                edit("a long iv", json -> json.put("iv", encode(MARK + MARK)), "iv is not 12 bytes"),
                edit("a short tag", json -> json.put("tag", encode(MARK)), "tag is not 16 bytes"),
                edit("a ciphertext in base64", json -> json.put("ciphertext", "+/" + MARK), "ciphertext is not base64url"),
                edit("a ciphertext one char too long", json -> json.put("ciphertext", "A"), "ciphertext is not base64url"),
                // "AB" decodes as "AA" would: its low bits are not zero
                edit("a non-canonical ciphertext", json -> json.put("ciphertext", "AB"), "ciphertext is not canonical"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refuses(String name, String json, String message) {
        assertThatThrownBy(() -> SealedContent.parse(json)).isInstanceOf(SealException.class)
                .hasMessageStartingWith("malformed sealed content: " + message)
                .hasMessageNotContaining(MARK).hasMessageNotContaining(encode(MARK)).hasNoCause();
    }

    @Test
    void refusesNoContentAtAll() {
        assertThatThrownBy(() -> SealedContent.parse(null)).isInstanceOf(SealException.class)
                .hasMessage("malformed sealed content: the top level is missing");
        assertThatThrownBy(() -> SealedContent.of(null)).isInstanceOf(SealException.class)
                .hasMessage("malformed sealed content: the top level is not a JSON object");
    }

    private static Arguments text(String name, String json, String message) {
        return arguments(name, json, message);
    }

    private static Arguments edit(String name, Consumer<ObjectNode> edit, String message) {
        ObjectNode json = VALID.deepCopy();
        edit.accept(json);
        return arguments(name, json.toString(), message);
    }

    private static ObjectNode recipient(ObjectNode json, int index) {
        return (ObjectNode) json.get("recipients").get(index);
    }

    private static ObjectNode header(ObjectNode json, int index) {
        return (ObjectNode) recipient(json, index).get("header");
    }

    private static ObjectNode epk(ObjectNode json) {
        return (ObjectNode) header(json, 0).get("epk");
    }

    private static byte[] topBitSet() {
        byte[] x = Base64.getUrlDecoder().decode(epk(VALID.deepCopy()).get("x").textValue());
        x[31] |= (byte) 0x80;
        return x;
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
