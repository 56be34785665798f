package org.ewn.api.member;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Members' and agencies' codes are checked by hand; these tests hold the checks to the formats as regular
 * expressions state them, over the edges of each length and many random strings of the characters that matter.
 */
class CodeFormatTest {

    private static final Pattern MEMBER = Pattern.compile("[A-Z][A-Z0-9]{1,9}");
    private static final Pattern AGENCY = Pattern.compile("[A-Z][A-Z0-9]{1,9}-[A-Z0-9]{1,20}");
    private static final String CHARACTERS = "AKZ09-a ÉΑ_@[/:";

    @Test
    void theEdgesOfEachFormat() {
        assertThat(MemberCode.of("KZ").value()).isEqualTo("KZ");
        assertThat(MemberCode.of("UNOCT12345").value()).isEqualTo("UNOCT12345");
        assertThat(new AgencyCode("K1-2").member()).isEqualTo(MemberCode.of("K1"));
        assertThat(new AgencyCode("UNOCT12345-" + "D".repeat(20)).member()).isEqualTo(MemberCode.of("UNOCT12345"));
        for (String member : new String[] {"", "K", "1Z", "kz", "KZ-", "UNOCT123456", "KÉ", "K Z"}) {
            assertThatThrownBy(() -> MemberCode.of(member)).as(member).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("member code must be");
        }
        for (String agency : new String[] {"", "KZ", "KZ-", "-MVD", "K-MVD", "KZ-MVD-X", "KZ--MVD", "kz-MVD",
                                           "KZ-mvd", "KZ-" + "D".repeat(21), "UNOCT123456-D", "KZ_MVD", "KZ-MVD "}) {
            assertThatThrownBy(() -> new AgencyCode(agency)).as(agency)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agency code must look like");
        }
    }

    @Test
    void theChecksAgreeWithTheFormatsOnRandomStrings() {
        Random random = new Random(20261127);
        int members = 0;
        int agencies = 0;
        for (int i = 0; i < 300_000; i++) {
            String candidate = randomCandidate(random);
            boolean member = MEMBER.matcher(candidate).matches();
            boolean agency = AGENCY.matcher(candidate).matches();
            assertThat(accepted(() -> MemberCode.of(candidate))).as(candidate).isEqualTo(member);
            assertThat(accepted(() -> new AgencyCode(candidate))).as(candidate).isEqualTo(agency);
            members += member ? 1 : 0;
            agencies += agency ? 1 : 0;
        }
        assertThat(members).as("valid member codes among the candidates").isGreaterThan(1_000);
        assertThat(agencies).as("valid agency codes among the candidates").isGreaterThan(1_000);
    }

    /** Mostly near-valid strings: an upper-case start, letters and digits, a hyphen, a stray character or two. */
    private static String randomCandidate(Random random) {
        int length = random.nextInt(34);
        StringBuilder candidate = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int roll = random.nextInt(100);
            if (roll < 70) {
                candidate.append((char) ('A' + random.nextInt(26)));
            } else if (roll < 85) {
                candidate.append((char) ('0' + random.nextInt(10)));
            } else if (roll < 93) {
                candidate.append('-');
            } else {
                candidate.append(CHARACTERS.charAt(random.nextInt(CHARACTERS.length())));
            }
        }
        return candidate.toString();
    }

    private static boolean accepted(Runnable construction) {
        try {
            construction.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
