package org.ewn.protect;

import org.ewn.api.subject.PersonalData;
import org.ewn.api.subject.ProtectedData;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectCipherTest {

    private static final PersonalData AMINA = new PersonalData("Amina Testova", List.of("A. Testova"), "2015-03",
            "F", List.of("KZ"), List.of(new PersonalData.IdentityDocument("birth certificate", "BC-1234", "KZ")),
            "Returned with her mother in 2024", List.of());

    @Test
    void opensWhatItSealedAndShowsNothingInClear() {
        UUID subject = UUID.randomUUID();
        SecretKey key = SubjectCipher.newKey();
        String keyId = SubjectCipher.newKeyId();
        ProtectedData sealed = SubjectCipher.encrypt(subject, keyId, key, AMINA);

        assertThat(sealed.ciphertext()).doesNotContain("Amina");
        assertThat(new String(java.util.Base64.getUrlDecoder().decode(sealed.ciphertext()), StandardCharsets.UTF_8))
                .doesNotContain("Amina").doesNotContain("BC-1234");
        PersonalData opened = SubjectCipher.open(sealed, key);
        assertThat(opened).usingRecursiveComparison().isEqualTo(AMINA);
    }

    @Test
    void aCiphertextIsBoundToItsSubjectAndKeyId() {
        UUID subject = UUID.randomUUID();
        SecretKey key = SubjectCipher.newKey();
        ProtectedData sealed = SubjectCipher.encrypt(subject, SubjectCipher.newKeyId(), key, AMINA);

        ProtectedData otherPerson = new ProtectedData(UUID.randomUUID(), sealed.keyId(), sealed.iv(), sealed.ciphertext());
        ProtectedData otherKeyId = new ProtectedData(subject, SubjectCipher.newKeyId(), sealed.iv(), sealed.ciphertext());
        assertThatThrownBy(() -> SubjectCipher.open(otherPerson, key)).isInstanceOf(DataProtectionException.class);
        assertThatThrownBy(() -> SubjectCipher.open(otherKeyId, key)).isInstanceOf(DataProtectionException.class);
        assertThatThrownBy(() -> SubjectCipher.open(sealed, SubjectCipher.newKey()))
                .isInstanceOf(DataProtectionException.class);
    }

    @Test
    void personalDataIsReadStrictlyAndNeverPrinted() {
        assertThat(AMINA.toString()).doesNotContain("Amina");
        assertThat(AMINA.documents().get(0).toString()).doesNotContain("BC-1234");
        assertThatThrownBy(() -> PersonalData.parse("{\"name\":\"X\",\"religion\":\"Y\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("religion").hasMessageNotContaining("Y\"");
        assertThatThrownBy(() -> PersonalData.parse("{\"name\":\"X\",\"dateOfBirth\":\"15/03/2015\"}"
                .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("dateOfBirth").hasMessageNotContaining("15/03");
        assertThatThrownBy(() -> PersonalData.parse("{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("at least a name");
        assertThat(PersonalData.parse(AMINA.toJson())).usingRecursiveComparison().isEqualTo(AMINA);
    }
}
