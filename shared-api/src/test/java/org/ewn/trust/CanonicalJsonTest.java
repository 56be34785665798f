package org.ewn.trust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Vectors from RFC 8785 (sections 3.2.2 to 3.2.4 and Appendix B), and what must be refused. */
class CanonicalJsonTest {

    // RFC 8785 §3.2.2, written out with the same escapes as in the RFC
    private static final String RFC_INPUT = "{\n"
            + "  \"numbers\": [333333333.33333329, 1E30, 4.50,\n"
            + "              2e-3, 0.000000000000000000000000001],\n"
            + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
            + "  \"literals\": [null, true, false]\n"
            + "}";
    private static final String RFC_OUTPUT = "{\"literals\":[null,true,false],"
            + "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    // RFC 8785 §3.2.4
    private static final String RFC_OUTPUT_UTF8_HEX = ""
            + "7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72"
            + "75 65 2c 66 61 6c 73 65 5d 2c 22 6e 75 6d 62 65 72 73 22 3a"
            + "5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31"
            + "65 2b 33 30 2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37"
            + "5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 5c 75 30 30"
            + "30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d";

    @Test
    void canonicalizesTheExampleOfSection322() {
        assertThat(CanonicalJson.canonicalize(RFC_INPUT)).isEqualTo(RFC_OUTPUT);
    }

    @Test
    void producesTheUtf8BytesOfSection324() {
        byte[] expected = HexFormat.of().parseHex(RFC_OUTPUT_UTF8_HEX.replace(" ", ""));

        assertThat(CanonicalJson.canonicalize(RFC_INPUT.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @Test
    void sortsPropertiesByUtf16CodeUnitsAsInSection323() {
        String input = "{\n"
                + "  \"\\u20ac\": \"Euro Sign\",\n"
                + "  \"\\r\": \"Carriage Return\",\n"
                + "  \"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\",\n"
                + "  \"1\": \"One\",\n"
                + "  \"\\ud83d\\ude00\": \"Emoji: Grinning Face\",\n"
                + "  \"\\u0080\": \"Control\",\n"
                + "  \"\\u00f6\": \"Latin Small Letter O With Diaeresis\"\n"
                + "}";

        assertThat(CanonicalJson.canonicalize(input)).isEqualTo("{"
                + "\"\\r\":\"Carriage Return\","
                + "\"1\":\"One\","
                + "\"\u0080\":\"Control\","
                + "\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\","
                + "\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @ParameterizedTest(name = "0x{0} -> {1}")
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af6, 1e+23",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "41b3de4355555555, 333333333.3333333",
            "43143ff3c1cb0959, 1424953923781206.2",
    })
    void serializesNumbersAsAppendixB(String ieeeHex, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(ieeeHex, 16));

        assertThat(CanonicalJson.canonicalize("[" + Double.toString(value) + "]")).isEqualTo("[" + expected + "]");
        // the exact decimal expansion is another spelling of the same double
        assertThat(CanonicalJson.canonicalize(new BigDecimal(value).toString())).isEqualTo(expected);
    }

    @Test
    void canonicalizesALoneTopLevelValue() {
        assertThat(CanonicalJson.canonicalize(" 4.50 ")).isEqualTo("4.5");
        assertThat(CanonicalJson.canonicalize("\"\\u20ac\\/\"")).isEqualTo("\"\u20ac/\"");
        assertThat(CanonicalJson.canonicalize("null")).isEqualTo("null");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "duplicate property         | {\"a\":1,\"a\":2}                | Duplicate field 'a'",
            "duplicate escaped property | {\"a\":1,\"\\u0061\":2}          | Duplicate field 'a'",
            "nested duplicate           | {\"x\":{\"b\":true,\"b\":false}} | Duplicate field 'b'",
            "trailing comma in array    | [1,2,]                         | Unexpected character",
            "trailing comma in object   | {\"a\":1,}                     | Unexpected character",
            "trailing garbage           | {\"a\":1} x                    | Unrecognized token 'x'",
            "two top-level objects      | {} {}                          | more than one JSON value",
            "two top-level numbers      | 1 2                            | more than one JSON value",
            "lone high surrogate        | [\"\\ud800\"]                  | lone surrogate \\ud800",
            "lone low surrogate         | {\"\\udc00x\":1}               | lone surrogate \\udc00",
            "reversed surrogate pair    | \"\\ude00\\ud83d\"             | lone surrogate \\ude00",
            "noncharacter               | [\"\\uffff\"]                  | noncharacter U+FFFF",
            "leading zero               | [01]                           | Leading zeroes",
            "number beyond a double     | [1e400]                        | outside the IEEE 754 double range",
            "NaN                        | [NaN]                          | Non-standard token 'NaN'",
            "single quotes              | {'a':1}                        | Unexpected character",
            "unclosed object            | {\"a\":1                       | end-of-input",
            "blank                      | `  `                           | no JSON value",
    })
    void refusesWhatIsNotASingleIJsonValue(String what, String json, String reason) {
        assertThatThrownBy(() -> CanonicalJson.canonicalize(json))
                .isInstanceOfSatisfying(TrustException.class,
                        e -> assertThat(e.failure()).isEqualTo(TrustFailure.MALFORMED_ENVELOPE))
                .hasMessageContaining(reason);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] overlongSlash = {'[', '"', (byte) 0xC0, (byte) 0xAF, '"', ']'};
        byte[] encodedSurrogate = {'[', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ']'};

        for (byte[] json : new byte[][] {overlongSlash, encodedSurrogate}) {
            assertThatThrownBy(() -> CanonicalJson.canonicalize(json))
                    .isInstanceOf(TrustException.class)
                    .hasMessageContaining("not valid UTF-8");
        }
    }

    @Test
    void recognizesCanonicalBytes() {
        assertThat(CanonicalJson.isCanonical(RFC_OUTPUT.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(CanonicalJson.isCanonical(utf8("{\"a\":[1,\"\u20ac\"],\"b\":{}}"))).isTrue();
    }

    @Test
    void recognizesBytesThatAreNotCanonical() {
        assertThat(CanonicalJson.isCanonical(RFC_INPUT.getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(CanonicalJson.isCanonical(utf8("{\"b\":1,\"a\":2}"))).as("unsorted").isFalse();
        assertThat(CanonicalJson.isCanonical(utf8("{\"a\": 1}"))).as("whitespace").isFalse();
        assertThat(CanonicalJson.isCanonical(utf8("[1.0]"))).as("number spelling").isFalse();
        assertThat(CanonicalJson.isCanonical(utf8("[\"\\u0041\"]"))).as("needless escape").isFalse();
    }

    @Test
    void saysWhatIsWrongRatherThanAnsweringFalseForMalformedBytes() {
        assertThatThrownBy(() -> CanonicalJson.isCanonical(utf8("{\"a\":1,\"a\":1}")))
                .isInstanceOf(TrustException.class)
                .hasMessageContaining("Duplicate field 'a'");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
