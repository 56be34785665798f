package org.ewn.protect;

import org.ewn.api.member.MemberCode;
import org.ewn.api.subject.DataKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubjectKeyStoreTest {

    private static final MemberCode KZ = MemberCode.of("KZ");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void keepsKeysWrappedAndGivesThemBack() throws IOException {
        SubjectKeyStore store = new SubjectKeyStore(dir.resolve("keys"), LocalMasterKey.generate(dir.resolve("master.key")),
                List.of());
        UUID subject = UUID.randomUUID();
        SecretKey key = SubjectCipher.newKey();
        store.record(subject, "key-one-0123456789", key, DataKind.ALERT, KZ, T0);
        store.record(subject, "key-one-0123456789", key, DataKind.ALERT, KZ, T0);

        assertThat(store.key(subject, "key-one-0123456789")).map(SecretKey::getEncoded).contains(key.getEncoded());
        assertThat(store.owner(subject)).contains(KZ);
        assertThat(contains(dir.resolve("keys"), key.getEncoded())).isFalse();
        assertThatThrownBy(() -> store.record(subject, "key-one-0123456789", SubjectCipher.newKey(), DataKind.ALERT,
                KZ, T0)).hasMessageContaining("already used");
    }

    @Test
    void anErasedSubjectLeavesNoKeyBytesBehindAndTakesNoMoreData() throws IOException {
        Path keys = dir.resolve("keys");
        SubjectKeyStore store = new SubjectKeyStore(keys, LocalMasterKey.generate(dir.resolve("master.key")), List.of());
        UUID subject = UUID.randomUUID();
        SecretKey first = SubjectCipher.newKey();
        store.record(subject, "first-key-0123456", first, DataKind.ALERT, KZ, T0);
        byte[] wrappedBefore = wrappedKeys(keys);
        SecretKey second = SubjectCipher.newKey();
        store.record(subject, "second-key-012345", second, DataKind.REFERRAL, KZ, T0);
        byte[] wrapped = wrappedKeys(keys);

        store.destroyAll(subject, T0.plusSeconds(60));

        assertThat(store.key(subject, "first-key-0123456")).isEmpty();
        assertThat(store.key(subject, "second-key-012345")).isEmpty();
        assertThat(store.erasedAt(subject)).contains(T0.plusSeconds(60));
        for (byte[] secret : List.of(first.getEncoded(), second.getEncoded(), wrapped, wrappedBefore)) {
            assertThat(contains(keys, secret)).isFalse();
        }
        assertThatThrownBy(() -> store.record(subject, "third-key-0123456", SubjectCipher.newKey(), DataKind.ALERT,
                KZ, T0)).isInstanceOf(SubjectErasedException.class);
    }

    @Test
    void retentionFindsTheKeysOfEachKindWhoseTimeHasCome() {
        SubjectKeyStore store = new SubjectKeyStore(dir, LocalMasterKey.generate(dir.resolve("master.key")), List.of());
        UUID subject = UUID.randomUUID();
        store.record(subject, "alert-key-0123456", SubjectCipher.newKey(), DataKind.ALERT, KZ, T0);
        store.record(subject, "referral-key-0123", SubjectCipher.newKey(), DataKind.REFERRAL, KZ, T0);
        Map<DataKind, Duration> retention = Map.of(DataKind.ALERT, Duration.ofDays(1), DataKind.REFERRAL,
                Duration.ofDays(10));

        assertThat(store.due(retention, T0.plus(Duration.ofHours(23)))).isEmpty();
        List<SubjectKeyStore.Due> due = store.due(retention, T0.plus(Duration.ofDays(1)));
        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DataKind.ALERT);
            assertThat(d.keyIds()).containsExactly("alert-key-0123456");
        });
        store.destroy(subject, due.get(0).keyIds());
        assertThat(store.key(subject, "alert-key-0123456")).isEmpty();
        assertThat(store.key(subject, "referral-key-0123")).isPresent();
        assertThat(store.erasedAt(subject)).isEmpty();
    }

    @Test
    void rewrappingUnderANewMasterKeyNeedsTheOldOneNoMore() throws IOException {
        Path keys = dir.resolve("keys");
        LocalMasterKey old = LocalMasterKey.generate(dir.resolve("old.key"));
        SubjectKeyStore before = new SubjectKeyStore(keys, old, List.of());
        List<UUID> subjects = new ArrayList<>();
        List<SecretKey> secrets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            subjects.add(UUID.randomUUID());
            secrets.add(SubjectCipher.newKey());
            before.record(subjects.get(i), "the-key-0123456789", secrets.get(i), DataKind.ALERT, KZ, T0);
        }
        byte[] wrappedByOld = wrappedKeys(keys);

        LocalMasterKey fresh = LocalMasterKey.generate(dir.resolve("new.key"));
        assertThat(new SubjectKeyStore(keys, fresh, List.of(old)).rewrap()).isEqualTo(5);

        SubjectKeyStore after = new SubjectKeyStore(keys, fresh, List.of());
        for (int i = 0; i < 5; i++) {
            assertThat(after.key(subjects.get(i), "the-key-0123456789")).map(SecretKey::getEncoded)
                    .contains(secrets.get(i).getEncoded());
        }
        assertThat(after.masterKeysInUse()).containsExactly(fresh.id());
        assertThat(contains(keys, wrappedByOld)).isFalse();
        assertThatThrownBy(() -> new SubjectKeyStore(keys, old, List.of()).key(subjects.get(0), "the-key-0123456789"))
                .hasMessageContaining("not configured");
    }

    /** The wrapped bytes of the first key found, decoded from base64url. */
    private static byte[] wrappedKeys(Path keys) throws IOException {
        try (Stream<Path> files = Files.walk(keys)) {
            Path file = files.filter(f -> f.toString().endsWith(".keys")).findFirst().orElseThrow();
            String content = Files.readString(file);
            String wrapped = content.replaceAll("(?s).*\"wrapped\":\"([A-Za-z0-9_-]+)\".*", "$1");
            return Base64.getUrlDecoder().decode(wrapped);
        }
    }

    private static boolean contains(Path root, byte[] needle) throws IOException {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(needle);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                if (indexOf(content, needle) >= 0 || indexOf(content, encoded.getBytes()) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
