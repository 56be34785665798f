package org.ewn.deploy.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ewn.api.subject.PersonalData;
import org.ewn.api.subject.ProtectedData;
import org.ewn.protect.SubjectCipher;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads people's personal data from JSON files and encrypts each under a fresh key of that person alone. */
final class PersonalDataFiles {

    private PersonalDataFiles() {
    }

    static Encrypted encrypt(List<Path> files) {
        ArrayNode subjects = Json.MAPPER.createArrayNode();
        Map<String, String> keys = new LinkedHashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (Path file : files == null ? List.<Path>of() : files) {
            Person person = person(read(file), file.toString());
            subjects.add(person.subject());
            keys.put(person.keyId(), person.key());
            ids.add(person.id());
        }
        return new Encrypted(subjects, keys, ids);
    }

    /**
     * One person's personal data, encrypted under a fresh key of that person alone; {@code "subject"} in it, if any,
     * is the person's id to reuse. {@code where} names the data in error messages.
     */
    static Person person(ObjectNode json, String where) {
        UUID subject = subject(json, where);
        json.remove("subject");
        PersonalData data;
        try {
            data = PersonalData.parse(json.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(where + ": " + e.getMessage());
        }
        SecretKey key = SubjectCipher.newKey();
        String keyId = SubjectCipher.newKeyId();
        ProtectedData sealed = SubjectCipher.encrypt(subject, keyId, key, data);
        return new Person(subject, Json.object().put("subject", subject.toString()).put("keyId", keyId)
                .put("iv", sealed.iv()).put("ciphertext", sealed.ciphertext()), keyId,
                Base64.getUrlEncoder().withoutPadding().encodeToString(key.getEncoded()));
    }

    private static ObjectNode read(Path file) {
        try {
            return Json.parseObject(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static UUID subject(ObjectNode json, String where) {
        String id = Json.text(json, "subject");
        if (id == null) {
            return UUID.randomUUID();
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(where + ": \"subject\" must be the person's id, a UUID", e);
        }
    }

    /** @param subject as a signed body carries it; {@code key} is base64url, for {@code subjectKeys} */
    record Person(UUID id, ObjectNode subject, String keyId, String key) {
    }

    /** @param ids the subjects, in the order of the files, so that a new person's id can be kept for next time */
    record Encrypted(ArrayNode subjects, Map<String, String> keys, List<UUID> ids) {
    }
}
