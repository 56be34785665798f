package org.ewn.protect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.ewn.api.member.MemberCode;
import org.ewn.api.subject.DataKind;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The hub's subject keys, wrapped by the master key, one small file per subject ({@code <dir>/<2 hex>/<id>.keys}),
 * apart from the event store: an erasure must leave nothing behind, and a database's files keep deleted records
 * until they are compacted. Every change writes a new file and renames it into place; the file it replaces, and a
 * file erased whole, is overwritten with zeros before it is let go. A complete erasure leaves a tombstone
 * ({@code <id>.erased}, a time only), so no new data is recorded for that person.
 *
 * <p>Overwriting is what a program can do; journaling file systems and SSDs may keep older copies of a block. The
 * master key closes that gap: rotating it after an erasure ({@link #rewrap()}) leaves any stray copy of a wrapped
 * key unreadable. One process writes a key directory; nodes of a distributed deployment use a key service instead.
 */
public final class SubjectKeyStore {

    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private final Path dir;
    private final MasterKey current;
    private final Map<String, MasterKey> masterKeys = new LinkedHashMap<>();
    private final ReentrantLock lock;
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    /** @param previous earlier master keys, to unwrap what they wrapped until {@link #rewrap()} has run */
    public SubjectKeyStore(Path dir, MasterKey current, Collection<? extends MasterKey> previous) {
        this.dir = dir.toAbsolutePath().normalize();
        this.current = current;
        masterKeys.put(current.id(), current);
        previous.forEach(key -> masterKeys.putIfAbsent(key.id(), key));
        this.lock = LOCKS.computeIfAbsent(this.dir, d -> new ReentrantLock());
        try {
            Files.createDirectories(this.dir);
            ownerOnly(this.dir, "rwx------");
        } catch (IOException e) {
            throw new DataProtectionException("cannot make the subject key directory " + this.dir, e);
        }
    }

    public String masterKeyId() {
        return current.id();
    }

    /**
     * Keeps a subject key. The first member to record data about a subject owns it: its administrators may erase it.
     * Recording the same key again is a no-op; another key under a key id already used is refused.
     */
    public void record(UUID subject, String keyId, SecretKey key, DataKind kind, MemberCode member, Instant at) {
        locked(() -> {
            if (erasedAt(subject).isPresent()) {
                throw new SubjectErasedException(subject);
            }
            SubjectKeys keys = read(subject).orElseGet(() -> new SubjectKeys(subject, member.value(), List.of()));
            Optional<StoredKey> existing = keys.keys().stream().filter(k -> k.keyId().equals(keyId)).findFirst();
            if (existing.isPresent()) {
                if (!MessageDigest.isEqual(unwrap(subject, existing.get()), key.getEncoded())) {
                    throw new DataProtectionException("key id " + keyId + " of subject " + subject
                            + " is already used for another key; choose a new random key id");
                }
                return null;
            }
            List<StoredKey> all = new ArrayList<>(keys.keys());
            all.add(new StoredKey(keyId, kind, at, current.id(),
                    ENCODER.encodeToString(current.wrap(key.getEncoded(), context(subject, keyId)))));
            write(keysFile(subject), new SubjectKeys(subject, keys.owner(), all));
            return null;
        });
    }

    /** The key, unless it was never recorded or has been destroyed. */
    public Optional<SecretKey> key(UUID subject, String keyId) {
        return read(subject).flatMap(keys -> keys.keys().stream().filter(k -> k.keyId().equals(keyId)).findFirst())
                .map(stored -> SubjectCipher.key(unwrap(subject, stored)));
    }

    /** The member that first recorded data about the subject, while it has any. */
    public Optional<MemberCode> owner(UUID subject) {
        return read(subject).map(keys -> MemberCode.of(keys.owner()));
    }

    public List<String> keyIds(UUID subject) {
        return read(subject).map(keys -> keys.keys().stream().map(StoredKey::keyId).toList()).orElse(List.of());
    }

    /** When the subject was erased whole, if it was. */
    public Optional<Instant> erasedAt(UUID subject) {
        try {
            return Optional.of(json.readValue(tombstone(subject).toFile(), Tombstone.class).erasedAt());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DataProtectionException("cannot read the erasure record of subject " + subject, e);
        }
    }

    /** Destroys some of a subject's keys (those whose retention ended); destroying a missing key does nothing. */
    public void destroy(UUID subject, Collection<String> keyIds) {
        locked(() -> {
            Optional<SubjectKeys> keys = read(subject);
            if (keys.isEmpty()) {
                return null;
            }
            Set<String> gone = new HashSet<>(keyIds);
            List<StoredKey> kept = keys.get().keys().stream().filter(k -> !gone.contains(k.keyId())).toList();
            if (kept.size() == keys.get().keys().size()) {
                return null;
            }
            if (kept.isEmpty()) {
                shred(keysFile(subject));
            } else {
                write(keysFile(subject), new SubjectKeys(subject, keys.get().owner(), kept));
            }
            return null;
        });
    }

    /** Erases a subject whole: a tombstone first, so that a crash between the two never lets data in again. */
    public void destroyAll(UUID subject, Instant erasedAt) {
        locked(() -> {
            if (erasedAt(subject).isEmpty()) {
                write(tombstone(subject), new Tombstone(subject, erasedAt));
            }
            shred(keysFile(subject));
            return null;
        });
    }

    /** Keys whose kind of data has been kept for its whole retention period by {@code now}. */
    public List<Due> due(Map<DataKind, Duration> retention, Instant now) {
        List<Due> due = new ArrayList<>();
        for (SubjectKeys keys : all()) {
            Map<DataKind, List<String>> byKind = new LinkedHashMap<>();
            for (StoredKey key : keys.keys()) {
                Duration period = retention.get(key.kind());
                if (period != null && !key.recordedAt().plus(period).isAfter(now)) {
                    byKind.computeIfAbsent(key.kind(), k -> new ArrayList<>()).add(key.keyId());
                }
            }
            byKind.forEach((kind, ids) -> due.add(new Due(keys.subject(), kind, retention.get(kind), ids)));
        }
        return due;
    }

    /** Wraps every key still wrapped by an earlier master key with the current one; the number rewrapped. */
    public int rewrap() {
        return locked(() -> {
            int rewrapped = 0;
            for (SubjectKeys keys : all()) {
                if (keys.keys().stream().allMatch(k -> k.masterKey().equals(current.id()))) {
                    continue;
                }
                List<StoredKey> fresh = new ArrayList<>();
                for (StoredKey key : keys.keys()) {
                    if (key.masterKey().equals(current.id())) {
                        fresh.add(key);
                        continue;
                    }
                    byte[] plain = unwrap(keys.subject(), key);
                    fresh.add(new StoredKey(key.keyId(), key.kind(), key.recordedAt(), current.id(), ENCODER
                            .encodeToString(current.wrap(plain, context(keys.subject(), key.keyId())))));
                    rewrapped++;
                }
                write(keysFile(keys.subject()), new SubjectKeys(keys.subject(), keys.owner(), fresh));
            }
            return rewrapped;
        });
    }

    /** The master keys that still wrap at least one subject key. */
    public Set<String> masterKeysInUse() {
        Set<String> used = new HashSet<>();
        all().forEach(keys -> keys.keys().forEach(k -> used.add(k.masterKey())));
        return used;
    }

    private byte[] unwrap(UUID subject, StoredKey stored) {
        MasterKey master = masterKeys.get(stored.masterKey());
        if (master == null) {
            throw new DataProtectionException("a key of subject " + subject + " is wrapped by master key "
                    + stored.masterKey() + ", which is not configured; give it as a previous master key "
                    + "(ewn.protection.previous-master-keys) until the keys are rewrapped");
        }
        return master.unwrap(DECODER.decode(stored.wrapped()), context(subject, stored.keyId()));
    }

    private static byte[] context(UUID subject, String keyId) {
        return SubjectCipher.associatedData(subject, keyId);
    }

    private List<SubjectKeys> all() {
        List<SubjectKeys> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir, 2)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(".keys"))::iterator) {
                String name = file.getFileName().toString();
                try {
                    read(UUID.fromString(name.substring(0, name.length() - ".keys".length()))).ifPresent(all::add);
                } catch (IllegalArgumentException e) {
                    // not a subject's file
                }
            }
        } catch (IOException e) {
            throw new DataProtectionException("cannot list the subject key directory " + dir, e);
        }
        return all;
    }

    private Optional<SubjectKeys> read(UUID subject) {
        try {
            byte[] content = Files.readAllBytes(keysFile(subject));
            if (content.length == 0 || content[0] == 0) {
                return Optional.empty();     // shredding was interrupted: the zeros finish it
            }
            return Optional.of(json.readValue(content, SubjectKeys.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DataProtectionException("cannot read the keys of subject " + subject, e);
        }
    }

    private Path keysFile(UUID subject) {
        return dir.resolve(subject.toString().substring(0, 2)).resolve(subject + ".keys");
    }

    private Path tombstone(UUID subject) {
        return dir.resolve(subject.toString().substring(0, 2)).resolve(subject + ".erased");
    }

    /** Writes through a new file renamed into place, then overwrites the replaced file through a handle kept open. */
    private void write(Path file, Object content) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(temp);
            Files.createFile(temp);
            ownerOnly(temp, "rw-------");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(json.writeValueAsBytes(content)));
                channel.force(true);
            }
            FileChannel replaced = Files.exists(file) ? FileChannel.open(file, StandardOpenOption.WRITE) : null;
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                if (replaced != null) {
                    zero(replaced);
                }
            } finally {
                if (replaced != null) {
                    replaced.close();
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new DataProtectionException("a key file is being written twice: " + file, e);
        } catch (IOException e) {
            throw new DataProtectionException("cannot write " + file, e);
        }
    }

    private static void shred(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            zero(channel);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new DataProtectionException("cannot overwrite " + file, e);
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new DataProtectionException("cannot delete " + file, e);
        }
    }

    private static void zero(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer zeros = ByteBuffer.allocate(4096);
        for (long position = 0; position < size; position += zeros.capacity()) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), size - position));
            channel.write(zeros, position);
        }
        channel.force(true);
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    private <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** Keys of one kind of data due for erasure under its retention period. */
    public record Due(UUID subject, DataKind kind, Duration period, List<String> keyIds) {
    }

    record SubjectKeys(UUID subject, String owner, List<StoredKey> keys) {
    }

    /** @param wrapped the key wrapped by {@code masterKey}, base64url */
    record StoredKey(String keyId, DataKind kind, Instant recordedAt, String masterKey, String wrapped) {
    }

    record Tombstone(UUID subject, Instant erasedAt) {
    }
}
